import {classifyPrompt} from './classify-prompt';
import {WORDS_PER_SECOND} from './estimate-duration';
import {MIN_KEYWORDS} from './llm-plan-schema';
import type {PlanInput} from './planner';

/** Length a model writes to when the user gives no target: a short explainer. */
export const DEFAULT_TARGET_SEC = 60;

export type TemplateChoice = {id: string; description: string};

const languageName = (tag: string): string => {
	try {
		return new Intl.DisplayNames(['en'], {type: 'language'}).of(tag) ?? tag;
	} catch {
		return tag;
	}
};

const ASPECT_WORDS: Record<PlanInput['aspect'], string> = {
	'16:9': 'landscape 16:9',
	'9:16': 'portrait 9:16 (vertical, for phones)',
	'1:1': 'square 1:1',
};

/** The system and user messages that ask a model for a plan. */
export const plannerMessages = (input: PlanInput, templates: readonly TemplateChoice[]): {system: string; user: string} => {
	const target = input.targetDurationSec ?? DEFAULT_TARGET_SEC;
	const words = Math.round(target * WORDS_PER_SECOND);
	const scenes = Math.max(1, Math.min(12, Math.round(target / 9)));
	const shape = classifyPrompt(input.prompt, input.language).kind;
	const language = `${languageName(input.language)} (${input.language})`;
	const task =
		shape === 'script'
			? 'The prompt is a script: keep its wording exactly, split it into scenes, and add titles, on-screen text and search queries. Do not shorten, extend or translate it.'
			: shape === 'outline'
				? `The prompt is an outline: write a script that follows its points in order, about ${words} words of narration in total.`
				: `The prompt is a topic: write an accurate, engaging script about it, about ${words} words of narration in total.`;
	const system = [
		'You plan short narrated explainer videos for promptreel. Answer with JSON that matches the given schema.',
		task,
		`Write the title, scene titles, on-screen text and narration in ${language}, the language of the script. Never switch language.`,
		`Make about ${scenes} scene${scenes === 1 ? '' : 's'} of one to three sentences each; the video should last about ${target} seconds when read aloud at ${WORDS_PER_SECOND} words per second.`,
		`For every scene give ${MIN_KEYWORDS} to 5 visual search queries in English for a stock photo and video library, most specific first and ending with a generic one that surely has footage. Use concrete, filmable subjects (objects, places, actions), never abstract ideas.`,
		'Narration is spoken: no emoji, no markdown, no stage directions; write numbers as a narrator would say them.',
		`The video is ${ASPECT_WORDS[input.aspect]}.`,
		'Pick musicMood: calm, upbeat or serious.',
		`Pick the template: ${templates.map((t) => `"${t.id}" (${t.description})`).join('; ')}. Prefer "${input.template}" unless another one clearly suits the content better.`,
	].join('\n');
	return {system, user: input.prompt};
};
