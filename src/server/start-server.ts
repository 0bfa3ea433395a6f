import {randomBytes} from 'node:crypto';
import type {Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {hostname} from 'node:os';
import {join} from 'node:path';
import {createAdaptorServer} from '@hono/node-server';
import pkg from '../../package.json';
import type {PromptreelConfig} from '../pipeline/config';
import {createLocalRenderer, type Renderer} from '../pipeline/render';
import {buildApp} from './build-app';
import {openJobStore} from './job-store';
import {createJobsService} from './jobs-service';
import {createPlanOnly} from './plan-only';
import {sweepRetention} from './retention';
import {createPipelineRunner, type JobProviders, type JobRunner} from './run-job';
import {createWorkerPool} from './worker-pool';

export type StartServerOptions = {
	host: string;
	port: number;
	dataDir: string;
	/** Server settings (concurrency, leases, timeouts, retention, body limit). */
	server: PromptreelConfig['server'];
	browserExecutable?: string | undefined;
	/** Default: one local renderer (one bundle, one browser) shared by every job of this process. */
	renderer?: Renderer;
	/** Default: the pipeline (generate / render). Tests inject fakes. */
	runner?: JobRunner;
	/** Planner, voices and stock media from the configuration (providersFromConfig); default: offline ones. */
	providers?: JobProviders;
	log?: (message: string) => void;
};

const RETENTION_EVERY_MS = 60 * 60 * 1000;

export type RunningServer = Awaited<ReturnType<typeof startServer>>;

/**
 * Opens the job store in the data dir, starts the worker pool and listens. `close()` stops taking
 * requests and jobs, lets running jobs finish within the grace time or releases them, and frees
 * the browser and the database.
 */
export const startServer = async (o: StartServerOptions) => {
	const log = o.log ?? ((m: string) => process.stderr.write(`${new Date().toISOString()} ${m}\n`));
	const cfg = o.server;
	const store = openJobStore({file: join(o.dataDir, 'jobs.db')});
	const renderer = o.renderer ?? createLocalRenderer({cacheDir: o.dataDir, browserExecutable: o.browserExecutable});
	const workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
	const pool =
		cfg.concurrency > 0
			? createWorkerPool({
					store,
					run: o.runner ?? createPipelineRunner({dataDir: o.dataDir, renderer, providers: o.providers}),
					workerId,
					concurrency: cfg.concurrency,
					leaseMs: cfg.leaseMs,
					log,
				})
			: null;
	let sourceHash: Promise<string> | null = null;
	const service = createJobsService({
		store,
		dataDir: o.dataDir,
		maxAttempts: cfg.maxAttempts,
		jobTimeoutMs: cfg.jobTimeoutMs,
		rendererId: renderer.id,
		sourceHash: () => (sourceHash ??= renderer.sourceHash()),
		plan: createPlanOnly({dataDir: o.dataDir, renderer, providers: o.providers}),
		worker: pool,
		version: pkg.version,
	});
	const app = buildApp({service, maxBodyBytes: cfg.maxBodyBytes, log});

	// Every process reaps expired leases (a server that renders nothing too), so a crashed
	// worker's job never stays "running" unseen; retention runs at start and hourly.
	const maintenance: NodeJS.Timeout[] = [];
	const retention = () =>
		sweepRetention({store, dataDir: o.dataDir, days: cfg.retentionDays, now: Date.now()})
			.then((r) => {
				if (r.jobs + r.orphanDirs + r.renderCacheEntries > 0) log(`retention: removed ${r.jobs} jobs, ${r.orphanDirs} orphan folders, ${r.renderCacheEntries} cached renders`);
			})
			.catch((error: unknown) => log(`retention failed: ${String(error)}`));
	void retention();
	maintenance.push(setInterval(retention, RETENTION_EVERY_MS).unref());
	if (!pool) {
		maintenance.push(
			setInterval(() => {
				try {
					store.reapExpired(Date.now());
				} catch (error) {
					log(`reaper: ${String(error)}`);
				}
			}, Math.max(250, Math.floor(cfg.leaseMs / 2))).unref(),
		);
	}

	const server = createAdaptorServer({fetch: app.fetch, hostname: o.host}) as Server;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(o.port, o.host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	const url = `http://${o.host.includes(':') ? `[${o.host}]` : o.host}:${port}`;
	pool?.start();

	let closing: Promise<void> | null = null;
	return {
		url,
		port,
		app,
		service,
		store,
		pool,
		workerId,
		close(options: {graceMs?: number} = {}): Promise<void> {
			closing ??= (async () => {
				for (const t of maintenance) clearInterval(t);
				const closed = new Promise<void>((resolve) => server.close(() => resolve()));
				server.closeIdleConnections();
				await pool?.stop({graceMs: options.graceMs ?? cfg.shutdownGraceMs});
				server.closeAllConnections();
				await closed;
				await renderer.close().catch(() => undefined);
				store.close();
			})();
			return closing;
		},
	};
};
