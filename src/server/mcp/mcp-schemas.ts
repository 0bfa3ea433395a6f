import {z} from '@hono/zod-openapi';
import type {ZodType} from 'zod';
import {storyboardSchema, storyboardV2Schema} from '../../compositions/storyboard';
import {generateOptionsSchema} from '../../pipeline/generate';
import {zodIssues} from '../../pipeline/parse-storyboard';
import {batchSchema, createBatchBodySchema} from '../../jobs';
import {
	createVideoBodySchema,
	errorBodySchema,
	generateOptionsComponent,
	idParamsSchema,
	jobSchema,
	planBodySchema,
	planResultSchema,
	storyboardComponent,
	templateInfoSchema,
} from '../api-schemas';

// The tools take and return the REST API's zod shapes (with their .describe() texts); only what
// is MCP's own (waiting with progress) is added here.

export const WAIT_MAX_SEC = 3600;

export const waitSchema = z
	.object({
		timeoutSec: z
			.number()
			.min(1)
			.max(WAIT_MAX_SEC)
			.default(600)
			.describe(`Longest wait in seconds (1-${WAIT_MAX_SEC}, default 600). When it passes the job goes on: follow it with get_video.`),
	})
	.describe(
		'Wait for the job to end (done, failed or cancelled) before answering, sending progress notifications meanwhile (send a progressToken to receive them; they reset the client timeout). Without it the tool answers at once with the queued job.',
	);

/**
 * A tool input field checked first by our own parser, so every issue is reported at its full path
 * (`storyboard.scenes.0.titel: Unknown key "titel": did you mean "title"?`, as over HTTP and in the
 * CLI): zod names an unknown key only on its parent object. Its JSON Schema stays `schema`'s (a
 * pipe that starts with a transform is described by its output side).
 */
const withFullPaths = <T extends z.ZodType>(schema: T, parser: ZodType, known: ZodType) =>
	z.preprocess((value, ctx) => {
		if (value === undefined) return value;
		const result = parser.safeParse(value);
		if (!result.success) {
			for (const issue of zodIssues(result.error, known)) {
				const path = issue.path === '(root)' ? [] : issue.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
				ctx.addIssue({code: 'custom', message: issue.message, path, input: value});
			}
		}
		return value;
	}, schema);

const storyboardInput = (description: string) =>
	withFullPaths(storyboardComponent.describe(description), storyboardSchema, storyboardV2Schema);
const optionsInput = (description: string) =>
	withFullPaths(generateOptionsComponent.prefault({}).describe(description), generateOptionsSchema, generateOptionsSchema);

export const createVideoInputSchema = createVideoBodySchema.safeExtend({wait: waitSchema.optional()});

export const renderStoryboardInputSchema = z.strictObject({
	storyboard: storyboardInput(
		'The storyboard to render (see list_templates for its JSON Schema, or plan_storyboard to get one). Scenes whose narration has no audio or was edited are voiced; the others are reused. Media must be https URLs or bundled paths (music/<id>.mp3): local paths are refused.',
	),
	options: optionsInput(
		'Options that apply to a storyboard: `quality` (draft 360p, standard 720p, high full size), `voice` (voice of the scenes voiced now; another than "auto" re-voices scenes another voice made) and `rate` (their speaking speed). The storyboard sets the rest (its music: null means none).',
	),
	wait: waitSchema.optional(),
});

export const planStoryboardInputSchema = planBodySchema;
export const jobIdInputSchema = z.object({
	id: idParamsSchema.shape.id.describe('The job id returned by create_video or render_storyboard (vid_...).'),
});
export const emptyInputSchema = z.object({});
/** create_batch: the body of POST /v1/batches. */
export const createBatchInputSchema = createBatchBodySchema;
export const batchIdInputSchema = z.object({
	id: idParamsSchema.shape.id.describe('The batch id returned by create_batch (bat_...).'),
});
export const batchOutputSchema = batchSchema;

/** Files are MCP resources here: the same job shape, with `files` mapping names to `promptreel://` URIs. */
export const jobOutputSchema = jobSchema;
/**
 * plan_storyboard's result: the storyboard as a plain object here, because an output schema is
 * published with io "output" and the storyboard's transforms (the migration of version 1, caption
 * preset aliases) cannot be written as JSON Schema there (the SDK's tools/list would fail). Its
 * schema is list_templates' and render_storyboard's input.
 */
export const planOutputSchema = z.object({
	storyboard: z
		.record(z.string(), z.unknown())
		.describe("The planned storyboard (its JSON Schema: list_templates, or render_storyboard's input)."),
	warnings: planResultSchema.shape.warnings,
});
export const templatesOutputSchema = z.object({data: z.array(templateInfoSchema).describe('Every template a storyboard can target.')});
export const errorOutputSchema = errorBodySchema;
