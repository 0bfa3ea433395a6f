import type {OpenAPIHono} from '@hono/zod-openapi';
import type {Metrics} from './metrics';
import type {Readiness} from './ready';

/**
 * The routes of whoever operates the service: GET /metrics (Prometheus text; behind the API keys
 * like every route) and GET /v1/ready (open, like /v1/health: 200 when every check passes, 503
 * naming the failing ones). README.md, "Running it for a team".
 */
export const registerOpsRoutes = (
	// biome-ignore lint/suspicious/noExplicitAny: any app built by buildApp, whatever its routes' types.
	app: OpenAPIHono<any, any, any>,
	o: {metrics?: Metrics | undefined; readiness?: Readiness | undefined},
): void => {
	const {metrics, readiness} = o;
	if (metrics) {
		app.get('/metrics', async (c) => {
			const m = await metrics.scrape();
			return c.body(m.body, 200, {'content-type': m.contentType});
		});
	}
	if (readiness) {
		app.get('/v1/ready', async (c) => {
			const report = await readiness.check();
			if (report.ready) return c.json({status: 'ready', checks: report.checks}, 200);
			const failing = report.checks.filter((check) => !check.ok);
			return c.json(
				{
					status: 'not ready',
					failing: failing.map((check) => check.name),
					checks: report.checks,
					error: {code: 'NOT_READY', message: `Not ready: ${failing.map((check) => `${check.name}: ${check.message}`).join('; ')}.`},
				},
				503,
			);
		});
	}
};
