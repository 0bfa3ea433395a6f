import {join} from 'node:path';
import {OpenAPIHono} from '@hono/zod-openapi';
import type {Context} from 'hono';
import {docsPage} from './docs-page';
import {fileResponse} from './file-response';
import {jsonBodyGuard} from './json-body-guard';
import {ApiError, errorToResponse, validationHook, type ErrorBody} from './http-errors';
import {contentTypeOf, toJobView, type JobsService} from '../jobs';
import {streamJobEvents} from './job-events-stream';
import {mcpHttpHandler} from './mcp';
import {
	cancelVideoRoute,
	createVideoRoute,
	deleteVideoRoute,
	getFileRoute,
	getVideoRoute,
	eventsRoute,
	getAssetRoute,
	healthRoute,
	listVideosRoute,
	planRoute,
	templatesRoute,
	uploadAssetRoute,
} from './routes';
import {authFailureLimit, type AuthFailureLimitOptions} from './auth-failure-limit';
import {rateLimit, type RateLimitOptions} from './rate-limit';
import {receiveUpload} from './receive-upload';
import {requireApiKey} from './require-api-key';
import {toAssetView} from './asset-view';
import {registerStoryboardRoutes, rewriteAssetRefsMiddleware} from './storyboard-routes';
import type {Logger} from 'pino';
import type {Metrics} from './metrics';
import {observeRequests} from './observe-requests';
import {registerOpsRoutes} from './ops-routes';
import type {Readiness} from './ready';
import {acceptSignedUrls, createUrlSigner} from './signed-urls';
import {isWebPagePath, registerWebPage} from './web-page-routes';
import {registerPictureSuggestions} from './picture-suggestions-route';
import {registerBatchRoutes} from './batch-routes';
import {projectRoot} from '../pipeline/project-root';

export type AppDeps = {
	service: JobsService;
	/** Largest request body accepted; larger ones get 413. */
	maxBodyBytes: number;
	/** Unexpected errors (500s) are logged here. */
	log?: (message: string) => void;
	/** Bearer keys (PROMPTREEL_API_KEYS); empty: no auth. */
	apiKeys?: readonly string[];
	/** Per-key limit; absent or perMinute 0: none. */
	rateLimit?: RateLimitOptions;
	/** Largest upload to POST /v1/assets. Default 100 MB. */
	maxUploadBytes?: number;
	/** Where uploads are stored (the data dir's assets folder). */
	assetsDir?: string;
	/** SSE polling of the store. Default 200 ms. */
	eventsPollMs?: number;
	/**
	 * Base of the links in answers (Location, job links, MCP): PROMPTREEL_PUBLIC_URL, else the
	 * listening address (start-server passes it). Never the request's Host header, which the caller
	 * chooses. Default http://127.0.0.1 (an app used without listening, in tests).
	 */
	baseUrl?: () => string;
	/** Failed authentications allowed per client address (auth-failure-limit.ts). Default 30 a minute. */
	authFailures?: AuthFailureLimitOptions;
	/** One JSON line per request, with its X-Request-Id (observe-requests.ts). */
	logger?: Logger;
	/** GET /metrics and the request counts (src/server/metrics). */
	metrics?: Metrics;
	/** GET /v1/ready (src/server/ready). */
	readiness?: Readiness;
	/** The built web page (scripts/build-web.mjs). Default dist/web of the package. */
	webDir?: string;
};

/** Routes that never need a key: health checks, the API description and its page. */
const PUBLIC_PATHS = new Set(['/v1/health', '/v1/ready', '/v1/openapi.json', '/docs']);

/** The HTTP API over the jobs service. Never listens: start-server does. */
export const buildApp = (deps: AppDeps) => {
	const {service} = deps;
	const app = new OpenAPIHono({defaultHook: validationHook});
	const originOf = (_c?: Context) => deps.baseUrl?.() ?? 'http://127.0.0.1';

	// Failed authentications per address, then keys, then limits per key, on every route but the
	// public ones (/mcp included). A public route still learns who calls when a valid key is sent
	// (health shows more to them).
	// Signed URLs (signed-urls.ts) open media for the tags of the web page, which send no header.
	const signer = createUrlSigner({apiKeys: deps.apiKeys ?? []});
	const auth = acceptSignedUrls({signer, auth: requireApiKey({apiKeys: deps.apiKeys ?? []})});
	const failures = authFailureLimit(deps.authFailures);
	const limit = rateLimit(deps.rateLimit ?? {perMinute: 0, burst: 1});
	// Request id, log line and metrics of every request, refused ones included: first of all.
	app.use('*', observeRequests({logger: deps.logger, metrics: deps.metrics}));
	app.use('*', async (c, next) => {
		if (PUBLIC_PATHS.has(c.req.path) || isWebPagePath(c.req.path)) {
			await auth(c, async () => undefined).catch(() => undefined);
			return next();
		}
		return failures(c, () =>
			auth(c, async () => {
				await limit(c, next);
			}),
		);
	});

	// Size and depth of JSON bodies before anything walks them (json-body-guard.ts). Uploads have
	// their own, larger limit (receiveUpload counts the bytes as they arrive).
	const jsonGuard = jsonBodyGuard({maxBytes: deps.maxBodyBytes});
	app.use('/v1/*', (c, next) => (c.req.path === '/v1/assets' ? next() : jsonGuard(c, next)));
	app.use('/mcp', jsonGuard);

	// `asset:<id>` refs become relative paths before the storyboard schema sees them.
	app.use('/v1/videos', rewriteAssetRefsMiddleware(service));

	app.openapi(createVideoRoute, async (c) => {
		const body = c.req.valid('json');
		// dryRun: what a render would do, answered at once; no job is created.
		if (body.dryRun) return c.json(await service.previewVideo(body, c.req.raw.signal), 200);
		const job = await service.createVideo(body, {idempotencyKey: c.req.valid('header')['idempotency-key'], caller: c.get('apiKeyId')});
		const view = toJobView(job, originOf(c));
		c.header('Location', view.links.self);
		if (job.replayed) c.header('Idempotent-Replayed', 'true');
		return c.json(view, 202);
	});

	app.openapi(eventsRoute, async (c) => {
		const {id} = c.req.valid('param');
		await service.getVideo(id);
		const lastEventId = c.req.valid('header')['last-event-id'] ?? c.req.valid('query').lastEventId ?? 0;
		return streamJobEvents(c, {store: service.events, jobId: id, lastEventId, pollMs: deps.eventsPollMs});
	});

	app.openapi(uploadAssetRoute, async (c) => {
		if (!deps.assetsDir) throw new ApiError('UNAVAILABLE', 'This server stores no uploads.');
		const asset = await receiveUpload({
			request: c.req.raw,
			dir: deps.assetsDir,
			assets: service.assets,
			maxBytes: deps.maxUploadBytes ?? 100_000_000,
			now: Date.now(),
		});
		return c.json(toAssetView(asset), 201);
	});

	app.openapi(getAssetRoute, async (c) => {
		const asset = await service.assets.get(c.req.valid('param').id);
		if (!asset) throw new ApiError('NOT_FOUND', `No asset "${c.req.valid('param').id}".`);
		return c.json(toAssetView(asset), 200);
	});

	registerStoryboardRoutes(app, {service, assetsDir: deps.assetsDir});
	registerWebPage(app, {webDir: deps.webDir ?? join(projectRoot(), 'dist/web'), publicDir: join(projectRoot(), 'public'), signer});
	registerPictureSuggestions(app, {service, assetsDir: deps.assetsDir});
	registerBatchRoutes(app, {service, originOf: () => originOf()});

	app.get('/docs', (c) => c.html(docsPage()));
	registerOpsRoutes(app, deps);

	app.openapi(listVideosRoute, async (c) => {
		const q = c.req.valid('query');
		const page = await service.listVideos({statuses: q.status, limit: q.limit, cursor: q.cursor});
		const origin = originOf(c);
		return c.json({data: page.jobs.map((j) => toJobView(j, origin)), nextCursor: page.nextCursor}, 200);
	});

	app.openapi(getVideoRoute, async (c) => c.json(toJobView(await service.getVideo(c.req.valid('param').id), originOf(c)), 200));

	app.openapi(getFileRoute, async (c) => {
		const {id, name} = c.req.valid('param');
		const file = await service.openFile(id, name);
		// With PROMPTREEL_STORAGE_REDIRECT the bucket serves the bytes (docs/scaling.md).
		const redirect = await file.redirectUrl();
		if (redirect) return c.redirect(redirect, 302);
		return fileResponse({
			method: c.req.method,
			open: file.open,
			size: file.size,
			mtimeMs: file.mtimeMs,
			contentType: contentTypeOf(file.name),
			fileName: file.name,
			headers: {range: c.req.header('Range'), ifNoneMatch: c.req.header('If-None-Match'), ifRange: c.req.header('If-Range')},
		});
	});

	app.openapi(cancelVideoRoute, async (c) => c.json(toJobView(await service.cancelVideo(c.req.valid('param').id), originOf(c)), 200));

	app.openapi(deleteVideoRoute, async (c) => {
		await service.deleteVideo(c.req.valid('param').id);
		return c.body(null, 204);
	});

	app.openapi(planRoute, async (c) => {
		const result = await service.planStoryboard(c.req.valid('json'), c.req.raw.signal);
		return c.json(result, 200);
	});

	app.openapi(templatesRoute, (c) => c.json({data: service.templates()}, 200));

	app.openapi(healthRoute, async (c) => {
		let health;
		try {
			health = await service.health();
		} catch (error) {
			deps.log?.(`health: ${error instanceof Error ? error.message : String(error)}`);
			throw new ApiError('UNAVAILABLE', 'The job store cannot be used (see the server log).');
		}
		// Without a valid key (when keys are set) only whether it is up: the worker's host and
		// process, the jobs and the renderer are for callers of the API.
		if (!c.get('apiKeyId')) return c.json({status: health.status, version: health.version}, 200);
		return c.json(health, 200);
	});

	app.doc31('/v1/openapi.json', {
		openapi: '3.1.0',
		info: {
			title: 'promptreel',
			version: '1',
			description:
				'Turn a prompt or a storyboard into a narrated, captioned video. Errors are `{error: {code, message, issues?}}`: malformed JSON 400, schema violations 422 (every path in issues), unknown job 404, cancel of a finished job or an Idempotency-Key reused with another body 409, body too large 413, not a supported upload 415, bad range 416, missing or wrong API key 401 (`Authorization: Bearer <key>`; health, openapi.json and /docs are open), too many requests 429 with Retry-After.',
		},
		security: [{bearerAuth: []}],
	});
	app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
		type: 'http',
		scheme: 'bearer',
		description:
			'One of PROMPTREEL_API_KEYS. Not needed for health, openapi.json and /docs, nor when the server runs without keys (loopback only).',
	});

	// MCP over Streamable HTTP (src/server/mcp). Keys and rate limit: the app-wide middleware at the top covers /mcp.
	app.all('/mcp', mcpHttpHandler({service, maxBodyBytes: deps.maxBodyBytes, log: deps.log, baseUrl: () => originOf()}));

	app.notFound((c) =>
		c.json<ErrorBody>({error: {code: 'NOT_FOUND', message: `No route ${c.req.method} ${new URL(c.req.url).pathname}.`}}, 404),
	);

	app.onError((error, c) => {
		const {status, body, headers} = errorToResponse(error);
		if (status >= 500)
			deps.log?.(`${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		return c.json(body, status, headers);
	});

	return app;
};
