import {copyFile, link, mkdir, readdir, rm} from 'node:fs/promises';
import type {LookupFunction} from 'node:net';
import {basename, join} from 'node:path';
import type {Storyboard} from '../compositions/storyboard';
import {generateVideo} from '../pipeline/generate';
import {renderStoryboard, type RunReport, type StoredOutputs} from '../pipeline/output';
import type {Providers} from '../pipeline/providers';
import {localMediaPaths, type Renderer} from '../pipeline/render';
import {ASSET_PATH} from './asset-refs';
import {ensureLocalFile, type FileStore} from './file-store';
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

/**
 * Brings uploaded assets (`assets/<id>.<ext>`, rewritten from `asset:<id>` when the job was
 * submitted) from the data dir into the job's folder, so the folder is self-contained.
 */
export const copyAssets = async (sb: Storyboard, dataDir: string, outDir: string, files?: FileStore): Promise<void> => {
	const names = new Set(localMediaPaths(sb).filter((src) => ASSET_PATH.test(src)));
	if (names.size === 0) return;
	await mkdir(join(outDir, 'assets'), {recursive: true});
	for (const name of names) {
		const from = join(dataDir, name);
		const to = join(outDir, name);
		// Uploaded to another server: fetched from the shared store first.
		if (files) await ensureLocalFile({files, dataDir, key: name});
		await link(from, to).catch(() => copyFile(from, to));
	}
};

/**
 * The voice and rate a storyboard job asks for: "auto" and rate 1 (the option defaults) mean the
 * storyboard's own voice, so only a voice or rate actually chosen re-voices its scenes.
 */
export const voiceOptionsOf = (options: {voice: string; rate: number}): {voice?: string; rate?: number} => ({
	...(options.voice === 'auto' ? {} : {voice: options.voice}),
	...(options.rate === 1 ? {} : {rate: options.rate}),
});

const warningsOf = (report: RunReport): JobWarning[] => report.warnings.map((w) => ({stage: w.stage, code: w.code, message: w.message}));

/** Runs jobs with the real pipeline: generateVideo for prompts, renderStoryboard for storyboards. */
export const createPipelineRunner = (deps: {
	dataDir: string;
	renderer: Renderer;
	providers?: JobProviders;
	/** PROMPTREEL_ALLOW_PRIVATE_URLS: media URLs may reach loopback and private addresses. */
	allowPrivateUrls?: boolean;
	/** The name lookup under the media download guard (default the system resolver; tests map names to loopback). */
	lookup?: LookupFunction;
	/** Where finished attempts are kept (default: where they were rendered, the data dir). */
	files?: FileStore;
}): JobRunner => {
	return async (job, ctx) => {
		const outDir = await prepareAttemptDir(deps.dataDir, job);
		// What both paths share: where, on what, with which voices, and the job's signal and reports.
		const files = deps.files;
		const shared = {
			outDir,
			// With a shared bucket a Lambda render writes video and poster straight to their keys.
			outputSink: files ? (name: string) => files.outputObject(outDir, name) : undefined,
			dataDir: deps.dataDir,
			renderer: deps.renderer,
			preferredVoice: deps.providers?.preferredVoice,
			voiceProviders: deps.providers?.voiceProviders,
			signal: ctx.signal,
			onProgress: ctx.onProgress,
			onWarning: ctx.onWarning,
		};
		const done = async (result: {files: Partial<Record<string, string>>; stored: StoredOutputs; report: RunReport}) => {
			const names = Object.values(result.files).flatMap((f) => (f ? [basename(f)] : []));
			// With a shared store the files are uploaded (or, written there by the renderer, checked)
			// before the job is marked done, so any server can serve them.
			const outputDir = files ? await files.saveDir({localDir: outDir, files: names, stored: result.stored}) : outDir;
			return {files: names, outputDir, warnings: warningsOf(result.report)};
		};
		if ('prompt' in job.input) {
			return done(
				await generateVideo({
					...shared,
					prompt: job.input.prompt,
					options: job.options,
					planner: deps.providers?.planner,
					visualsProvider: deps.providers?.visualsProvider,
				}),
			);
		}

		// The attempt's folder is the storyboard's home: uploads are copied in, https media
		// downloaded into it (guarded), and the resolved storyboard.json written beside the video.
		await copyAssets(job.input.storyboard, deps.dataDir, outDir, files);
		return done(
			await renderStoryboard({
				...shared,
				storyboard: job.input.storyboard,
				quality: job.options.quality,
				allowPrivateNetwork: deps.allowPrivateUrls,
				lookup: deps.lookup,
				job: {id: job.id, attempt: job.attempts},
				// The voice options apply to the scenes a render voices ("auto" and rate 1: as recorded).
				...voiceOptionsOf(job.options),
			}),
		);
	};
};
