import {createRoute, z, type OpenAPIHono} from '@hono/zod-openapi';
import {batchSchema, createBatchBodySchema, toBatchView, type JobsService} from '../jobs';
import {errorBodySchema, idParamsSchema} from './api-schemas';

// POST /v1/batches and GET /v1/batches/{id} (README "Batches"): registered by build-app beside the
// video routes, in the same OpenAPI document.

const json = <T extends z.ZodType>(schema: T, description: string) => ({content: {'application/json': {schema}}, description});

export const createBatchRoute = createRoute({
	method: 'post',
	path: '/v1/batches',
	tags: ['batches'],
	summary: 'Submit many prompts or storyboards as one batch',
	description:
		'Every item is checked as POST /v1/videos checks a request, and every issue of every item is answered at once (422, paths `items.<n>.…`); otherwise each item becomes a video job and the batch is stored with them, answered 202. The optional webhook receives one `batch.done` event when every item has ended. `Idempotency-Key` works as for videos.',
	request: {
		body: {content: {'application/json': {schema: createBatchBodySchema}}, required: true},
		headers: z.object({
			'idempotency-key': z
				.string()
				.optional()
				.openapi({param: {name: 'idempotency-key', in: 'header'}, description: 'Any unique string (a UUID) per batch you mean to make.'}),
		}),
	},
	responses: {
		202: {...json(batchSchema, 'Accepted; `Location` points at the batch.'), headers: z.object({Location: z.string()})},
		400: json(errorBodySchema, 'Malformed JSON.'),
		413: json(errorBodySchema, 'Body larger than PROMPTREEL_MAX_BODY_BYTES.'),
		422: json(errorBodySchema, 'Invalid items, every path in `issues`.'),
		409: json(errorBodySchema, 'The Idempotency-Key was used with a different body.'),
	},
});

export const getBatchRoute = createRoute({
	method: 'get',
	path: '/v1/batches/{id}',
	tags: ['batches'],
	summary: "A batch: status, counts, and each item's video job, status and links",
	request: {params: idParamsSchema},
	responses: {200: json(batchSchema, 'The batch.'), 404: json(errorBodySchema, 'No such batch.')},
});

/** Registers the batch routes; `originOf` is the base of the links (as for videos). */
export const registerBatchRoutes = (app: OpenAPIHono, deps: {service: JobsService; originOf: () => string}): void => {
	const {service} = deps;
	app.openapi(createBatchRoute, async (c) => {
		const batch = await service.createBatch(c.req.valid('json'), {
			idempotencyKey: c.req.valid('header')['idempotency-key'],
			caller: c.get('apiKeyId'),
		});
		const {jobs} = await service.getBatch(batch.id);
		const view = toBatchView(batch, jobs, deps.originOf());
		c.header('Location', view.links.self);
		if (batch.replayed) c.header('Idempotent-Replayed', 'true');
		return c.json(view, 202);
	});
	app.openapi(getBatchRoute, async (c) => {
		const {batch, jobs} = await service.getBatch(c.req.valid('param').id);
		return c.json(toBatchView(batch, jobs, deps.originOf()), 200);
	});
};
