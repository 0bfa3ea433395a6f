import {randomBytes} from 'node:crypto';
import {rm} from 'node:fs/promises';
import {z} from 'zod';
import {templates} from '../compositions/registry';
import {computeTimeline, type Storyboard} from '../compositions/storyboard';
import {isBundledMedia} from '../pipeline/complete';
import {PromptreelError, UnknownTemplateError, ValidationError, type IssueDetail} from '../pipeline/errors';
import {previewRender, type RenderPreview} from '../pipeline/output';
import {privateHostOf} from '../pipeline/media';
import {AUTO_TEMPLATE} from '../pipeline/plan';
import {assertKnownTemplate} from '../pipeline/render';
import {voiceVendor} from '../pipeline/voice';
import {ASSET_PATH} from './asset-refs';
import {contentHash} from './content-hash';
import {createLocalFileStore, type ByteSpan, type FileStore} from './file-store';
import {ConflictError, NotFoundError} from './job-errors';
import {contentTypeOf, isJobFileName, type JobFileName} from './job-files';
import type {CompleteForClient, CompleteForClientResult} from './complete-for-client';
import type {CompleteBody, CreateVideoBody, JobWarning, PlanBody} from './job-schemas';
import {isRunning, type JobStatus} from './job-status';
import type {AssetStore, JobStore} from './job-store';
import type {JobObserver} from './job-observer';
import type {JobRecord, NewJob} from './job-types';
import {assertPublicMediaHosts, assertRemoteMediaOnly, assertRemoteSafeOptions, mediaSourcesOf} from './media-policy';
import type {PlanOnly} from './plan-only';
import {jobDir, voiceOptionsOf} from './run-job';
import {createBatchMethods} from './batches/batch-service';

/** The part of a worker pool the service talks to (absent in a process that runs no worker). */
export type WorkerHandle = {workerId: string; concurrency: number; running(): string[]; wake(): void; cancel(id: string): void};

export type JobsServiceOptions = {
	store: JobStore;
	dataDir: string;
	/** Where job files live (default: the data dir); a shared bucket lets any server serve any job. */
	files?: FileStore;
	/** The uploads as this process shares them (shareAssets); default the store's. */
	assets?: AssetStore;
	maxAttempts: number;
	jobTimeoutMs: number;
	/** Renderer id and the hash of what it draws with: part of the content hash of a render. */
	rendererId: string;
	sourceHash: () => Promise<string>;
	plan: PlanOnly;
	/** Completes a storyboard for a client (POST /v1/storyboards/complete); absent: 503. */
	complete?: CompleteForClient;
	/** What an "auto" voice means when configured, for dry runs. */
	preferredVoice?: string | undefined;
	worker: WorkerHandle | null;
	version: string;
	/** PROMPTREEL_ALLOW_PRIVATE_URLS: webhooks may name loopback and private addresses. */
	allowPrivateUrls?: boolean;
	/** Longest video a job may ask for (PROMPTREEL_MAX_VIDEO_SEC). Default 30 min. */
	maxVideoMs?: number;
	/** The voice ids this server offers (besides "auto"); a request naming another is refused at submit. Default: not checked. */
	voiceIds?: () => Promise<string[]>;
	now?: () => number;
	newId?: () => string;
	/** Told of every job stored (metrics). */
	observer?: JobObserver | undefined;
};

/** How a request asked for a job: its Idempotency-Key and who sent it (keys are per caller). */
export type CreateVideoContext = {idempotencyKey?: string | undefined; caller?: string | undefined};

export type TemplateInfo = {id: string; title: string; description: string; samples: string[]; schema: Record<string, unknown>};
export type FileInfo = {
	name: JobFileName;
	/** Its key in the file store (a local path with the data dir as the store). */
	key: string;
	size: number;
	mtimeMs: number;
	/** Its bytes, or a range of them. */
	open: (range?: ByteSpan) => Promise<ReadableStream<Uint8Array>>;
	/** A presigned URL to send the client to (PROMPTREEL_STORAGE_REDIRECT), or null to stream it. */
	redirectUrl: () => Promise<string | null>;
};

const newJobId = () => `vid_${randomBytes(12).toString('hex')}`;
const JOB_ID = /^vid_[0-9a-f]{24}$/;

const encodeCursor = (seq: number) => Buffer.from(`s:${seq}`).toString('base64url');
const decodeCursor = (cursor: string): number => {
	const match = /^s:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
	if (!match)
		throw new ValidationError(`Invalid cursor "${cursor}": pass the nextCursor of the previous page.`, [
			{path: 'cursor', message: 'Not a cursor returned by this API.'},
		]);
	return Number(match[1]);
};

export type JobsService = ReturnType<typeof createJobsService>;

/**
 * The template check of the pipeline, answered as a 422 issue at the request field that named it;
 * an option may also say "auto" (chosen from the prompt).
 */
const assertTemplateField = (id: string, path: string, o: {auto?: boolean} = {}): void => {
	if (o.auto && id === AUTO_TEMPLATE) return;
	try {
		assertKnownTemplate(id);
	} catch (error) {
		if (error instanceof UnknownTemplateError) throw new ValidationError(error.message, [{path, message: error.message}]);
		throw error;
	}
};

/**
 * What the service does, whoever asks: REST and MCP are thin adapters over this. Jobs live in the
 * shared store; any worker process on the data dir runs them.
 */
export const createJobsService = (o: JobsServiceOptions) => {
	const now = o.now ?? Date.now;
	const newId = o.newId ?? newJobId;
	const startedAt = now();
	let templateInfos: TemplateInfo[] | null = null;
	const files = o.files ?? createLocalFileStore({dataDir: o.dataDir});
	const assets = o.assets ?? o.store.assets;
	const idempotency = o.store.idempotencyKeys;

	/** A webhook on an address the server will not call is refused now, not at delivery. */
	const assertWebhookAllowed = (webhook: CreateVideoBody['webhook']) => {
		if (!webhook || o.allowPrivateUrls) return;
		const host = privateHostOf(new URL(webhook.url));
		if (host) {
			const message = `${host} is a loopback, private or link-local address: the server does not call those (set PROMPTREEL_ALLOW_PRIVATE_URLS on a trusted network).`;
			throw new ValidationError(`Invalid webhook.url: ${message}`, [{path: 'webhook.url', message}]);
		}
	};
	const maxVideoMs = o.maxVideoMs ?? 30 * 60_000;
	let voiceIds: Promise<string[]> | null = null;
	/** Options checked against what this server really has (voices) and allows (length), as 422s naming the field. */
	const assertOptionsUsable = async (body: {options: CreateVideoBody['options']; storyboard?: Storyboard | undefined}): Promise<void> => {
		const issues: IssueDetail[] = [];
		const voice = body.options.voice;
		if (o.voiceIds && voice !== 'auto') {
			voiceIds ??= o.voiceIds().catch((error: unknown) => {
				voiceIds = null;
				throw error;
			});
			const ids = await voiceIds;
			// "openai:alloy" names a voice of the openai provider.
			if (!ids.includes(voice) && !ids.includes(voiceVendor(voice)))
				issues.push({path: 'options.voice', message: `Unknown voice "${voice.slice(0, 60)}". Valid: auto, ${ids.join(', ')}.`});
		}
		const limit = `${Math.round(maxVideoMs / 1000)} s (PROMPTREEL_MAX_VIDEO_SEC)`;
		if (body.options.durationSec !== null && body.options.durationSec * 1000 > maxVideoMs) {
			issues.push({
				path: 'options.durationSec',
				message: `${body.options.durationSec} s is longer than this server makes: at most ${limit}.`,
			});
		}
		if (body.storyboard) {
			const total = computeTimeline(body.storyboard).durationMs;
			if (total > maxVideoMs) {
				issues.push({
					path: 'storyboard.scenes',
					message: `The scenes add up to ${Math.round(total / 1000)} s, longer than this server renders: at most ${limit}. Split it into several videos.`,
				});
			}
		}
		if (issues.length > 0) throw new ValidationError(`Invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
	};

	/** The uploaded assets (`assets/<id>.<ext>`) a storyboard names. */
	const uploadedAssets = async (sb: Storyboard): Promise<Set<string>> => {
		const found = new Set<string>();
		for (const src of mediaSourcesOf(sb)) {
			const m = ASSET_PATH.exec(src);
			if (m && (await assets.get(m[1]!))?.fileName === src.slice('assets/'.length)) found.add(src);
		}
		return found;
	};

	const find = async (id: string): Promise<JobRecord> => {
		const job = JOB_ID.test(id) ? await o.store.get(id) : null;
		if (!job) throw new NotFoundError(`No video job "${id}". It may have been deleted or removed after PROMPTREEL_RETENTION_DAYS.`);
		return job;
	};

	/** A done job with the same content hash whose files are all still there. */
	const cachedFiles = async (hash: string): Promise<JobRecord | null> => {
		for (const job of await o.store.doneWithHash(hash)) {
			if (!job.outputDir) continue;
			const dir = job.outputDir;
			const present = await Promise.all(job.files.map((f) => files.stat(files.keyOf(dir, f)).catch(() => null)));
			if (present.every((p) => p !== null)) return job;
		}
		return null;
	};

	/** A storyboard from the network: known template, media that are https, uploads or bundled files, public hosts. */
	const assertNetworkStoryboard = async (storyboard: Storyboard): Promise<void> => {
		assertTemplateField(storyboard.template, 'storyboard.template');
		const uploaded = await uploadedAssets(storyboard);
		assertRemoteMediaOnly(storyboard, 'storyboard', (src) => uploaded.has(src) || isBundledMedia(src));
		if (!o.allowPrivateUrls) assertPublicMediaHosts(storyboard);
	};

	/**
	 * Validates a request and makes its job (queued, or done with an earlier job's files); nothing
	 * is stored yet, so the caller inserts it in one transaction (with its Idempotency-Key).
	 */
	const prepare = async (body: CreateVideoBody, caller: string | undefined): Promise<NewJob> => {
		await assertRemoteSafeOptions(body.options);
		await assertOptionsUsable(body);
		assertWebhookAllowed(body.webhook);
		// The priority is the queue's, not the pipeline's: stored beside the options, not in them.
		const {priority = 'normal', ...options} = body.options;
		const base = {
			maxAttempts: o.maxAttempts,
			timeoutMs: o.jobTimeoutMs,
			webhook: body.webhook ?? null,
			options,
			priority,
			owner: caller ?? null,
		};
		if (body.storyboard) {
			const storyboard = body.storyboard;
			await assertNetworkStoryboard(storyboard);
			// Voice and rate decide the scenes a render voices, so they are part of what the files depend on.
			const hash = contentHash({
				kind: 'storyboard',
				storyboard,
				quality: body.options.quality,
				...voiceOptionsOf(body.options),
				renderer: o.rendererId,
				source: await o.sourceHash(),
			});
			const id = newId();
			const job: NewJob = {...base, id, kind: 'storyboard', input: {storyboard}, contentHash: hash};
			const earlier = await cachedFiles(hash);
			if (earlier?.outputDir) {
				const prefix = `jobs/${id}/cached`;
				const dir = files.dirOf(prefix);
				try {
					for (const name of earlier.files) await files.copy(files.keyOf(earlier.outputDir, name), `${prefix}/${name}`);
					const warnings: JobWarning[] = [
						{
							stage: 'rendering',
							code: 'CACHED',
							message: `Same storyboard and options as ${earlier.id}: its files were reused (content hash ${hash.slice(0, 12)}).`,
						},
					];
					return {...job, done: {files: earlier.files, outputDir: dir, warnings}};
				} catch {
					// The earlier job went away meanwhile: render it again.
					await discard(id);
				}
			}
			return job;
		}
		assertTemplateField(body.options.template, 'options.template', {auto: true});
		return {...base, id: newId(), kind: 'prompt', input: {prompt: body.prompt ?? ''}, contentHash: null};
	};

	/** Removes what `prepare` wrote for a job that was not stored (the cached files' links). */
	const discard = (id: string) => removeFiles(id).catch(() => undefined);
	/** A job's folder here and, with a shared store, there. */
	const removeFiles = async (id: string) => {
		await rm(jobDir(o.dataDir, id), {recursive: true, force: true});
		await files.removePrefix(`jobs/${id}`);
	};

	const create = async (body: CreateVideoBody, caller: string | undefined): Promise<JobRecord> => {
		const job = await prepare(body, caller);
		try {
			const created = await o.store.insert(job, now());
			o.observer?.created?.({job: created});
			if (!job.done) o.worker?.wake();
			return created;
		} catch (error) {
			await discard(job.id);
			throw error;
		}
	};

	return {
		...createBatchMethods({
			store: o.store,
			now,
			prepare,
			discard,
			assertWebhookAllowed,
			wake: () => o.worker?.wake(),
			observer: o.observer,
		}),

		/** Uploaded media (POST /v1/assets). */
		assets,

		/** A job's progress events (SSE reads them; any process on the data dir writes them). */
		events: {eventsAfter: o.store.eventsAfter.bind(o.store), get: o.store.get.bind(o.store)},

		/**
		 * Validates and stores a job; a storyboard rendered before with the same options is answered at
		 * once. With an Idempotency-Key, a repeat (same caller, key and body) within 24 h gets the
		 * same job (`replayed`); the same key with another body is a ConflictError.
		 */
		async createVideo(body: CreateVideoBody, ctx: CreateVideoContext = {}): Promise<JobRecord & {replayed?: boolean}> {
			if (ctx.idempotencyKey === undefined) return create(body, ctx.caller);
			const key = ctx.idempotencyKey;
			if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
				throw new ValidationError(`Invalid Idempotency-Key "${key.slice(0, 40)}": use 1-255 visible ASCII characters (a UUID is best).`, [
					{path: 'Idempotency-Key', message: 'Use 1-255 visible ASCII characters.'},
				]);
			}
			const scope = `${ctx.caller ?? 'open'}:${key}`;
			const bodyHash = contentHash({body});
			const conflict = () =>
				new ConflictError(`Idempotency-Key "${key}" was used within 24 h with a different body: use a new key for a new video.`);
			// A repeat is answered without doing the work again...
			const earlier = await idempotency.find({scope, bodyHash, now: now()});
			if (earlier.state === 'conflict') throw conflict();
			if (earlier.state === 'replay') {
				const job = await o.store.get(earlier.jobId);
				if (job) return {...job, replayed: true};
			}
			// ...and the key is written with the job, in one transaction: a crash leaves both or
			// neither, and of two concurrent requests with one key only the first stores a job.
			const job = await prepare(body, ctx.caller);
			const r = await o.store.insertWithKey(job, now(), {scope, bodyHash}).catch(async (error: unknown) => {
				await discard(job.id);
				throw error;
			});
			if (r.state !== 'created') {
				await discard(job.id);
				if (r.state === 'conflict') throw conflict();
				return {...r.job, replayed: true};
			}
			o.observer?.created?.({job: r.job});
			if (!job.done) o.worker?.wake();
			return r.job;
		},

		getVideo: (id: string): Promise<JobRecord> => find(id),

		async listVideos(q: {
			statuses?: JobStatus[] | undefined;
			limit: number;
			cursor?: string | undefined;
		}): Promise<{jobs: JobRecord[]; nextCursor: string | null}> {
			const beforeSeq = q.cursor ? decodeCursor(q.cursor) : undefined;
			const page = await o.store.list({statuses: q.statuses, limit: q.limit, beforeSeq});
			const last = page.jobs[page.jobs.length - 1];
			return {jobs: page.jobs, nextCursor: page.more && last ? encodeCursor(last.seq) : null};
		},

		/** Cancels a queued job at once, a running one as soon as its worker notices (this process: at once). */
		async cancelVideo(id: string): Promise<JobRecord> {
			await find(id);
			const result = await o.store.requestCancel(id, now());
			if (!result) throw new NotFoundError(`No video job "${id}".`);
			if (result.outcome === 'finished')
				throw new ConflictError(`Video job ${id} is already ${result.job.status}: there is nothing to cancel.`);
			if (result.outcome === 'requested') o.worker?.cancel(id);
			return result.job;
		},

		/** Removes a job and its files; a running job is stopped first. */
		async deleteVideo(id: string): Promise<void> {
			await find(id);
			const removed = await o.store.delete(id);
			if (!removed) throw new NotFoundError(`No video job "${id}".`);
			if (isRunning(removed.status)) o.worker?.cancel(id);
			await removeFiles(id);
		},

		/** One of a done job's output files; any other name is unknown (404), so no path ever leaves the job's folder. */
		async openFile(id: string, name: string): Promise<FileInfo> {
			const job = await find(id);
			if (!isJobFileName(name) || !job.files.includes(name) || !job.outputDir || job.status !== 'done') {
				throw new NotFoundError(
					job.status === 'done'
						? `Video job ${id} has no file "${name}". Its files: ${job.files.join(', ')}.`
						: `Video job ${id} is ${job.status}: its files are served once it is done.`,
				);
			}
			const key = files.keyOf(job.outputDir, name);
			const info = await files.stat(key);
			if (!info)
				throw new NotFoundError(`The file ${name} of video job ${id} is gone from the ${files.kind === 's3' ? 'bucket' : 'data dir'}.`);
			return {
				name,
				key,
				size: info.size,
				mtimeMs: info.mtimeMs,
				open: (range) => files.read(key, range),
				redirectUrl: () => files.redirectUrl({key, fileName: name, contentType: contentTypeOf(name)}),
			};
		},

		/**
		 * What rendering a storyboard would do, without a job (`dryRun: true`): the same checks as a
		 * submit, then previewRender (https media checked by a HEAD, render time estimated).
		 */
		async previewVideo(body: CreateVideoBody, signal?: AbortSignal): Promise<RenderPreview> {
			if (!body.storyboard) {
				throw new ValidationError('dryRun checks a storyboard: send one, or plan the prompt first with POST /v1/storyboards.', [
					{path: 'dryRun', message: 'Takes a storyboard, not a prompt.'},
				]);
			}
			await assertRemoteSafeOptions(body.options);
			await assertNetworkStoryboard(body.storyboard);
			return previewRender({
				storyboard: body.storyboard,
				source: 'storyboard',
				// Uploaded assets (`assets/<id>.<ext>`) resolve against the data dir.
				mediaDir: o.dataDir,
				quality: body.options.quality,
				...voiceOptionsOf(body.options),
				preferredVoice: o.preferredVoice,
				allowPrivateNetwork: o.allowPrivateUrls,
				signal,
			});
		},

		/** Voices and illustrates a storyboard and answers it with its media as assets (POST /v1/storyboards/complete). */
		async completeStoryboard(body: CompleteBody, signal?: AbortSignal): Promise<CompleteForClientResult> {
			if (!o.complete) throw new PromptreelError('UNAVAILABLE', 'This server does not complete storyboards.');
			await assertNetworkStoryboard(body.storyboard);
			return o.complete({storyboard: body.storyboard, options: body.options, signal});
		},

		async planStoryboard(body: PlanBody, signal?: AbortSignal) {
			await assertRemoteSafeOptions(body.options);
			await assertOptionsUsable(body);
			assertTemplateField(body.options.template, 'options.template', {auto: true});
			return o.plan({prompt: body.prompt, options: body.options, signal});
		},

		templates(): TemplateInfo[] {
			templateInfos ??= templates.map((t) => ({
				id: t.id,
				title: t.title,
				description: t.description,
				samples: Object.keys(t.samples),
				schema: z.toJSONSchema(t.schema, {io: 'input', unrepresentable: 'any'}) as Record<string, unknown>,
			}));
			return templateInfos;
		},

		async health() {
			return {
				status: 'ok' as const,
				version: o.version,
				uptimeSec: Math.round((now() - startedAt) / 1000),
				worker: {id: o.worker?.workerId ?? 'none', concurrency: o.worker?.concurrency ?? 0, running: o.worker?.running() ?? []},
				jobs: await o.store.counts(),
				renderer: o.rendererId,
			};
		},
	};
};
