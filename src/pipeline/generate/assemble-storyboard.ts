import {storyboardSchema, type Credit, type Scene, type Storyboard, type StoryboardInput, type Visual} from '../../compositions/storyboard';
import {ValidationError} from '../errors';
import {zodIssues} from '../parse-storyboard';
import type {PlannedStoryboard} from '../plan';
import {pickPalette} from './palettes';
import {themeFontOf, type RunOptions} from './run-options';
import type {VoicedScene} from './voice-stage';
import {wordsToCaptions} from './words-to-captions';

const TRANSITION_CYCLE = ['fade', 'slide', 'fade', 'wipe'] as const;
const DIRECTIONS = ['from-right', 'from-bottom', 'from-left', 'from-top'] as const;
const TRANSITION_MS = 500;
/**
 * The shortest a scene lasts once its narration is voiced and measured, so its title can be read
 * even when it says only a word. (Planning estimates lengths with its own minimum before any voice
 * exists: MIN_ESTIMATED_SCENE_MS in plan/estimate-duration.ts.)
 */
export const VOICED_SCENE_FLOOR_MS = 2200;

export type AssembleStoryboardOptions = {
	plan: PlannedStoryboard;
	options: RunOptions;
	/** Per scene, in plan order. */
	voiced: VoicedScene[];
	visuals: Visual[];
	music: Storyboard['music'];
	credits: Credit[];
};

/**
 * The full storyboard from a plan and its produced parts: each scene lasts its measured narration
 * plus the pauses around it, captions are its timed words. Parsed, so the result is valid.
 */
export const assembleStoryboard = (a: AssembleStoryboardOptions): Storyboard => {
	const {plan, options} = a;
	const scenes: StoryboardInput['scenes'] = plan.scenes.map((scene, i): Scene => {
		const voice = a.voiced[i]!;
		const previousTransition = i === 0 ? 0 : TRANSITION_MS;
		const offsetMs = i === 0 ? 350 : Math.max(150, Math.round(previousTransition * 0.6));
		const tailMs = TRANSITION_MS + 200;
		const durationMs = Math.max(VOICED_SCENE_FLOOR_MS, Math.round(offsetMs + voice.durationMs + tailMs));
		const type = TRANSITION_CYCLE[(options.seed + i) % TRANSITION_CYCLE.length]!;
		// Audio we synthesised records its text and voice, so a render can tell an edited scene
		// (a recorded voice-over does not: it is kept as it is).
		const synthesised = voice.audio !== null && !options.voiceover;
		return {
			id: scene.id,
			title: scene.title,
			text: scene.text,
			narration: {
				text: scene.narration,
				audio: voice.audio,
				voicedText: synthesised ? scene.narration : null,
				voice: synthesised ? {id: options.voice, rate: options.rate} : null,
				offsetMs,
				volume: 1,
			},
			visual: a.visuals[i]!,
			durationMs,
			durationSource: 'speech',
			shots: [],
			data: null,
			itemNumber: null,
			captions: wordsToCaptions(voice.words, offsetMs),
			transition: {type, direction: DIRECTIONS[(options.seed + i) % DIRECTIONS.length]!, durationMs: TRANSITION_MS},
		};
	});
	const input: StoryboardInput = {
		version: 2,
		title: plan.title,
		template: options.template,
		language: options.lang,
		format: {aspect: options.aspect, resolution: '1080p', fps: 30},
		theme: {palette: pickPalette(plan.musicMood, options.seed), fontFamily: themeFontOf(options.lang)},
		scenes,
		music: a.music,
		captionStyle: {enabled: true, preset: 'highlight', position: options.aspect === '9:16' ? 'center' : 'bottom', combineWithinMs: 1200, fontScale: 1},
		endCard: {enabled: true, title: null, durationMs: 3000},
		credits: a.credits,
		seed: options.seed,
	};
	const parsed = storyboardSchema.safeParse(input);
	if (!parsed.success) {
		const issues = zodIssues(parsed.error);
		throw new ValidationError(`The generated storyboard is invalid (a bug): ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
	}
	return parsed.data;
};
