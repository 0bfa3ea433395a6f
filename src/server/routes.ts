import {createRoute, z} from '@hono/zod-openapi';
import {
	createVideoBodySchema,
	errorBodySchema,
	fileParamsSchema,
	healthSchema,
	idParamsSchema,
	jobListSchema,
	jobSchema,
	listQuerySchema,
	planBodySchema,
	planResultSchema,
	templateInfoSchema,
} from './api-schemas';

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
		'Validates the request, stores a job and answers 202 at once; a worker makes the video. A storyboard identical (content hash) to one rendered before with the same options is answered done, with the earlier files.',
	request: {body: {content: {'application/json': {schema: createVideoBodySchema}}, required: true}},
	responses: {
		202: {...json(jobSchema, 'Accepted; `Location` points at the job.'), headers: z.object({Location: z.string()})},
		...badBody,
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
	responses: {200: json(jobSchema, 'The job (cancelled, or still running with the cancel pending).'), 404: error('No such job.'), 409: error('The job is already done or failed.')},
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
	responses: {200: json(healthSchema, 'Healthy.'), 503: error('The job store cannot be used.')},
});
