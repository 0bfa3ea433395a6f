import {createRoute, z} from '@hono/zod-openapi';
import {
	assetSchema,
	createVideoBodySchema,
	errorBodySchema,
	fileParamsSchema,
	healthSchema,
	idParamsSchema,
	jobEventSchema,
	jobListSchema,
	jobSchema,
	listQuerySchema,
	planBodySchema,
	planResultSchema,
	templateInfoSchema,
} from './api-schemas';
import {renderPreviewSchema} from './storyboard-routes';

const json = <T extends z.ZodType>(schema: T, description: string) => ({content: {'application/json': {schema}}, description});
const error = (description: string) => json(errorBodySchema, description);

const badBody = {
	400: error('Malformed JSON.'),
	413: error('Body larger than PROMPTREEL_MAX_BODY_BYTES.'),
	415: error('Body not sent as application/json.'),
	422: error('Schema violations, with every path in `issues`.'),
};

export const createVideoRoute = createRoute({
	method: 'post',
	path: '/v1/videos',
	tags: ['videos'],
	summary: 'Submit a prompt or a storyboard',
	description:
		'Validates the request, stores a job and answers 202 at once; a worker makes the video. A storyboard identical (content hash) to one rendered before with the same options is answered done, with the earlier files. With an `Idempotency-Key` header, a repeat with the same key and body within 24 h answers the same job (`Idempotent-Replayed: true`); the same key with another body is 409.',
	request: {
		body: {content: {'application/json': {schema: createVideoBodySchema}}, required: true},
		headers: z.object({
			'idempotency-key': z
				.string()
				.optional()
				.openapi({param: {name: 'idempotency-key', in: 'header'}, description: 'Any unique string (a UUID) per video you mean to make.'}),
		}),
	},
	responses: {
		200: json(
			renderPreviewSchema,
			'With `dryRun: true`: what a render would do (scenes to voice, duration, estimated render time); no job is created.',
		),
		202: {...json(jobSchema, 'Accepted; `Location` points at the job.'), headers: z.object({Location: z.string()})},
		...badBody,
		409: error('The Idempotency-Key was used with a different body.'),
	},
});

export const listVideosRoute = createRoute({
	method: 'get',
	path: '/v1/videos',
	tags: ['videos'],
	summary: 'List jobs, newest first',
	request: {query: listQuerySchema},
	responses: {200: json(jobListSchema, 'A page of jobs.'), 422: error('Unknown status, bad limit or cursor.')},
});

export const getVideoRoute = createRoute({
	method: 'get',
	path: '/v1/videos/{id}',
	tags: ['videos'],
	summary: 'A job: status, stage, progress, warnings, error, files',
	request: {params: idParamsSchema},
	responses: {200: json(jobSchema, 'The job.'), 404: error('No such job.')},
});

export const getFileRoute = createRoute({
	method: 'get',
	path: '/v1/videos/{id}/files/{name}',
	tags: ['videos'],
	summary: 'Download an output file (Range, HEAD, ETag)',
	request: {params: fileParamsSchema},
	responses: {
		200: {description: 'The whole file.', content: {'application/octet-stream': {schema: z.string().openapi({format: 'binary'})}}},
		206: {description: 'The requested byte range (`Range: bytes=start-end`).'},
		302: {description: 'With PROMPTREEL_STORAGE_REDIRECT: `Location` is a presigned URL of the file in the bucket.'},
		304: {description: 'Not modified (If-None-Match matched the ETag).'},
		404: error('No such job, the job is not done, or not one of its files.'),
		416: error('The range is outside the file.'),
	},
});

export const cancelVideoRoute = createRoute({
	method: 'post',
	path: '/v1/videos/{id}/cancel',
	tags: ['videos'],
	summary: 'Cancel a job',
	description: 'A queued job is cancelled at once; a running one as soon as its worker notices (within a second).',
	request: {params: idParamsSchema},
	responses: {
		200: json(jobSchema, 'The job (cancelled, or still running with the cancel pending).'),
		404: error('No such job.'),
		409: error('The job is already done or failed.'),
	},
});

export const deleteVideoRoute = createRoute({
	method: 'delete',
	path: '/v1/videos/{id}',
	tags: ['videos'],
	summary: 'Delete a job and its files (a running job is stopped)',
	request: {params: idParamsSchema},
	responses: {204: {description: 'Deleted.'}, 404: error('No such job.')},
});

export const planRoute = createRoute({
	method: 'post',
	path: '/v1/storyboards',
	tags: ['storyboards'],
	summary: 'Plan a storyboard from a prompt (no voice, media or render)',
	description: 'Returns a storyboard you can edit and then submit to POST /v1/videos.',
	request: {body: {content: {'application/json': {schema: planBodySchema}}, required: true}},
	responses: {200: json(planResultSchema, 'The planned storyboard.'), ...badBody},
});

export const templatesRoute = createRoute({
	method: 'get',
	path: '/v1/templates',
	tags: ['templates'],
	summary: 'Templates a storyboard can target, each with its JSON Schema',
	responses: {200: json(z.object({data: z.array(templateInfoSchema)}), 'The templates.')},
});

export const healthRoute = createRoute({
	method: 'get',
	path: '/v1/health',
	tags: ['service'],
	summary: 'Health: 200 whenever this server can take jobs',
	security: [],
	responses: {200: json(healthSchema, 'Healthy.'), 503: error('The job store cannot be used.')},
});

export const eventsRoute = createRoute({
	method: 'get',
	path: '/v1/videos/{id}/events',
	tags: ['videos'],
	summary: 'Follow a job live (Server-Sent Events)',
	description:
		'`text/event-stream`: `status` when the status changes, `progress` while a stage runs, then `done`, `failed` or `cancelled`, after which the stream closes. Event ids increase per job; reconnect with `Last-Event-ID` (or `?lastEventId=`) to get only what you missed, from any server on the same data dir.',
	request: {
		params: idParamsSchema,
		query: z.object({
			lastEventId: z.coerce
				.number()
				.int()
				.min(0)
				.optional()
				.openapi({param: {name: 'lastEventId', in: 'query'}, description: 'Same as the Last-Event-ID header.'}),
		}),
		headers: z.object({
			'last-event-id': z.coerce
				.number()
				.int()
				.min(0)
				.optional()
				.openapi({param: {name: 'last-event-id', in: 'header'}, description: 'Id of the last event received.'}),
		}),
	},
	responses: {
		200: {description: 'The event stream; each `data` is a VideoEvent.', content: {'text/event-stream': {schema: jobEventSchema}}},
		404: error('No such job.'),
	},
});

export const uploadAssetRoute = createRoute({
	method: 'post',
	path: '/v1/assets',
	tags: ['assets'],
	summary: 'Upload an image, video or audio file',
	description:
		'Multipart (`file` field) or the raw file as the body. The type is recognised from the content (PNG, JPEG, GIF, WebP; MP4, QuickTime, WebM; MP3, M4A, WAV, Ogg, FLAC), never from the header; size up to PROMPTREEL_MAX_UPLOAD_BYTES. Use the returned `ref` as a media source in a storyboard sent to POST /v1/videos.',
	// Documented only: the handler reads the body itself (multipart/form-data with a `file` field works too).
	request: {body: {content: {'application/octet-stream': {schema: z.string().openapi({format: 'binary'})}}, required: true}},
	responses: {
		201: json(assetSchema, 'Stored (or already there: the id comes from the content).'),
		413: error('Larger than PROMPTREEL_MAX_UPLOAD_BYTES.'),
		415: error('Not a supported image, video or audio file.'),
		422: error('Empty, or a multipart form without a file.'),
	},
});

export const getAssetRoute = createRoute({
	method: 'get',
	path: '/v1/assets/{id}',
	tags: ['assets'],
	summary: 'An uploaded asset',
	request: {params: z.object({id: z.string().openapi({param: {name: 'id', in: 'path'}, example: 'ast_0123456789abcdef01234567'})})},
	responses: {200: json(assetSchema, 'The asset.'), 404: error('No such asset.')},
});
