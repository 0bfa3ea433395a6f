import {computeTimeline, type Storyboard} from '../../compositions/storyboard';
import type {RunReport} from '../output';
import {AUTO_TEMPLATE, type Planner} from '../plan';
import {readingSpeedTimings} from '../voice';
import {assembleStoryboard} from './assemble-storyboard';
import type {GenerateOptionsInput} from './generate-options';
import {planStage} from './plan-stage';
import {assertKnownMusic, resolveMusic} from './music-choice';
import {fontCreditsOf} from './run-options';
import {startRun, type GenerateProgress} from './start-run';
import {assertTemplateOption} from './template-option';

export type PlanVideoOptions = {
	prompt: string;
	options?: GenerateOptionsInput;
	/** Default: the offline heuristic planner. */
	planner?: Planner;
	/** What an "auto" voice means when configured (e.g. 'openai'); default the language's offline voice. */
	preferredVoice?: string | undefined;
	onProgress?: (p: GenerateProgress) => void;
	onWarning?: (message: string) => void;
	signal?: AbortSignal;
};

/** A file a planned storyboard names: `src` (relative to the storyboard's folder) is a copy of `file`. */
export type PlannedMedia = {src: string; file: string};

export type PlanVideoResult = {
	/**
	 * A valid storyboard before voice and pictures: narration not yet voiced (captions at reading
	 * speed), procedural backgrounds, and the music chosen (`null` for none). A render completes it.
	 */
	storyboard: Storyboard;
	/** The files it names (the music), for the caller to store beside it (CLI) or as assets (service). */
	media: PlannedMedia[];
	/** The plan's report (command "plan"): planner, warnings, fallbacks, estimated length. */
	report: RunReport;
};

/**
 * Prompt -> storyboard, as data: plans the scenes and times them at reading speed. Writes no file
 * (the caller stores storyboard.json and report.json where it wants: the CLI's `plan` in its
 * output folder, the service in its job store).
 */
export const planVideo = async (o: PlanVideoOptions): Promise<PlanVideoResult> => {
	const run = await startRun({
		command: 'plan',
		prompt: o.prompt,
		options: o.options,
		preferredVoice: o.preferredVoice,
		onProgress: o.onProgress,
		onWarning: o.onWarning,
		signal: o.signal,
	});
	const {options, report} = run;
	assertTemplateOption(options.template);
	await assertKnownMusic(options.music);
	const plan = await planStage(run, {prompt: o.prompt, planner: o.planner, templateGiven: options.template !== AUTO_TEMPLATE});
	// The music choice is written into the storyboard (null means none), so a render plays what plan chose.
	const music = await resolveMusic({choice: options.music, mood: plan.musicMood});
	const storyboard = assembleStoryboard({
		plan,
		options,
		voiced: plan.scenes.map((scene) => ({
			audio: null,
			...readingSpeedTimings({text: scene.narration, language: options.lang, rate: options.rate}),
		})),
		visuals: plan.scenes.map(() => ({kind: 'procedural', style: 'orbs', icon: null, extraIcons: []})),
		music: music.music,
		credits: [...(music.credit ? [music.credit] : []), ...fontCreditsOf(options.lang)],
		unvoiced: true,
	});
	report.video = {durationMs: computeTimeline(storyboard).durationMs, scenes: storyboard.scenes.length, fps: storyboard.format.fps};
	report.totalMs = Math.round(performance.now() - run.startedAt);
	const media = music.file && music.music ? [{src: music.music.src, file: music.file}] : [];
	return {storyboard, media, report};
};
