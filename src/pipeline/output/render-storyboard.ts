import {mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {computeTimeline, type Storyboard} from '../../compositions/storyboard';
import type {LookupFunction} from 'node:net';
import {PromptreelError} from '../errors';
import {completeStoryboard, importLocalMedia} from '../complete';
import {isRemoteMedia, localizeRemoteMedia, mediaRefsOf} from '../media';
import type {OutputSink, Quality, Renderer} from '../render';
import type {VoiceProvider} from '../voice';
import {checkStoryboardWithWarnings} from './check-storyboard';
import {outputPaths, type OutputFileKey} from './output-folder';
import {renderOutputs, type RenderOutputsProgress, type StoredOutputs} from './render-outputs';
import {newRunReport, recordRunError, writeRunReport, type RunReport, type StageName} from './run-report';

export type RenderStoryboardProgress = {stage: StageName | RenderOutputsProgress['stage']; progress: number};

export type RenderStoryboardOptions = {
	/** JSON data (parsed and checked here) or an already parsed storyboard. */
	storyboard: unknown;
	/** The file it was read from, for error messages and report.json. */
	source?: string;
	/** The folder the files go to; created if missing. Choosing it (and refusing another run's) is the caller's. */
	outDir: string;
	/**
	 * Folder relative media resolve against. Default `outDir`. The output folder is always the
	 * storyboard's home: media found in another folder are copied into it at the same relative
	 * paths, every https media (visuals, icons, narration, music, logo, font) is downloaded into its `media/` through the guarded downloader (the renderer never fetches a URL), new
	 * narration and pictures go there too, and the completed storyboard.json is written beside the
	 * video: the folder is self-contained. Media that are not files yet (a job's uploaded assets)
	 * are the caller's to copy.
	 */
	mediaDir?: string;
	/**
	 * Complete the storyboard first (default true): voice scenes whose audio is missing or made from
	 * another text, time their captions, illustrate bare procedural scenes (see completeStoryboard).
	 * The bench turns it off to measure rendering alone.
	 */
	complete?: boolean;
	/** The voice asked for (`auto`, `none`, an id): scenes voiced by another are voiced again. Absent: as recorded. */
	voice?: string | undefined;
	/** The speaking rate asked for; absent: as recorded. */
	rate?: number | undefined;
	/** What an "auto" voice means when configured (e.g. 'openai' with a key). */
	preferredVoice?: string | undefined;
	/** Default: the offline voices. */
	voiceProviders?: VoiceProvider[] | undefined;
	/** Unknown keys are dropped with a warning each instead of refused (--allow-unknown-keys). */
	allowUnknownKeys?: boolean | undefined;
	quality: Quality;
	renderer: Renderer;
	/** Caches live under it (`<dataDir>/renders`). */
	dataDir: string;
	/** Render again even when the render cache has the result. */
	force?: boolean;
	/** Objects the video and poster may be written to instead of `outDir` (see renderOutputs). */
	outputSink?: OutputSink | undefined;
	/** PROMPTREEL_ALLOW_PRIVATE_URLS: https media may come from loopback and private addresses. */
	allowPrivateNetwork?: boolean;
	/** The name lookup under the download guard (default the system resolver; tests map names to loopback). */
	lookup?: LookupFunction;
	/** The job running this render, recorded in report.json. */
	job?: {id: string; attempt: number};
	/** A report earlier stages began (generate); default a new render report. */
	report?: RunReport;
	/** `performance.now()` when the whole run started, for totals; default now. */
	startedAt?: number;
	onProgress?: (p: RenderStoryboardProgress) => void;
	onWarning?: (message: string) => void;
	signal?: AbortSignal;
};

export type RenderStoryboardResult = {
	/** The storyboard rendered: completed, its media in the output folder (as written to storyboard.json). */
	storyboard: Storyboard;
	files: Partial<Record<OutputFileKey, string>>;
	/** Files of `files` the renderer wrote to their objects (outputSink) rather than into `outDir`. */
	stored: StoredOutputs;
	report: RunReport;
};

const remoteRefs = (sb: Storyboard) => mediaRefsOf(sb).filter((r) => isRemoteMedia(r.src));

/**
 * Storyboard -> output folder: checks it (schema, template, media), makes the folder its home
 * (local media copied in, https media downloaded), completes it (voices edited or unvoiced
 * scenes, illustrates bare ones: see completeStoryboard), renders video and poster through the
 * given Renderer (render cache first), writes captions, credits, the completed storyboard.json and
 * report.json. The one render path of the CLI, generate, jobs and bench. A failure after the
 * folder is in use still writes report.json, saying what failed.
 */
export const renderStoryboard = async (o: RenderStoryboardOptions): Promise<RenderStoryboardResult> => {
	const started = o.startedAt ?? performance.now();
	const checked = checkStoryboardWithWarnings({
		storyboard: o.storyboard,
		source: o.source,
		mediaDir: o.mediaDir ?? o.outDir,
		allowUnknownKeys: o.allowUnknownKeys,
	});
	let storyboard = checked.storyboard;
	const report =
		o.report ??
		newRunReport({
			command: 'render',
			storyboard: o.source ?? null,
			job: o.job,
			options: {quality: o.quality, ...(o.voice === undefined ? {} : {voice: o.voice}), ...(o.rate === undefined ? {} : {rate: o.rate})},
			language: storyboard.language,
		});
	const paths = outputPaths(o.outDir);
	const files: RenderStoryboardResult['files'] = {};
	const progress = (stage: RenderStoryboardProgress['stage'], p: number) => o.onProgress?.({stage, progress: p});
	const warn = (stage: RunReport['warnings'][number]['stage'], code: string, message: string) => {
		report.warnings.push({stage, code, message});
		o.onWarning?.(message);
	};
	for (const w of checked.warnings) warn('planning', w.code, `${w.path}: ${w.message}`);
	await mkdir(o.outDir, {recursive: true});
	try {
		await importLocalMedia({storyboard, from: o.mediaDir ?? o.outDir, to: o.outDir});
		const mediaDir = o.outDir;
		if (remoteRefs(storyboard).length > 0) {
			const t = performance.now();
			progress('fetching', 0);
			const localized = await localizeRemoteMedia({
				storyboard,
				outDir: o.outDir,
				allowPrivateNetwork: o.allowPrivateNetwork,
				lookup: o.lookup,
				signal: o.signal,
			});
			for (const w of localized.warnings) warn('fetching', w.code, w.message);
			storyboard = localized.storyboard;
			report.stagesMs.fetching = Math.round(performance.now() - t);
			progress('fetching', 1);
			// Every URL is now a local file or left out: the renderer must never be handed one.
			const left = remoteRefs(storyboard);
			if (left.length > 0)
				throw new PromptreelError('INTERNAL', `https media left after localizing: ${left.map((r) => r.path).join(', ')}.`);
		}
		if (o.complete !== false) {
			const completed = await completeStoryboard({
				storyboard,
				dir: o.outDir,
				dataDir: o.dataDir,
				voice: o.voice,
				rate: o.rate,
				preferredVoice: o.preferredVoice,
				voiceProviders: o.voiceProviders,
				signal: o.signal,
				onProgress: (p) => progress(p.stage, p.progress),
			});
			storyboard = completed.storyboard;
			for (const w of completed.warnings) warn(w.stage, w.code, w.message);
			report.fallbacks.push(...completed.fallbacks);
			for (const [stage, ms] of Object.entries(completed.stagesMs))
				report.stagesMs[stage as 'voicing'] = (report.stagesMs[stage as 'voicing'] ?? 0) + ms;
			if (completed.providers.voicing) report.providers.voicing ??= completed.providers.voicing;
			if (completed.providers.fetching) report.providers.fetching ??= completed.providers.fetching;
			const ids = (pick: (s: (typeof completed.scenes)[number]) => boolean) => completed.scenes.filter(pick).map((s) => s.id);
			report.completion = {
				scenes: completed.scenes,
				voiced: ids((s) => s.narration === 'voiced'),
				reused: ids((s) => s.narration === 'reused' || s.narration === 'recorded'),
				voiceCacheHits: ids((s) => s.voiceCacheHit === true),
			};
		}
		await writeFile(paths.storyboard, `${JSON.stringify(storyboard, null, 2)}\n`);
		files.storyboard = paths.storyboard;
		report.video = {durationMs: computeTimeline(storyboard).durationMs, scenes: storyboard.scenes.length, fps: storyboard.format.fps};

		const renderStarted = performance.now();
		const rendered = await renderOutputs({
			storyboard,
			mediaDir,
			outDir: o.outDir,
			quality: o.quality,
			renderer: o.renderer,
			cacheDir: join(o.dataDir, 'renders'),
			force: o.force,
			outputSink: o.outputSink,
			signal: o.signal,
			onProgress: (p) => progress(p.stage, p.progress),
		});
		const now = performance.now();
		report.stagesMs.rendering = Math.round(now - renderStarted);
		report.providers.rendering = rendered.renderedBy?.id ?? o.renderer.id;
		if (rendered.renderedBy && rendered.renderedBy.id !== o.renderer.id) {
			const reason = rendered.renderedBy.note ?? `the ${o.renderer.id} renderer handed it on`;
			report.fallbacks.push({stage: 'rendering', from: o.renderer.id, to: rendered.renderedBy.id, reason});
		}
		report.renderTimingsMs = rendered.timings;
		if (rendered.lambda) report.lambda = rendered.lambda;
		if (rendered.chunks) report.chunks = rendered.chunks;
		report.cacheHit = rendered.cacheHit;
		report.cacheKey = rendered.cacheKey;
		if (rendered.video) report.video = {...report.video, ...rendered.video};
		report.renderShareOfTotal = (now - renderStarted) / (now - started);
		Object.assign(files, rendered.files);
		report.totalMs = Math.round(performance.now() - started);
		await writeRunReport(paths.report, report);
		files.report = paths.report;
		return {storyboard, files, stored: rendered.stored, report};
	} catch (error) {
		// Loses nothing: the report says what failed and what had been done.
		recordRunError(report, error, started);
		await writeRunReport(paths.report, report).catch(() => undefined);
		throw error;
	}
};
