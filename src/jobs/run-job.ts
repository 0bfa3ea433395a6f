import {copyFile, link, mkdir, readdir, rm, writeFile} from 'node:fs/promises';
import {basename, join} from 'node:path';
import type {Storyboard} from '../compositions/storyboard';
import {generateVideo} from '../pipeline/generate';
import {localizeRemoteMedia} from '../pipeline/media';
import {outputPaths, renderOutputs} from '../pipeline/output';
import type {Providers} from '../pipeline/providers';
import type {Renderer} from '../pipeline/render';
import {ASSET_PATH} from './asset-refs';
import type {JobWarning} from './job-schemas';
import type {JobRecord} from './job-types';

/** What a run reports while it works; the worker persists it. */
export type RunContext = {
	signal: AbortSignal;
	onProgress: (p: {stage: string; progress: number}) => void;
	/** A warning as it happens; the final list comes with the result. */
	onWarning: (message: string) => void;
};

export type RunResult = {files: string[]; outputDir: string; warnings: JobWarning[]};

/** Runs one attempt of a job. The pipeline runner is the default; tests inject fakes. */
export type JobRunner = (job: JobRecord, ctx: RunContext) => Promise<RunResult>;

/** The folder holding a job's attempts (and nothing else of anyone). */
export const jobDir = (dataDir: string, id: string): string => join(dataDir, 'jobs', id);

/**
 * A fresh folder for this attempt. Earlier attempts' folders are removed: their workers are
 * gone (the lease says so), and what they left half-written must never be served.
 */
const prepareAttemptDir = async (dataDir: string, job: JobRecord): Promise<string> => {
	const root = jobDir(dataDir, job.id);
	const dir = join(root, `attempt-${job.attempts}`);
	const entries = await readdir(root).catch(() => [] as string[]);
	await Promise.all(entries.map((e) => rm(join(root, e), {recursive: true, force: true})));
	await mkdir(dir, {recursive: true});
	return dir;
};

/** The providers a server was configured with (see providersFromConfig); absent ones are the offline defaults. */
export type JobProviders = Partial<Pick<Providers, 'planner' | 'voiceProviders' | 'visualsProvider' | 'preferredVoice'>>;

/** Options of a job as generate takes them: "auto" voice means the server's configured default voice. */
export const withDefaultVoice = <T extends {voice: string}>(options: T, providers: JobProviders | undefined): T =>
	options.voice === 'auto' && providers?.preferredVoice ? {...options, voice: providers.preferredVoice} : options;

/** Media references of a storyboard (scene visuals, narration audio, music). */
const mediaSources = (sb: Storyboard): string[] => [
	...sb.scenes.flatMap((s) => [s.visual.kind === 'procedural' ? null : s.visual.src, s.narration.audio]),
	sb.music?.src ?? null,
].filter((s): s is string => typeof s === 'string');

/**
 * Brings uploaded assets (`assets/<id>.<ext>`, rewritten from `asset:<id>` when the job was
 * submitted) from the data dir into the job's folder, so the folder is self-contained.
 */
const copyAssets = async (sb: Storyboard, dataDir: string, outDir: string): Promise<void> => {
	const names = new Set(mediaSources(sb).filter((src) => ASSET_PATH.test(src)));
	if (names.size === 0) return;
	await mkdir(join(outDir, 'assets'), {recursive: true});
	for (const name of names) {
		const from = join(dataDir, name);
		const to = join(outDir, name);
		await link(from, to).catch(() => copyFile(from, to));
	}
};

/** Runs jobs with the real pipeline: generateVideo for prompts, renderOutputs for storyboards. */
export const createPipelineRunner = (deps: {
	dataDir: string;
	renderer: Renderer;
	providers?: JobProviders;
	/** PROMPTREEL_ALLOW_PRIVATE_URLS: media URLs may reach loopback and private addresses. */
	allowPrivateUrls?: boolean;
}): JobRunner => {
	return async (job, ctx) => {
		const outDir = await prepareAttemptDir(deps.dataDir, job);
		if ('prompt' in job.input) {
			const result = await generateVideo({
				prompt: job.input.prompt,
				options: withDefaultVoice(job.options, deps.providers),
				outDir,
				dataDir: deps.dataDir,
				renderer: deps.renderer,
				planner: deps.providers?.planner,
				voiceProviders: deps.providers?.voiceProviders,
				visualsProvider: deps.providers?.visualsProvider,
				signal: ctx.signal,
				onProgress: ctx.onProgress,
				onWarning: ctx.onWarning,
			});
			return {
				files: Object.values(result.files).map((f) => basename(f)),
				outputDir: outDir,
				warnings: result.report.warnings.map((w) => ({stage: w.stage, code: w.code, message: w.message})),
			};
		}

		const paths = outputPaths(outDir);
		const started = performance.now();
		await copyAssets(job.input.storyboard, deps.dataDir, outDir);
		// https media are downloaded into the folder (size, type and time limits; private addresses
		// refused at connect time, redirects included) so the render never fetches.
		ctx.onProgress({stage: 'fetching', progress: 0});
		const localized = await localizeRemoteMedia({storyboard: job.input.storyboard, outDir, allowPrivateNetwork: deps.allowPrivateUrls, signal: ctx.signal});
		for (const w of localized.warnings) ctx.onWarning(w.message);
		const storyboard = localized.storyboard;
		await writeFile(paths.storyboard, `${JSON.stringify(storyboard, null, 2)}\n`);
		const rendered = await renderOutputs({
			storyboard,
			mediaDir: outDir,
			outDir,
			quality: job.options.quality,
			renderer: deps.renderer,
			cacheDir: join(deps.dataDir, 'renders'),
			signal: ctx.signal,
			onProgress: ctx.onProgress,
		});
		const report = {
			command: 'render',
			job: job.id,
			attempt: job.attempts,
			quality: job.options.quality,
			cacheHit: rendered.cacheHit,
			cacheKey: rendered.cacheKey,
			video: rendered.video,
			providers: {rendering: deps.renderer.id},
			timingsMs: {...rendered.timings, total: Math.round(performance.now() - started)},
			warnings: localized.warnings.map((w): JobWarning => ({stage: 'fetching', code: w.code, message: w.message})),
		};
		await writeFile(paths.report, `${JSON.stringify(report, null, 2)}\n`);
		return {
			files: [...Object.values(rendered.files), paths.storyboard, paths.report].map((f) => basename(f)),
			outputDir: outDir,
			warnings: report.warnings,
		};
	};
};
