import {collectDefaultMetrics, Counter, Gauge, Histogram, Registry} from 'prom-client';
import {JOB_PRIORITIES, templateOf, type JobObserver, type JobStore} from '../../jobs';
import {readReportFigures} from './report-figures';

/** One HTTP request as the metrics count it. */
export type RequestSample = {method: string; route: string; status: number; durationMs: number; uploadBytes?: number | undefined};

export type Metrics = ReturnType<typeof createMetrics>;

const seconds = (ms: number) => ms / 1000;

/**
 * The Prometheus metrics of one server process, in a registry of its own (never prom-client's
 * global one, so several servers in one process, as in tests, do not mix). Counters and
 * histograms count what this process did (its workers, webhook sender and HTTP requests); gauges
 * read the shared job store at each scrape, so every process on a data dir reports the same queue.
 * README.md, "Running it for a team", lists them with example alerts.
 */
export const createMetrics = (o: {store: Pick<JobStore, 'stats'>; now?: () => number; processMetrics?: boolean}) => {
	const now = o.now ?? Date.now;
	const registry = new Registry();
	const registers = [registry];
	if (o.processMetrics !== false) collectDefaultMetrics({register: registry, prefix: 'promptreel_'});

	// Read from the store at each scrape.
	const jobs = new Gauge({
		name: 'promptreel_jobs',
		help: 'Jobs in the store by status, template and priority.',
		labelNames: ['status', 'template', 'priority'],
		registers,
	});
	const queueDepth = new Gauge({name: 'promptreel_queue_depth', help: 'Queued jobs by priority.', labelNames: ['priority'], registers});
	const queueAge = new Gauge({
		name: 'promptreel_queue_oldest_age_seconds',
		help: 'Age of the oldest queued job (0 with an empty queue).',
		registers,
	});
	const runningByKey = new Gauge({
		name: 'promptreel_running_jobs',
		help: 'Running jobs by API key fingerprint (PROMPTREEL_MAX_RUNNING_PER_KEY caps each).',
		labelNames: ['key'],
		registers,
	});
	const deliveries = new Gauge({
		name: 'promptreel_webhook_deliveries',
		help: 'Webhook deliveries in the store by state.',
		labelNames: ['state'],
		registers,
	});

	// Counted by this process.
	const submitted = new Counter({
		name: 'promptreel_jobs_submitted_total',
		help: 'Jobs submitted to this process, by priority and template.',
		labelNames: ['priority', 'template'],
		registers,
	});
	const attempts = new Counter({
		name: 'promptreel_job_attempts_total',
		help: 'Job attempts ended by the workers of this process, by outcome (done, failed, cancelled, retrying, released, lost) and template.',
		labelNames: ['outcome', 'template'],
		registers,
	});
	const jobDuration = new Histogram({
		name: 'promptreel_job_duration_seconds',
		help: 'Run time of a job attempt, by outcome and template.',
		labelNames: ['outcome', 'template'],
		buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1800],
		registers,
	});
	const queueWait = new Histogram({
		name: 'promptreel_job_queue_wait_seconds',
		help: 'Time from submit to a worker taking the job, by priority.',
		labelNames: ['priority'],
		buckets: [0.1, 1, 5, 15, 60, 300, 900, 3600],
		registers,
	});
	const stageDuration = new Histogram({
		name: 'promptreel_stage_duration_seconds',
		help: 'Time spent in each stage of a job (planning, voicing, bundling, rendering, encoding, ...).',
		labelNames: ['stage'],
		buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900],
		registers,
	});
	const renderFps = new Histogram({
		name: 'promptreel_render_fps',
		help: 'Frames rendered per second of render time, per rendered video.',
		buckets: [1, 2, 5, 10, 20, 40, 80, 160],
		registers,
	});
	const cache = new Counter({
		name: 'promptreel_cache_requests_total',
		help: 'Cache look-ups by cache (render, voice) and result (hit, miss).',
		labelNames: ['cache', 'result'],
		registers,
	});
	const webhookAttempts = new Counter({
		name: 'promptreel_webhook_attempts_total',
		help: 'Webhook delivery attempts by this process, by outcome (delivered, retrying, failed = given up).',
		labelNames: ['outcome'],
		registers,
	});
	const httpRequests = new Counter({
		name: 'promptreel_http_requests_total',
		help: 'HTTP requests by method, route and status.',
		labelNames: ['method', 'route', 'status'],
		registers,
	});
	const httpDuration = new Histogram({
		name: 'promptreel_http_request_duration_seconds',
		help: 'Time to answer an HTTP request (to its headers, for streams), by method, route and status.',
		labelNames: ['method', 'route', 'status'],
		buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
		registers,
	});
	const uploads = new Counter({
		name: 'promptreel_uploads_total',
		help: 'Uploads to POST /v1/assets by status.',
		labelNames: ['status'],
		registers,
	});
	const uploadBytes = new Counter({name: 'promptreel_upload_bytes_total', help: 'Bytes of accepted uploads.', registers});
	const lambdaCost = new Counter({
		name: 'promptreel_lambda_cost_usd_total',
		help: 'Dollars accrued by Lambda renders of this process, as Remotion estimates them.',
		registers,
	});

	/** Figures of a done run's report.json: render fps, caches, Lambda cost. */
	const countReport = async (outputDir: string) => {
		const figures = await readReportFigures(outputDir);
		if (!figures) return;
		if (figures.renderFps !== null) renderFps.observe(figures.renderFps);
		cache.inc({cache: 'render', result: figures.renderCacheHit ? 'hit' : 'miss'});
		if (figures.voiceCacheHits > 0) cache.inc({cache: 'voice', result: 'hit'}, figures.voiceCacheHits);
		if (figures.voiced > figures.voiceCacheHits) cache.inc({cache: 'voice', result: 'miss'}, figures.voiced - figures.voiceCacheHits);
		if (figures.lambdaCostUsd > 0) lambdaCost.inc(figures.lambdaCostUsd);
	};

	const observer: JobObserver = {
		created({job}) {
			submitted.inc({priority: job.priority, template: templateOf(job)});
			if (job.cached) cache.inc({cache: 'render', result: 'hit'});
		},
		started({job, waitedMs}) {
			queueWait.observe({priority: job.priority}, seconds(waitedMs));
		},
		stageEnded({stage, durationMs}) {
			stageDuration.observe({stage}, seconds(durationMs));
		},
		ended({job, outcome, durationMs, result}) {
			const template = templateOf(job);
			attempts.inc({outcome, template});
			jobDuration.observe({outcome, template}, seconds(durationMs));
			if (result) void countReport(result.outputDir);
		},
		webhookAttempt({outcome}) {
			webhookAttempts.inc({outcome});
		},
	};

	/** Refreshes the gauges from the store. */
	const readStore = async () => {
		const stats = await o.store.stats();
		jobs.reset();
		queueDepth.reset();
		for (const p of JOB_PRIORITIES) queueDepth.set({priority: p}, 0);
		for (const row of stats.jobs) {
			jobs.inc({status: row.status, template: row.template, priority: row.priority}, row.n);
			if (row.status === 'queued') queueDepth.inc({priority: row.priority}, row.n);
		}
		queueAge.set(stats.oldestQueuedAt === null ? 0 : Math.max(0, seconds(now() - stats.oldestQueuedAt)));
		runningByKey.reset();
		for (const row of stats.runningByOwner) runningByKey.set({key: row.owner ?? 'none'}, row.n);
		deliveries.reset();
		for (const state of ['pending', 'delivered', 'failed']) deliveries.set({state}, 0);
		for (const row of stats.webhookDeliveries) deliveries.set({state: row.state}, row.n);
	};

	return {
		registry,
		/** Hooks for the jobs runtime (workers, webhook sender, service). */
		observer,
		/** Counts one HTTP request (and an upload, on POST /v1/assets). */
		observeRequest(r: RequestSample): void {
			const labels = {method: r.method, route: r.route, status: String(r.status)};
			httpRequests.inc(labels);
			httpDuration.observe(labels, seconds(r.durationMs));
			if (r.route === '/v1/assets' && r.method === 'POST') {
				uploads.inc({status: String(r.status)});
				if (r.status === 201 && r.uploadBytes) uploadBytes.inc(r.uploadBytes);
			}
		},
		/** The scrape: the Prometheus text format and its content type. */
		async scrape(): Promise<{contentType: string; body: string}> {
			await readStore();
			return {contentType: registry.contentType, body: await registry.metrics()};
		},
	};
};
