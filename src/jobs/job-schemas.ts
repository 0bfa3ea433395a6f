import {z} from '@hono/zod-openapi';
import {storyboardSchema} from '../compositions/storyboard';
import {generateOptionsSchema} from '../pipeline/generate';
import {normalizePrompt} from '../pipeline/plan';
import {JOB_PRIORITIES} from './job-priority';
import {jobStatusSchema} from './job-status';

// The shapes of the jobs layer: what a job is asked with (bodies), what it reports (warnings,
// errors) and its public view. REST, MCP and webhooks all send these. They are made with the zod
// of @hono/zod-openapi because the names of the OpenAPI components (Storyboard, Video, ...) must be
// attached where a schema is made: zod copies methods onto a schema when it is built, so a schema
// made with plain zod has no .openapi() to name it later, and inlining them would change the
// published document. This is metadata only; nothing here depends on HTTP.

// Schemas made before @hono/zod-openapi extended zod have no .openapi(): a lazy wrapper made
// here does, and registers them once as components of the OpenAPI document.
export const storyboardComponent = z.lazy(() => storyboardSchema).openapi('Storyboard');
export const generateOptionsComponent = z.lazy(() => generateOptionsSchema).openapi('GenerateOptions');

export const prioritySchema = z
	.enum(JOB_PRIORITIES)
	.describe(
		'How urgent the job is (default normal): workers take high before normal before low, oldest first within each. A key running PROMPTREEL_MAX_RUNNING_PER_KEY jobs waits for one of them to end, whatever the priority.',
	);

/** A video's options: generate's, plus where the job stands in the queue. */
export const videoOptionsComponent = z
	.lazy(() => generateOptionsSchema.extend({priority: prioritySchema.optional()}))
	.openapi('VideoOptions');

/** Deepest nesting and largest JSON size of webhook metadata: it is stored and echoed in every event. */
export const METADATA_LIMITS = {depth: 16, bytes: 16_384} as const;

/** How deep arrays and objects nest in a value, walked with a stack (never recursion); stops past `limit`. */
export const valueDepth = (value: unknown, limit: number): number => {
	let max = 0;
	const stack: [unknown, number][] = [[value, 0]];
	while (stack.length > 0) {
		const [v, d] = stack.pop()!;
		if (typeof v !== 'object' || v === null) continue;
		if (d + 1 > max) max = d + 1;
		if (max > limit) return max;
		for (const child of Object.values(v)) stack.push([child, d + 1]);
	}
	return max;
};

const metadataSchema = z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
	if (valueDepth(value, METADATA_LIMITS.depth) > METADATA_LIMITS.depth) {
		ctx.addIssue({code: 'custom', message: `Nests more than ${METADATA_LIMITS.depth} levels deep: send flatter metadata.`});
	} else if (JSON.stringify(value).length > METADATA_LIMITS.bytes) {
		ctx.addIssue({
			code: 'custom',
			message: `Larger than ${METADATA_LIMITS.bytes} bytes as JSON: keep an id here and the rest on your side.`,
		});
	}
});

export const webhookSchema = z
	.object({
		url: z.url({protocol: /^https?$/}).describe('Where video.done / video.failed events are POSTed.'),
		metadata: metadataSchema
			.optional()
			.describe(
				`Echoed back in every event of this job (at most ${METADATA_LIMITS.depth} levels deep and ${METADATA_LIMITS.bytes} bytes as JSON).`,
			),
	})
	.describe(
		'POSTed `{type: "video.done"|"video.failed", video, metadata}` when the job ends, signed with `Promptreel-Signature: t=<unix s>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`; retried with exponential backoff. Loopback and private addresses are refused unless PROMPTREEL_ALLOW_PRIVATE_URLS is set.',
	);

export const webhookViewSchema = z
	.object({
		url: z.string(),
		metadata: z.record(z.string(), z.unknown()).nullable().describe('Echoed in every event.'),
		deliveries: z
			.array(
				z.object({
					event: z.enum(['video.done', 'video.failed', 'batch.done']),
					state: z.enum(['pending', 'delivered', 'failed']).describe('pending: another attempt is scheduled (nextAttemptAt).'),
					nextAttemptAt: z.string().nullable().describe('ISO 8601, while pending.'),
					attempts: z.array(
						z.object({
							at: z.string().describe('ISO 8601.'),
							status: z.number().int().nullable().describe('HTTP status of the receiver; null when no answer came.'),
							error: z.string().nullable().describe('Why the attempt failed; null when delivered (2xx).'),
						}),
					),
				}),
			)
			.describe('One delivery per event, with every attempt.'),
	})
	.describe('The webhook of the job and its deliveries.')
	.openapi('WebhookStatus');

/** Exactly one of prompt and storyboard (a video request, a batch item): checked here so the error names the fields. */
export const exactlyOneInput = (body: unknown, ctx: z.RefinementCtx) => {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return;
	const fields = body as Record<string, unknown>;
	const has = {prompt: fields.prompt !== undefined, storyboard: fields.storyboard !== undefined};
	if (has.prompt && has.storyboard) {
		for (const path of ['prompt', 'storyboard']) {
			ctx.addIssue({code: 'custom', path: [path], message: 'Send either prompt or storyboard, not both.'});
		}
	} else if (!has.prompt && !has.storyboard) {
		ctx.addIssue({code: 'custom', path: [], message: 'Send a prompt (text to make a video of) or a storyboard (a video to render).'});
	}
};

const hasWords = (prompt: string): boolean => {
	try {
		normalizePrompt(prompt);
		return true;
	} catch {
		return false;
	}
};

export const promptSchema = z
	.string()
	.trim()
	.min(1, 'The prompt is empty.')
	.max(20_000, 'The prompt is longer than 20000 characters.')
	// The planner's own check (control characters and spaces only is no prompt), made at submit.
	.refine((p) => hasWords(p), 'The prompt has no words (only spaces or control characters): pass a script, an outline or a topic.')
	.describe('A script, an outline ("3 tips for ...: 1. ... 2. ...") or a topic.');

export const createVideoBodySchema = z
	.strictObject({
		prompt: promptSchema.optional(),
		storyboard: storyboardComponent
			.optional()
			.describe(
				'A storyboard to complete and render: scenes whose narration has no audio, or audio made from another text, are voiced (the others reused); bare procedural scenes are illustrated. Media must be https URLs, `asset:<id>` refs or bundled paths (music/<id>.mp3): other local paths are refused.',
			),
		options: videoOptionsComponent
			.prefault({})
			.describe(
				'Generation options and the priority of the job. For a storyboard `quality` applies, and `voice` and `rate` to the scenes voiced now (a voice other than "auto" re-voices scenes another voice made); the storyboard sets the rest (its music: null means none).',
			),
		webhook: webhookSchema.optional(),
		dryRun: z
			.boolean()
			.optional()
			.describe(
				'Check the storyboard and its media (https media by a HEAD) and answer 200 with what a render would do (scenes to voice, duration, estimated render time), creating no job.',
			),
	})
	// Runs even when a field is invalid, so "both" or "neither" is reported with the other issues.
	.superRefine(exactlyOneInput, {when: () => true})
	.openapi('CreateVideoRequest');
export type CreateVideoBody = z.infer<typeof createVideoBodySchema>;

export const planBodySchema = z
	.strictObject({
		prompt: promptSchema,
		options: generateOptionsComponent.prefault({}),
	})
	.openapi('PlanRequest');
export type PlanBody = z.infer<typeof planBodySchema>;

export const completeBodySchema = z
	.strictObject({
		storyboard: storyboardComponent.describe('The storyboard to complete (media: https URLs, `asset:<id>` refs or bundled paths).'),
		options: z
			.strictObject({
				voice: z
					.string()
					.min(1)
					.default('auto')
					.describe('Voice of the scenes voiced now; another than "auto" re-voices scenes another voice made.'),
				rate: z.number().min(0.5).max(2).default(1).describe('Speaking speed of the scenes voiced now (1 = normal, or as recorded).'),
			})
			.prefault({})
			.describe('Voice options.'),
	})
	.openapi('CompleteStoryboardRequest');
export type CompleteBody = z.infer<typeof completeBodySchema>;

export const jobWarningSchema = z.object({
	stage: z.string().describe('Stage that warned, e.g. voicing.'),
	code: z.string().describe('Stable code, e.g. VOICE_FALLBACK.'),
	message: z.string(),
});
export type JobWarning = z.infer<typeof jobWarningSchema>;

export const jobErrorSchema = z.object({code: z.string(), message: z.string()}).describe('Why the job failed or was cancelled.');

export const jobSchema = z
	.object({
		id: z.string().describe('Job id.'),
		kind: z.enum(['prompt', 'storyboard']).describe('What was submitted.'),
		status: jobStatusSchema,
		priority: prioritySchema,
		key: z
			.string()
			.nullable()
			.describe(
				'Who sent it: the fingerprint of the API key (key_...), "open" on a server without keys; PROMPTREEL_MAX_RUNNING_PER_KEY caps the running jobs of each.',
			),
		stage: z.string().nullable().describe('Finer stage of the status, e.g. bundling, encoding, poster.'),
		progress: z.number().min(0).max(1).describe('Progress of the current stage, 0..1 (1 when done).'),
		warnings: z.array(jobWarningSchema).describe('Every fallback and warning, with its reason.'),
		error: jobErrorSchema.nullable(),
		attempts: z.number().int().describe("Runs started (a crashed worker's run counts)."),
		maxAttempts: z.number().int(),
		cached: z.boolean().describe('The files come from an earlier job with the same storyboard and options.'),
		createdAt: z.string().describe('ISO 8601.'),
		updatedAt: z.string().describe('ISO 8601.'),
		files: z.record(z.string(), z.string()).describe('Output file name -> download URL (when done).'),
		webhook: webhookViewSchema.nullable(),
		links: z.object({
			self: z.string().describe('This job.'),
			cancel: z.string().describe('POST here to cancel it.'),
			events: z.string().optional().describe('Server-Sent Events of its progress (GET, text/event-stream).'),
		}),
	})
	.openapi('Video');
export type JobView = z.infer<typeof jobSchema>;
