import {stat} from 'node:fs/promises';
import {join} from 'node:path';
import {createRoute, z, type OpenAPIHono} from '@hono/zod-openapi';
import type {Context, Next} from 'hono';
import {completeBodySchema, jobWarningSchema, rewriteAssetRefs, type JobsService} from '../jobs';
import {ValidationError} from '../pipeline/errors';
import {errorBodySchema} from './api-schemas';
import {fileResponse} from './file-response';
import {ApiError} from './http-errors';

// The edit loop over HTTP (README.md, "Plan, edit, render"): complete a storyboard on its own,
// fetch the media it made, and preview a render without a job (dryRun).

const json = <T extends z.ZodType>(schema: T, description: string) => ({content: {'application/json': {schema}}, description});
const error = (description: string) => json(errorBodySchema, description);

export const sceneCompletionSchema = z
	.object({
		id: z.string(),
		narration: z
			.enum(['reused', 'voiced', 'recorded', 'silent'])
			.describe(
				'reused: audio kept (made from this text and voice); voiced: voiced now; recorded: a voice-over kept; silent: nothing to say or no voice.',
			),
		voiceCacheHit: z.boolean().nullable().describe('For a scene voiced now: from the voice cache (same text, voice, rate).'),
		voice: z.string().nullable(),
		durationMs: z.number(),
		previousDurationMs: z.number(),
		picture: z.enum(['kept', 'illustrated']),
	})
	.openapi('SceneCompletion');

export const completeResultSchema = z
	.object({
		storyboard: z
			.record(z.string(), z.unknown())
			.describe(
				'The completed storyboard: its media are `asset:<id>` refs (GET /v1/assets/{id}/content), https URLs or bundled paths. Edit it and send it to POST /v1/videos.',
			),
		scenes: z.array(sceneCompletionSchema),
		warnings: z.array(jobWarningSchema),
	})
	.openapi('CompleteStoryboardResult');

export const renderPreviewSchema = z
	.object({
		valid: z.literal(true),
		title: z.string(),
		template: z.string(),
		language: z.string(),
		scenes: z.number().int(),
		durationMs: z.number().describe('Length as the storyboard stands; scenes voiced now may change it.'),
		quality: z.string(),
		width: z.number().int(),
		height: z.number().int(),
		frames: z.number().int(),
		toVoice: z.array(z.string()).describe('Ids of the scenes a render voices.'),
		reused: z.array(z.string()).describe('Ids of the scenes whose audio a render keeps.'),
		toIllustrate: z.array(z.string()),
		voice: z.string().describe('The voice new audio is made with.'),
		localMedia: z.number().int(),
		remoteMedia: z
			.array(
				z.object({path: z.string(), src: z.string(), ok: z.boolean(), status: z.number().int().nullable(), message: z.string().nullable()}),
			)
			.describe('https media, checked by a HEAD.'),
		estimate: z
			.object({seconds: z.number(), fps: z.number(), basis: z.string()})
			.describe('Estimated render time from measured speeds (bench/results.md).'),
		warnings: z.array(z.object({code: z.string(), path: z.string(), message: z.string()})),
	})
	.openapi('RenderPreview');

export const completeRoute = createRoute({
	method: 'post',
	path: '/v1/storyboards/complete',
	tags: ['storyboards'],
	summary: 'Complete a storyboard: voice it and illustrate it, without rendering',
	description:
		'Voices every scene whose narration has no audio or audio made from another text (voice cache first), times its captions, sets durations that follow the speech, and illustrates bare procedural scenes, as a render would. Answers the storyboard with its new media as `asset:<id>` refs: preview them with GET /v1/assets/{id}/content, edit, then POST /v1/videos (unchanged scenes are reused).',
	request: {body: {content: {'application/json': {schema: completeBodySchema}}, required: true}},
	responses: {
		200: json(completeResultSchema, 'The completed storyboard.'),
		400: error('Malformed JSON.'),
		413: error('Body larger than PROMPTREEL_MAX_BODY_BYTES.'),
		415: error('Body not sent as application/json.'),
		422: error('Schema violations (unknown keys too), with every path in `issues`.'),
	},
});

export const assetContentRoute = createRoute({
	method: 'get',
	path: '/v1/assets/{id}/content',
	tags: ['assets'],
	summary: 'The bytes of an asset (Range, HEAD, ETag)',
	request: {params: z.object({id: z.string().openapi({param: {name: 'id', in: 'path'}, example: 'ast_0123456789abcdef01234567'})})},
	responses: {
		200: {
			description: 'The whole file, with its content type.',
			content: {'application/octet-stream': {schema: z.string().openapi({format: 'binary'})}},
		},
		206: {description: 'The requested byte range (`Range: bytes=start-end`).'},
		304: {description: 'Not modified (If-None-Match matched the ETag).'},
		404: error('No such asset, or its file is gone.'),
		416: error('The range is outside the file.'),
	},
});

/** `asset:<id>` refs of a JSON body's storyboard become `assets/<id>.<ext>` before the schema sees them. */
export const rewriteAssetRefsMiddleware = (service: JobsService) => async (c: Context, next: Next) => {
	if (c.req.method !== 'POST' || !/^application\/json/i.test(c.req.header('content-type') ?? '')) return next();
	let body: unknown;
	try {
		body = await c.req.json();
	} catch {
		return next();
	}
	const issues = await rewriteAssetRefs(body, service.assets);
	if (issues.length > 0)
		throw new ValidationError(`Invalid request body: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
	// The validator reads the body through this cache (HonoRequest.json() parses the cached text).
	(c.req.bodyCache as Record<string, unknown>).text = Promise.resolve(JSON.stringify(body));
	return next();
};

/** Registers the storyboard-completion and asset-content routes on the API. */
export const registerStoryboardRoutes = (app: OpenAPIHono, deps: {service: JobsService; assetsDir?: string | undefined}): void => {
	const {service} = deps;
	app.use('/v1/storyboards/complete', rewriteAssetRefsMiddleware(service));

	app.openapi(completeRoute, async (c) => c.json(await service.completeStoryboard(c.req.valid('json'), c.req.raw.signal), 200));

	app.openapi(assetContentRoute, async (c) => {
		const id = c.req.valid('param').id;
		const asset = await service.assets.get(id);
		if (!asset || !deps.assetsDir) throw new ApiError('NOT_FOUND', `No asset "${id}".`);
		const path = join(deps.assetsDir, asset.fileName);
		const info = await stat(path).catch(() => null);
		if (!info?.isFile()) throw new ApiError('NOT_FOUND', `The file of asset ${id} is gone from the data dir: upload it again.`);
		return fileResponse({
			method: c.req.method,
			path,
			size: info.size,
			mtimeMs: info.mtimeMs,
			contentType: asset.contentType,
			fileName: asset.fileName,
			headers: {range: c.req.header('Range'), ifNoneMatch: c.req.header('If-None-Match'), ifRange: c.req.header('If-Range')},
		});
	});
};
