import {mkdir, readdir} from 'node:fs/promises';
import {join, relative} from 'node:path';
import {computeTimeline, type Storyboard} from '../../compositions/storyboard';
import type {RunReport} from '../output';
import {AUTO_TEMPLATE, type PlannedStoryboard, type Planner} from '../plan';
import {readingSpeedTimings} from '../voice';
import {assembleStoryboard} from './assemble-storyboard';
import type {GenerateOptionsInput} from './generate-options';
import {planStage} from './plan-stage';
import {assertKnownMusic, resolveMusic} from './music-choice';
import {fontCreditsOf} from './run-options';
import {startRun, type GenerateProgress, type RunContext} from './start-run';
import {assertTemplateOption} from './template-option';
import type {VisualsProvider} from '../visuals';
import {visualsStage} from './visuals-stage';
import type {VoicedScene} from './voice-stage';

export type PlanVideoOptions = {
	prompt: string;
	options?: GenerateOptionsInput;
	/** Default: the offline heuristic planner. */
	planner?: Planner;
	/** What an "auto" voice means when configured (e.g. 'openai'); default the language's offline voice. */
	preferredVoice?: string | undefined;
	/**
	 * Resolve each scene's picture now (the CLI's `plan`), so you can see and change it before
	 * rendering: your media, stock media, else an illustration, as in generate. Files go into
	 * `<outDir>/media` (a folder the caller owns) and come back in `media`. Default: none, the
	 * render illustrates.
	 */
	visuals?: {outDir: string; ownMediaDir?: string | null; provider?: VisualsProvider | null};
	onProgress?: (p: GenerateProgress) => void;
	onWarning?: (message: string) => void;
	signal?: AbortSignal;
};

/** A file a planned storyboard names: `src` (relative to the storyboard's folder) is a copy of `file`. */
export type PlannedMedia = {src: string; file: string};

export type PlanVideoResult = {
	/**
	 * A valid storyboard before voice: narration not yet voiced (captions at reading speed), the
	 * pictures chosen with `visuals` (else bare procedural backgrounds) and the music chosen
	 * (`null` for none). A render completes it and keeps the pictures it names.
	 */
	storyboard: Storyboard;
	/** The files it names (music, pictures), for the caller to store beside it (CLI) or as assets (service). */
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
		mediaDir: o.visuals?.ownMediaDir,
		preferredVoice: o.preferredVoice,
		onProgress: o.onProgress,
		onWarning: o.onWarning,
		signal: o.signal,
	});
	const {options, report} = run;
	assertTemplateOption(options.template);
	await assertKnownMusic(options.music);
	const plan = await planStage(run, {
		prompt: o.prompt,
		planner: o.planner,
		templateGiven: options.template !== AUTO_TEMPLATE,
		mediaDir: o.visuals?.ownMediaDir,
	});
	// The music choice is written into the storyboard (null means none), so a render plays what plan chose.
	const music = await resolveMusic({choice: options.music, mood: plan.musicMood});
	const voiced = plan.scenes.map((scene) => ({
		audio: null,
		...readingSpeedTimings({text: scene.narration, language: options.lang, rate: options.rate}),
	}));
	const pictures = o.visuals ? await resolvePictures(run, {plan, voiced, ...o.visuals}) : null;
	const storyboard = assembleStoryboard({
		plan,
		options,
		voiced,
		visuals: pictures?.visuals ?? plan.scenes.map(() => ({kind: 'procedural', style: 'orbs', icon: null, extraIcons: []})),
		music: music.music,
		credits: [
			...(pictures?.leadingCredits ?? []),
			...(pictures?.credits ?? []),
			...(music.credit ? [music.credit] : []),
			...fontCreditsOf(options.lang),
		],
		unvoiced: true,
	});
	report.video = {durationMs: computeTimeline(storyboard).durationMs, scenes: storyboard.scenes.length, fps: storyboard.format.fps};
	report.totalMs = Math.round(performance.now() - run.startedAt);
	const media = [...(music.file && music.music ? [{src: music.music.src, file: music.file}] : []), ...(pictures?.media ?? [])];
	return {storyboard, media, report};
};

/** The visuals stage of generate, into the caller's folder; its files as PlannedMedia. */
const resolvePictures = async (
	run: RunContext,
	o: {plan: PlannedStoryboard; voiced: VoicedScene[]; outDir: string; ownMediaDir?: string | null; provider?: VisualsProvider | null},
) => {
	const mediaDir = join(o.outDir, 'media');
	await mkdir(mediaDir, {recursive: true});
	const result = await visualsStage(run, {
		scenes: o.plan.scenes,
		title: o.plan.title,
		voiced: o.voiced,
		outDir: o.outDir,
		mediaDir,
		ownMediaDir: o.ownMediaDir,
		visualsProvider: o.provider,
	});
	const media: PlannedMedia[] = (await readdir(mediaDir, {recursive: true, withFileTypes: true}))
		.filter((e) => e.isFile())
		.map((e) => {
			const file = join(e.parentPath, e.name);
			return {src: relative(o.outDir, file).split('\\').join('/'), file};
		});
	return {...result, media};
};
