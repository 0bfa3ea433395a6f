import {storyboardSchema, type Credit, type Scene, type Storyboard, type StoryboardInput, type Visual} from '../../compositions/storyboard';
import {narrationOffsetMs, speechSceneDurationMs} from '../complete/speech-timing';
import {ValidationError} from '../errors';
import {zodIssues} from '../parse-storyboard';
import {figuresToChart, type PlannedStoryboard} from '../plan';
import {chooseTransition} from './choose-transition';
import {pickPalette} from './palettes';
import {planShots} from './plan-shots';
import {themeFontOf, type RunOptions} from './run-options';
import type {VoicedScene} from './voice-stage';
import {wordsToCaptions} from './words-to-captions';

const TRANSITION_CYCLE = ['fade', 'slide', 'fade', 'wipe'] as const;
const DIRECTIONS = ['from-right', 'from-bottom', 'from-left', 'from-top'] as const;
const TRANSITION_MS = 500;
export {VOICED_SCENE_FLOOR_MS} from '../complete/speech-timing';

export type AssembleStoryboardOptions = {
	plan: PlannedStoryboard;
	options: RunOptions;
	/** Per scene, in plan order. */
	voiced: VoicedScene[];
	visuals: Visual[];
	music: Storyboard['music'];
	credits: Credit[];
	/** Nothing was voiced yet (plan): no scene records a voice, so a render voices every one. */
	unvoiced?: boolean;
};

/**
 * The full storyboard from a plan and its produced parts: each scene lasts its measured narration
 * plus the pauses around it, captions are its timed words. Parsed, so the result is valid.
 */
export const assembleStoryboard = (a: AssembleStoryboardOptions): Storyboard => {
	const {plan, options} = a;
	const scenes: StoryboardInput['scenes'] = plan.scenes.map((scene, i): Scene => {
		const voice = a.voiced[i]!;
		const offsetMs = narrationOffsetMs({index: i, previousTransitionMs: i === 0 ? 0 : TRANSITION_MS});
		const durationMs = speechSceneDurationMs({offsetMs, speechMs: voice.durationMs, transitionMs: TRANSITION_MS});
		const type = TRANSITION_CYCLE[(options.seed + i) % TRANSITION_CYCLE.length]!;
		const visual = a.visuals[i]!;
		const captions = wordsToCaptions(voice.words, offsetMs, options.lang);
		const next = a.visuals[i + 1] ?? null;
		// Narration we voiced records its text and voice (silent ones too: voice "none" stays
		// silent), so a render can tell an edited scene; a recorded voice-over does not (it is
		// kept as it is), nor a plan (nothing voiced yet).
		const synthesised = !a.unvoiced && !options.voiceover;
		return {
			id: scene.id,
			title: scene.title,
			text: scene.text,
			narration: {
				text: scene.narration,
				audio: voice.audio,
				voicedText: synthesised ? scene.narration : null,
				voice: synthesised ? {id: voice.provider ?? options.voice, rate: options.rate} : null,
				offsetMs,
				volume: 1,
			},
			visual,
			durationMs,
			durationSource: 'speech',
			// Beats tied to the words, so no frame is held longer than 4 s (see plan-shots.ts).
			shots: planShots({captions, durationMs, visual, language: options.lang, seed: options.seed + i}),
			// A data story charts the figures its narration says; a listicle numbers the outline's items.
			data: options.template === 'data-story' ? figuresToChart(scene.narration) : null,
			itemNumber: scene.itemNumber,
			captions,
			transition: chooseTransition({
				wanted: {type, direction: DIRECTIONS[(options.seed + i) % DIRECTIONS.length]!, durationMs: TRANSITION_MS},
				from: visual,
				to: next,
			}),
		};
	});
	const input: StoryboardInput = {
		version: 2,
		title: plan.title,
		template: options.template,
		...(options.templateOptions ? {templateOptions: options.templateOptions} : {}),
		language: options.lang,
		format: {aspect: options.aspect, resolution: '1080p', fps: options.fps},
		theme: {palette: paletteFor(plan, a.visuals).palette, fontFamily: themeFontOf(options.lang)},
		scenes,
		music: a.music,
		captionStyle: {
			enabled: true,
			preset: 'highlight',
			position: options.aspect === '9:16' ? 'center' : 'bottom',
			combineWithinMs: 1200,
			fontScale: 1,
		},
		endCard: {enabled: true, title: null, durationMs: 3000},
		credits: a.credits,
		seed: options.seed,
	};
	const parsed = storyboardSchema.safeParse(input);
	if (!parsed.success) {
		const issues = zodIssues(parsed.error);
		throw new ValidationError(
			`The generated storyboard is invalid (a bug): ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
			issues,
		);
	}
	return parsed.data;
};

/** The English name of an illustration from its file ("media/emoji-hot-beverage.svg" -> "hot beverage"), or null. */
const iconName = (src: string | null): string | null => {
	const m = src ? /emoji-([a-z0-9-]+)\.svg$/.exec(src) : null;
	return m ? m[1]!.replaceAll('-', ' ') : null;
};

/**
 * The video's palette from its topic: the names of its pictures (English whatever the language,
 * see emoji-illustration.ts), its title and keywords. Costs nothing: no word index is loaded.
 */
const paletteFor = (plan: PlannedStoryboard, visuals: readonly Visual[]) => {
	const names = visuals.flatMap((v) => (v.kind === 'procedural' ? [iconName(v.icon), ...v.extraIcons.map(iconName)] : []));
	const topicWords = [
		...names.filter((n): n is string => n !== null),
		...plan.title.split(/\s+/),
		...plan.scenes.flatMap((s) => s.keywords),
	];
	return pickPalette({mood: plan.musicMood, topicWords, title: plan.title});
};
