import {randomBytes} from 'node:crypto';
import {hostname} from 'node:os';
import type {LookupFunction} from 'node:net';
import {join} from 'node:path';
import pkg from '../../package.json';
import type {JobsSettings} from './jobs-settings';
import type {JobObserver} from './job-observer';
import type {JobsLog} from './jobs-log';
import {usePrivateTempRoot, type Renderer} from '../pipeline/render';
import {listVoices} from '../pipeline/voice';
import {toJobView} from './job-view';
import {toBatchView} from './batches/batch-view';
import {createJobsService} from './jobs-service';
import {createCompleteForClient} from './complete-for-client';
import {openFileStore, shareAssets} from './file-store';
import {createPlanOnly} from './plan-only';
import {sweepRetention} from './retention';
import {createPipelineRunner, type JobProviders, type JobRunner} from './run-job';
import {openJobStore} from './open-job-store';
import {createWebhookDispatcher} from './webhook-dispatcher';
import {createWorkerPool} from './worker-pool';
import {resolveWebhookSecret} from './webhook-secret';

export type JobsRuntimeOptions = {
	dataDir: string;
	/** The jobs layer's settings (the app parses them from the environment). */
	server: JobsSettings;
	/** The one renderer (one bundle, one browser) every job of this process shares; the app chooses it (src/app/create-renderer.ts). */
	renderer: Renderer;
	/** Default: the pipeline (generate / render). Tests inject fakes. */
	runner?: JobRunner;
	/** Planner, voices and stock media from the configuration (providersFromConfig); default: offline ones. */
	providers?: JobProviders;
	log: JobsLog;
	/** Told of job starts, stages, ends and webhook attempts (the server's metrics). */
	observer?: JobObserver;
	/** The name lookup under the guard of media downloads and webhooks (default the system resolver; tests map names to loopback). */
	lookup?: LookupFunction;
	/** Webhook delivery polling (tests shorten it). Default 500 ms. */
	webhookPollMs?: number;
};

const RETENTION_EVERY_MS = 60 * 60 * 1000;

export type JobsRuntime = ReturnType<typeof openJobsRuntime>;

/**
 * What every process on a data dir runs, whatever its front (HTTP `serve`, stdio `mcp`): the shared
 * job store, one renderer, a worker pool taking jobs through leases, the jobs service, and the
 * maintenance timers. `start()` starts the pool; `close()` stops it (running jobs finish within the
 * grace time or go back to the queue) and frees the browser and the database.
 */
export const openJobsRuntime = (o: JobsRuntimeOptions) => {
	const {log} = o;
	const cfg = o.server;
	// Whatever renderer was chosen, its temp folders (browser profiles, asset folders) are ours to clean.
	usePrivateTempRoot();
	const store = openJobStore({dataDir: o.dataDir, database: cfg.database, onError: (error) => log(`database: ${error.message}`)});
	const renderer = o.renderer;
	// Outputs and uploads: the data dir, or the bucket every server shares (docs/scaling.md).
	const files = openFileStore({dataDir: o.dataDir, storage: cfg.storage});
	const assets = shareAssets({assets: store.assets, files, dataDir: o.dataDir});
	const workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
	const pool =
		cfg.concurrency > 0
			? createWorkerPool({
					store,
					run:
						o.runner ??
						createPipelineRunner({
							dataDir: o.dataDir,
							renderer,
							providers: o.providers,
							allowPrivateUrls: cfg.allowPrivateUrls,
							lookup: o.lookup,
							files,
						}),
					workerId,
					concurrency: cfg.concurrency,
					leaseMs: cfg.leaseMs,
					maxRunningPerOwner: cfg.maxRunningPerKey,
					observer: o.observer,
					log,
				})
			: null;
	let sourceHash: Promise<string> | null = null;
	const service = createJobsService({
		store,
		dataDir: o.dataDir,
		files,
		assets,
		maxAttempts: cfg.maxAttempts,
		jobTimeoutMs: cfg.jobTimeoutMs,
		rendererId: renderer.id,
		sourceHash: () => (sourceHash ??= renderer.sourceHash()),
		plan: createPlanOnly({providers: o.providers}),
		complete: createCompleteForClient({dataDir: o.dataDir, assets, providers: o.providers}),
		preferredVoice: o.providers?.preferredVoice,
		worker: pool,
		version: pkg.version,
		allowPrivateUrls: cfg.allowPrivateUrls,
		maxVideoMs: cfg.maxVideoMs,
		observer: o.observer,
		voiceIds: async () =>
			(await listVoices(o.providers?.voiceProviders ? {providers: o.providers.voiceProviders} : undefined)).map((v) => v.id),
	});

	// Every process on the data dir sends due webhooks (leasing each one); the links in a webhook
	// body use PROMPTREEL_PUBLIC_URL, else the address start() is given.
	const webhookSecret = resolveWebhookSecret({configured: cfg.webhookSecret, file: join(o.dataDir, 'webhook-secret')});
	let publicUrl = cfg.publicUrl ?? '';
	const webhooks = createWebhookDispatcher({
		store,
		secret: webhookSecret.secret,
		owner: workerId,
		backoff: cfg.webhookBackoff,
		allowPrivateNetwork: cfg.allowPrivateUrls,
		lookup: o.lookup,
		pollMs: o.webhookPollMs,
		observer: o.observer,
		log,
		buildBody: (job, event) => ({type: event, video: toJobView(job, publicUrl), metadata: job.webhook?.metadata ?? null}),
		buildBatchBody: async (id) => {
			const found = await service.getBatch(id).catch(() => null);
			return (
				found && {
					type: 'batch.done',
					batch: toBatchView(found.batch, found.jobs, publicUrl),
					metadata: found.batch.webhook?.metadata ?? null,
				}
			);
		},
	});

	// Every process reaps expired leases (one that renders nothing too), so a crashed worker's job
	// never stays "running" unseen; retention runs at start and hourly.
	const maintenance: NodeJS.Timeout[] = [];
	const retention = () =>
		sweepRetention({store, dataDir: o.dataDir, days: cfg.retentionDays, now: Date.now(), files})
			.then((r) => {
				if (r.jobs + r.orphanDirs + r.renderCacheEntries + r.batches > 0)
					log(
						`retention: removed ${r.jobs} jobs, ${r.batches} batches, ${r.orphanDirs} orphan folders, ${r.renderCacheEntries} cached renders`,
					);
			})
			.catch((error: unknown) => log(`retention failed: ${String(error)}`));
	void retention();
	maintenance.push(setInterval(retention, RETENTION_EVERY_MS).unref());
	if (!pool) {
		maintenance.push(
			setInterval(
				() => {
					store.reapExpired(Date.now()).catch((error: unknown) => log(`reaper: ${String(error)}`));
				},
				Math.max(250, Math.floor(cfg.leaseMs / 2)),
			).unref(),
		);
	}

	return {
		store,
		files,
		renderer,
		pool,
		service,
		workerId,
		/** The webhook signing secret (PROMPTREEL_WEBHOOK_SECRET or the data dir's webhook-secret file). */
		webhookSecret: webhookSecret.secret,
		/** Starts the pool and the webhook sender; `publicUrl`: base of the links in webhooks when PROMPTREEL_PUBLIC_URL is unset. */
		start(options: {publicUrl?: string} = {}): void {
			publicUrl = cfg.publicUrl ?? options.publicUrl ?? publicUrl;
			pool?.start();
			webhooks.start();
		},
		/** Stops the pool (running jobs finish within `graceMs` or go back to the queue), then frees the browser and the database. */
		async close(options: {graceMs?: number; afterPoolStop?: () => Promise<void>} = {}): Promise<void> {
			for (const t of maintenance) clearInterval(t);
			await pool?.stop({graceMs: options.graceMs ?? cfg.shutdownGraceMs});
			await webhooks.stop();
			await options.afterPoolStop?.();
			await renderer.close().catch(() => undefined);
			await store.close();
		},
	};
};
