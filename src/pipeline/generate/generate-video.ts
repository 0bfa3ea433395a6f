import {mkdir} from 'node:fs/promises';
import {join} from 'node:path';
import type {Storyboard} from '../../compositions/storyboard';
import {
	outputPaths,
	prepareOutputFolder,
	recordRunError,
	renderStoryboard,
	writeRunReport,
	type OutputFileKey,
	type RunReport,
	type StoredOutputs,
} from '../output';
import {AUTO_TEMPLATE, type Planner} from '../plan';
import type {OutputSink, Renderer} from '../render';
import type {VisualsProvider} from '../visuals';
import type {VoiceOverTranscriber, VoiceProvider} from '../voice';
import {assembleStoryboard} from './assemble-storyboard';
import {assertKnownVoice} from './assert-known-voice';
import {assertRunInputs} from './assert-run-inputs';
import type {GenerateOptionsInput} from './generate-options';
import {musicStage} from './music-stage';
import {planStage} from './plan-stage';
import {fontCreditsOf} from './run-options';
import {startRun, type GenerateProgress} from './start-run';
import {assertTemplateOption} from './template-option';
import {visualsStage} from './visuals-stage';
import {voiceStage} from './voice-stage';

export type GenerateVideoOptions = {
	prompt: string;
	options?: GenerateOptionsInput;
	/** Explicit output folder; default `<outBase>/<slug>/` (never overwriting an earlier run). */
	outDir?: string;
	outBase?: string;
	force?: boolean;
	/** Your own images and videos, matched to scenes by name or order. */
	mediaDir?: string | null;
	/** Caches (voice, renders, bundles). */
	dataDir: string;
	renderer: Renderer;
	/** Default: the offline heuristic planner. */
	planner?: Planner;
	/** What an "auto" voice means when configured (e.g. 'openai'); default the language's offline voice. */
	preferredVoice?: string | undefined;
	voiceProviders?: VoiceProvider[];
	/** Times the words of a --voiceover recording (e.g. Whisper); default: spread over detected speech. */
	transcribeVoiceOver?: VoiceOverTranscriber | null;
	/** Stock media for scenes without your own (e.g. Pexels); default none: offline illustrations. */
	visualsProvider?: VisualsProvider | null;
	/** Objects the video and poster may be written to instead of the output folder (see renderOutputs). */
	outputSink?: OutputSink | undefined;
	onProgress?: (p: GenerateProgress) => void;
	onWarning?: (message: string) => void;
	signal?: AbortSignal;
};

export type GenerateVideoResult = {
	outDir: string;
	files: Partial<Record<OutputFileKey, string>>;
	/** Files the renderer wrote to their objects (outputSink) rather than into `outDir`. */
	stored: StoredOutputs;
	storyboard: Storyboard;
	report: RunReport;
};

/**
 * Prompt -> finished video folder, stage by stage: plan, voice, visuals, music, assemble the
 * storyboard, render it (renderStoryboard, which writes storyboard.json and report.json). Every
 * stage reports progress; every fallback is in report.json with its reason. Bad input (template,
 * voice, options) is refused before any work.
 */
export const generateVideo = async (o: GenerateVideoOptions): Promise<GenerateVideoResult> => {
	const run = await startRun({
		command: 'generate',
		prompt: o.prompt,
		options: o.options,
		preferredVoice: o.preferredVoice,
		mediaDir: o.mediaDir,
		onProgress: o.onProgress,
		onWarning: o.onWarning,
		signal: o.signal,
	});
	const {options, report} = run;
	for (const w of run.runWarnings) run.warn('voicing', w.code, w.message);
	assertTemplateOption(options.template);
	await assertKnownVoice({voice: options.voice, providers: o.voiceProviders});
	await assertRunInputs({music: options.music, mediaDir: o.mediaDir, voiceover: options.voiceover});

	const plan = await planStage(run, {
		prompt: o.prompt,
		planner: o.planner,
		templateGiven: options.template !== AUTO_TEMPLATE,
		mediaDir: o.mediaDir,
	});
	const outDir = await prepareOutputFolder({out: o.outDir, base: o.outBase ?? 'out', title: plan.title, force: o.force});
	const mediaDir = join(outDir, 'media');
	await mkdir(mediaDir, {recursive: true});
	try {
		const voice = await voiceStage(run, {
			scenes: plan.scenes,
			outDir,
			mediaDir,
			dataDir: o.dataDir,
			voiceProviders: o.voiceProviders,
			transcribeVoiceOver: o.transcribeVoiceOver,
		});
		const visuals = await visualsStage(run, {
			scenes: plan.scenes,
			title: plan.title,
			voiced: voice.scenes,
			outDir,
			mediaDir,
			ownMediaDir: o.mediaDir,
			visualsProvider: o.visualsProvider,
		});
		const music = await musicStage(run, {mood: plan.musicMood, outDir, mediaDir});
		const storyboard = assembleStoryboard({
			plan,
			options,
			voiced: voice.scenes,
			visuals: visuals.visuals,
			music: music.music,
			credits: [...visuals.leadingCredits, ...voice.credits, ...visuals.credits, ...music.credits, ...fontCreditsOf(options.lang)],
		});
		const rendered = await renderStoryboard({
			storyboard,
			outDir,
			quality: options.quality,
			renderer: o.renderer,
			dataDir: o.dataDir,
			force: o.force,
			outputSink: o.outputSink,
			// Its stages voiced and illustrated every scene already.
			complete: false,
			report,
			startedAt: run.startedAt,
			onProgress: (p) => run.progress(p.stage, p.progress),
			onWarning: o.onWarning,
			signal: o.signal,
		});
		return {outDir, files: rendered.files, stored: rendered.stored, storyboard: rendered.storyboard, report};
	} catch (error) {
		// Loses nothing: the report says what failed and what had been done.
		recordRunError(report, error, run.startedAt);
		await writeRunReport(outputPaths(outDir).report, report).catch(() => undefined);
		throw error;
	}
};
