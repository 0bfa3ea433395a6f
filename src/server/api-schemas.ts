import {z} from '@hono/zod-openapi';
import {jobErrorSchema, jobSchema, jobStatusSchema, jobWarningSchema, storyboardComponent, JOB_STATUSES, type JobStatus} from '../jobs';

// The request and answer shapes of the jobs layer (bodies, the job view, warnings) live in
// src/jobs; the HTTP layer adds what only HTTP has (errors, pages, params, health, assets).
export {
	createVideoBodySchema,
	generateOptionsComponent,
	jobErrorSchema,
	jobSchema,
	jobWarningSchema,
	planBodySchema,
	promptSchema,
	storyboardComponent,
	webhookSchema,
	webhookViewSchema,
} from '../jobs';
export type {CreateVideoBody, JobView, JobWarning, PlanBody} from '../jobs';

/** Our one error shape, for every 4xx and 5xx. */
export const errorBodySchema = z
	.object({
		error: z.object({
			code: z.string().describe('Stable machine-readable code, e.g. INVALID_INPUT, NOT_FOUND, MALFORMED_JSON.'),
			message: z.string().describe('What is wrong and how to fix it.'),
			issues: z
				.array(z.object({path: z.string().describe('Dotted path of the field, e.g. storyboard.scenes.0.durationMs.'), message: z.string()}))
				.optional()
				.describe('Every invalid field (422 only).'),
		}),
	})
	.openapi('Error');

export const jobListSchema = z
	.object({
		data: z.array(jobSchema).describe('Newest first.'),
		nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
	})
	.openapi('VideoList');

export const listQuerySchema = z.object({
	status: z
		.string()
		.optional()
		.transform((value, ctx): JobStatus[] | undefined => {
			if (value === undefined || value.trim() === '') return undefined;
			const parts = value.split(',').map((s) => s.trim());
			const bad = parts.filter((s) => !(JOB_STATUSES as readonly string[]).includes(s));
			if (bad.length > 0) {
				ctx.addIssue({
					code: 'custom',
					message: `Unknown status "${bad.join('", "')}". Valid: ${JOB_STATUSES.join(', ')} (comma-separated).`,
				});
				return z.NEVER;
			}
			return parts as JobStatus[];
		})
		.openapi({
			param: {name: 'status', in: 'query'},
			description: `Only jobs with these statuses (comma-separated): ${JOB_STATUSES.join(', ')}.`,
			type: 'string',
		}),
	limit: z.coerce
		.number()
		.int()
		.min(1)
		.max(100)
		.default(20)
		.openapi({param: {name: 'limit', in: 'query'}, description: 'Page size (1-100).'}),
	cursor: z
		.string()
		.optional()
		.openapi({param: {name: 'cursor', in: 'query'}, description: 'nextCursor of the previous page.'}),
});

export const idParamsSchema = z.object({
	id: z.string().openapi({param: {name: 'id', in: 'path'}, example: 'vid_0123456789abcdef01234567'}),
});

export const fileParamsSchema = idParamsSchema.extend({
	name: z.string().openapi({
		param: {name: 'name', in: 'path'},
		description:
			"One of the job's output files: video.mp4, poster.jpg, captions.srt, captions.vtt, storyboard.json, credits.json, report.json.",
	}),
});

export const planResultSchema = z
	.object({
		storyboard: storyboardComponent,
		warnings: z.array(jobWarningSchema),
	})
	.openapi('PlanResult');

export const templateInfoSchema = z
	.object({
		id: z.string(),
		title: z.string(),
		description: z.string(),
		samples: z.array(z.string()).describe('Names of the sample storyboards that ship with it.'),
		schema: z.record(z.string(), z.unknown()).describe('JSON Schema of the storyboard this template renders.'),
	})
	.openapi('Template');

export const healthSchema = z
	.object({
		status: z.literal('ok'),
		version: z.string(),
		uptimeSec: z.number().optional().describe('With a valid API key (or on a server without keys).'),
		worker: z
			.object({
				id: z.string(),
				concurrency: z.number().int(),
				running: z.array(z.string()).describe('Jobs this process is running.'),
			})
			.optional()
			.describe('With a valid API key (or on a server without keys).'),
		jobs: z
			.record(z.string(), z.number().int())
			.optional()
			.describe('Jobs in the shared store, by status. With a valid API key (or on a server without keys).'),
		renderer: z.string().optional().describe('With a valid API key (or on a server without keys).'),
	})
	.openapi('Health');

export const assetSchema = z
	.object({
		id: z.string().describe('Asset id, derived from the content (the same bytes are one asset).'),
		ref: z
			.string()
			.describe('Use this as a media `src` (or narration.audio / music.src) in a storyboard sent to this server, e.g. "asset:ast_…".'),
		kind: z
			.enum(['image', 'video', 'audio'])
			.describe('What the content is, from its magic bytes (the Content-Type header is not trusted).'),
		contentType: z.string(),
		bytes: z.number().int(),
		sha256: z.string(),
		durationMs: z.number().int().nullable().describe('Length of a video or audio file, measured at upload.'),
		width: z.number().int().nullable(),
		height: z.number().int().nullable(),
		originalName: z.string().nullable().describe('File name of a multipart upload.'),
		createdAt: z.string().describe('ISO 8601.'),
	})
	.openapi('Asset');
export type AssetView = z.infer<typeof assetSchema>;

export const jobEventSchema = z
	.object({
		id: z.string().describe('Job id.'),
		status: jobStatusSchema,
		stage: z.string().nullable(),
		progress: z.number().min(0).max(1),
		error: jobErrorSchema.nullable(),
		at: z.string().describe('ISO 8601.'),
	})
	.describe(
		'`data` of every SSE event (JSON). Event names: status, progress, done, failed, cancelled (the last three end the stream), deleted.',
	)
	.openapi('VideoEvent');
