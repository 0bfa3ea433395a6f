import type {Server} from 'node:http';
import {join} from 'node:path';
import {createAdaptorServer} from '@hono/node-server';
import type {JobsSettings} from '../jobs';
import {buildApp} from './build-app';
import {listenOn} from './listen-on';
import type {HttpSettings} from './http-settings';
import {openJobsRuntime, type JobsLog, type JobsRuntimeOptions} from '../jobs';
import type {Logger} from 'pino';
import {resolveBrowserExecutableSync} from '../pipeline/render';
import {jobsLogOf} from './logging';
import {createMetrics, startMetricsServer} from './metrics';
import {createReadiness} from './ready';

export type StartServerOptions = Omit<JobsRuntimeOptions, 'log' | 'server'> & {
	/** The jobs layer's settings and the HTTP front's (the app parses both from the environment). */
	server: JobsSettings & HttpSettings;
	host: string;
	port: number;
	log?: JobsLog;
	/** Structured logs (src/server/logging): requests and jobs as JSON lines. Used for `log` too when that is absent. */
	logger?: Logger;
	/** The browser the renderer starts, for /v1/ready (default: the one the renderer would find). */
	browserExecutable?: string | undefined;
};

export type RunningServer = Awaited<ReturnType<typeof startServer>>;

/** Addresses only this machine can reach: a server without API keys may listen on these. */
export const isLoopbackHost = (host: string): boolean => {
	const h = host.replace(/^\[|\]$/g, '').toLowerCase();
	return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '::ffff:127.0.0.1';
};

/**
 * Opens the job store in the data dir, starts the worker pool and listens. `close()` stops taking
 * requests and jobs, lets running jobs finish within the grace time or releases them, and frees
 * the browser and the database.
 */
export const startServer = async (o: StartServerOptions) => {
	const log: JobsLog =
		o.log ?? (o.logger ? jobsLogOf(o.logger) : (m: string) => process.stderr.write(`${new Date().toISOString()} ${m}\n`));
	const cfg = o.server;
	if (cfg.apiKeys.length === 0 && !isLoopbackHost(o.host) && !cfg.allowOpen) {
		throw new Error(
			`Refusing to listen on ${o.host} without API keys: anyone who can reach it could use it. Set PROMPTREEL_API_KEYS, listen on 127.0.0.1, or pass --allow-open (PROMPTREEL_ALLOW_OPEN=1) on a trusted network.`,
		);
	}
	// The metrics read the store the runtime opens, and observe its workers.
	const metrics = createMetrics({store: {stats: () => runtime.store.stats()}});
	const runtime = openJobsRuntime({...o, log, observer: metrics.observer});
	const {store, pool, service, workerId} = runtime;
	const readiness = createReadiness({
		store,
		dataDir: o.dataDir,
		browser: o.renderer.id === 'lambda' ? null : {executable: o.browserExecutable ?? resolveBrowserExecutableSync()},
		minFreeBytes: cfg.minFreeDiskBytes ?? 1e9,
	});
	// Links use PROMPTREEL_PUBLIC_URL, else the address listened on (known once listening).
	let listeningUrl = `http://${o.host.includes(':') ? `[${o.host}]` : o.host}:${o.port}`;
	const app = buildApp({
		baseUrl: () => cfg.publicUrl ?? listeningUrl,
		service,
		maxBodyBytes: cfg.maxBodyBytes,
		log,
		apiKeys: cfg.apiKeys,
		rateLimit: cfg.rateLimit,
		maxUploadBytes: cfg.maxUploadBytes,
		assetsDir: join(o.dataDir, 'assets'),
		logger: o.logger,
		metrics,
		readiness,
	});

	const server = createAdaptorServer({fetch: app.fetch, hostname: o.host}) as Server;
	const {port, url} = await listenOn(server, o);
	listeningUrl = url;
	const metricsServer =
		cfg.metricsPort === null || cfg.metricsPort === undefined
			? null
			: await startMetricsServer({metrics, host: cfg.metricsHost ?? o.host, port: cfg.metricsPort}).catch(async (error: unknown) => {
					server.close();
					await runtime.close({graceMs: 0});
					throw error;
				});
	runtime.start({publicUrl: url});

	let closing: Promise<void> | null = null;
	return {
		url,
		port,
		app,
		service,
		store,
		pool,
		workerId,
		webhookSecret: runtime.webhookSecret,
		metrics,
		/** GET /metrics on PROMPTREEL_METRICS_PORT, when set. */
		metricsUrl: metricsServer?.url ?? null,
		close(options: {graceMs?: number} = {}): Promise<void> {
			closing ??= (async () => {
				const closed = new Promise<void>((resolve) => server.close(() => resolve()));
				server.closeIdleConnections();
				await metricsServer?.close();
				await runtime.close({
					graceMs: options.graceMs ?? cfg.shutdownGraceMs,
					afterPoolStop: async () => {
						server.closeAllConnections();
						await closed;
					},
				});
			})();
			return closing;
		},
	};
};
