import {createRoute, type OpenAPIHono, z} from '@hono/zod-openapi';
import type {Metrics} from './metrics';
import type {Readiness} from './ready';

const checkSchema = z.object({
	name: z.enum(['store', 'browser', 'dataDir', 'disk']),
	ok: z.boolean(),
	message: z.string().describe('What was found (no paths of this machine).'),
	ms: z.number().describe('How long the check took.'),
});

const readySchema = z
	.object({
		status: z.enum(['ready', 'not ready']),
		failing: z.array(checkSchema.shape.name).optional().describe('The checks that failed (503 only).'),
		checks: z.array(checkSchema),
		error: z.object({code: z.literal('NOT_READY'), message: z.string()}).optional(),
	})
	.openapi('Readiness');

const readyRoute = createRoute({
	method: 'get',
	path: '/v1/ready',
	tags: ['service'],
	summary: 'Readiness: 200 when the store answers, the browser starts, the data dir takes files and the disk has room',
	description:
		'For load balancers and readiness probes; /v1/health stays the liveness check. The browser check runs its executable with --version and is cached 10 minutes. PROMPTREEL_MIN_FREE_DISK_MB sets the disk threshold.',
	security: [],
	responses: {
		200: {content: {'application/json': {schema: readySchema}}, description: 'Ready.'},
		503: {content: {'application/json': {schema: readySchema}}, description: 'Not ready: `failing` names the checks.'},
	},
});

const metricsRoute = createRoute({
	method: 'get',
	path: '/metrics',
	tags: ['service'],
	summary: 'Prometheus metrics (text format)',
	description:
		'Jobs by status, template and priority, the queue, running jobs per key, job and stage durations, render fps, cache hits, webhooks, HTTP requests, uploads, Lambda cost. Also served without a key on PROMPTREEL_METRICS_PORT when set. README.md, "Running it for a team".',
	responses: {200: {content: {'text/plain': {schema: z.string()}}, description: 'The Prometheus text format 0.0.4.'}},
});

/**
 * The routes of whoever operates the service: GET /metrics (behind the API keys like every route)
 * and GET /v1/ready (open, like /v1/health: 200 when every check passes, 503 naming the failing
 * ones). README.md, "Running it for a team".
 */
export const registerOpsRoutes = (
	// biome-ignore lint/suspicious/noExplicitAny: any app built by buildApp, whatever its routes' types.
	app: OpenAPIHono<any, any, any>,
	o: {metrics?: Metrics | undefined; readiness?: Readiness | undefined},
): void => {
	const {metrics, readiness} = o;
	if (metrics) {
		app.openapi(metricsRoute, async (c) => {
			const m = await metrics.scrape();
			return c.text(m.body, 200, {'content-type': m.contentType});
		});
	}
	if (readiness) {
		app.openapi(readyRoute, async (c) => {
			const report = await readiness.check();
			if (report.ready) return c.json({status: 'ready' as const, checks: report.checks}, 200);
			const failing = report.checks.filter((check) => !check.ok);
			return c.json(
				{
					status: 'not ready' as const,
					failing: failing.map((check) => check.name),
					checks: report.checks,
					error: {
						code: 'NOT_READY' as const,
						message: `Not ready: ${failing.map((check) => `${check.name}: ${check.message}`).join('; ')}.`,
					},
				},
				503,
			);
		});
	}
};
