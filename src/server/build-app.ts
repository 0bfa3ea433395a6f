import {OpenAPIHono} from '@hono/zod-openapi';
import type {Context} from 'hono';
import {bodyLimit} from 'hono/body-limit';
import {fileResponse} from './file-response';
import {ApiError, errorToResponse, validationHook, type ErrorBody} from './http-errors';
import {contentTypeOf} from './job-files';
import {toJobView} from './job-view';
import type {JobsService} from './jobs-service';
import {
	cancelVideoRoute,
	createVideoRoute,
	deleteVideoRoute,
	getFileRoute,
	getVideoRoute,
	healthRoute,
	listVideosRoute,
	planRoute,
	templatesRoute,
} from './routes';

export type AppDeps = {
	service: JobsService;
	/** Largest request body accepted; larger ones get 413. */
	maxBodyBytes: number;
	/** Unexpected errors (500s) are logged here. */
	log?: (message: string) => void;
};

const originOf = (c: Context) => new URL(c.req.url).origin;

/** The HTTP API over the jobs service. Never listens: start-server does. */
export const buildApp = (deps: AppDeps) => {
	const {service} = deps;
	const app = new OpenAPIHono({defaultHook: validationHook});

	app.use(
		'/v1/*',
		bodyLimit({
			maxSize: deps.maxBodyBytes,
			onError: () => {
				throw new ApiError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${deps.maxBodyBytes} bytes (PROMPTREEL_MAX_BODY_BYTES).`);
			},
		}),
	);

	app.openapi(createVideoRoute, async (c) => {
		const job = await service.createVideo(c.req.valid('json'));
		const view = toJobView(job, originOf(c));
		c.header('Location', view.links.self);
		return c.json(view, 202);
	});

	app.openapi(listVideosRoute, (c) => {
		const q = c.req.valid('query');
		const page = service.listVideos({statuses: q.status, limit: q.limit, cursor: q.cursor});
		const origin = originOf(c);
		return c.json({data: page.jobs.map((j) => toJobView(j, origin)), nextCursor: page.nextCursor}, 200);
	});

	app.openapi(getVideoRoute, (c) => c.json(toJobView(service.getVideo(c.req.valid('param').id), originOf(c)), 200));

	app.openapi(getFileRoute, async (c) => {
		const {id, name} = c.req.valid('param');
		const file = await service.openFile(id, name);
		return fileResponse({
			method: c.req.method,
			path: file.path,
			size: file.size,
			mtimeMs: file.mtimeMs,
			contentType: contentTypeOf(file.name),
			fileName: file.name,
			headers: {range: c.req.header('Range'), ifNoneMatch: c.req.header('If-None-Match'), ifRange: c.req.header('If-Range')},
		});
	});

	app.openapi(cancelVideoRoute, (c) => c.json(toJobView(service.cancelVideo(c.req.valid('param').id), originOf(c)), 200));

	app.openapi(deleteVideoRoute, async (c) => {
		await service.deleteVideo(c.req.valid('param').id);
		return c.body(null, 204);
	});

	app.openapi(planRoute, async (c) => {
		const result = await service.planStoryboard(c.req.valid('json'), c.req.raw.signal);
		return c.json(result, 200);
	});

	app.openapi(templatesRoute, (c) => c.json({data: service.templates()}, 200));

	app.openapi(healthRoute, (c) => {
		let health;
		try {
			health = service.health();
		} catch (error) {
			throw new ApiError(503, 'UNAVAILABLE', `The job store cannot be used: ${error instanceof Error ? error.message : String(error)}`);
		}
		return c.json(health, 200);
	});

	app.doc31('/v1/openapi.json', {
		openapi: '3.1.0',
		info: {
			title: 'promptreel',
			version: '1',
			description:
				'Turn a prompt or a storyboard into a narrated, captioned video. Errors are `{error: {code, message, issues?}}`: malformed JSON 400, schema violations 422 (every path in issues), unknown job 404, cancel of a finished job 409, body too large 413, bad range 416.',
		},
	});

	app.notFound((c) => c.json<ErrorBody>({error: {code: 'NOT_FOUND', message: `No route ${c.req.method} ${new URL(c.req.url).pathname}.`}}, 404));

	app.onError((error, c) => {
		const {status, body} = errorToResponse(error);
		if (status >= 500) deps.log?.(`${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		return c.json(body, status);
	});

	return app;
};
