import {mkdir, writeFile} from 'node:fs/promises';
import {join, resolve} from 'node:path';
import {computeTimeline, type Storyboard} from '../../compositions/storyboard';
import {localizeRemoteMedia} from '../media';
import type {Quality, Renderer} from '../render';
import {checkStoryboard} from './check-storyboard';
import {outputPaths, type OutputFileKey} from './output-folder';
import {renderOutputs, type RenderOutputsProgress} from './render-outputs';
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
	 * Folder relative media resolve against. Default `outDir`: the output folder is then the
	 * storyboard's home, so https scene media are downloaded into its `media/` (the render never
	 * fetches) and the resolved storyboard.json is written beside the video: the folder is
	 * self-contained. Another folder (a storyboard file rendered where it lies) is left as it is:
	 * no storyboard.json is written and https media are fetched by the renderer. Media that must be
	 * brought into `outDir` first (a job's uploaded assets) are the caller's to copy.
	 */
	mediaDir?: string;
	quality: Quality;
	renderer: Renderer;
	/** Caches live under it (`<dataDir>/renders`). */
	dataDir: string;
	/** Render again even when the render cache has the result. */
	force?: boolean;
	/** PROMPTREEL_ALLOW_PRIVATE_URLS: https media may come from loopback and private addresses. */
	allowPrivateNetwork?: boolean;
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
	/** The storyboard rendered (https media localized when the output folder is its home). */
	storyboard: Storyboard;
	files: Partial<Record<OutputFileKey, string>>;
	report: RunReport;
};

const hasRemoteVisuals = (sb: Storyboard): boolean =>
	sb.scenes.some((s) => s.visual.kind !== 'procedural' && /^https?:\/\//i.test(s.visual.src));

/**
 * Storyboard -> output folder: checks it (schema, template, media), brings its https media in,
 * renders video and poster through the given Renderer (render cache first), writes captions,
 * credits, storyboard.json and report.json. The one render path of the CLI, generate, jobs and bench.
 * A failure after the folder is in use still writes report.json, saying what failed.
 */
export const renderStoryboard = async (o: RenderStoryboardOptions): Promise<RenderStoryboardResult> => {
	const started = o.startedAt ?? performance.now();
	const mediaDir = o.mediaDir ?? o.outDir;
	const isHome = resolve(mediaDir) === resolve(o.outDir);
	let storyboard = checkStoryboard({storyboard: o.storyboard, source: o.source, mediaDir});
	const report =
		o.report ??
		newRunReport({command: 'render', storyboard: o.source ?? null, job: o.job, options: {quality: o.quality}, language: storyboard.language});
	const paths = outputPaths(o.outDir);
	const files: RenderStoryboardResult['files'] = {};
	const progress = (stage: RenderStoryboardProgress['stage'], p: number) => o.onProgress?.({stage, progress: p});
	await mkdir(o.outDir, {recursive: true});
	try {
		if (isHome && hasRemoteVisuals(storyboard)) {
			const t = performance.now();
			progress('fetching', 0);
			const localized = await localizeRemoteMedia({storyboard, outDir: o.outDir, allowPrivateNetwork: o.allowPrivateNetwork, signal: o.signal});
			for (const w of localized.warnings) {
				report.warnings.push({stage: 'fetching', code: w.code, message: w.message});
				o.onWarning?.(w.message);
			}
			storyboard = localized.storyboard;
			report.stagesMs.fetching = Math.round(performance.now() - t);
			progress('fetching', 1);
		}
		if (isHome) {
			await writeFile(paths.storyboard, `${JSON.stringify(storyboard, null, 2)}\n`);
			files.storyboard = paths.storyboard;
		}
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
		report.cacheHit = rendered.cacheHit;
		report.cacheKey = rendered.cacheKey;
		if (rendered.video) report.video = {...report.video, ...rendered.video};
		report.renderShareOfTotal = (now - renderStarted) / (now - started);
		Object.assign(files, rendered.files);
		report.totalMs = Math.round(performance.now() - started);
		await writeRunReport(paths.report, report);
		files.report = paths.report;
		return {storyboard, files, report};
	} catch (error) {
		// Loses nothing: the report says what failed and what had been done.
		recordRunError(report, error, started);
		await writeRunReport(paths.report, report).catch(() => undefined);
		throw error;
	}
};
