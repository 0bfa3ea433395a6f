import {z} from '@hono/zod-openapi';
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

export const createVideoInputSchema = createVideoBodySchema.safeExtend({wait: waitSchema.optional()});

export const renderStoryboardInputSchema = z.object({
	storyboard: storyboardComponent.describe(
		'The storyboard to render as is (see list_templates for its JSON Schema, or plan_storyboard to get one). Media must be https URLs: local paths are refused.',
	),
	options: generateOptionsComponent
		.prefault({})
		.describe('Generation options: for a storyboard only `quality` applies (draft 360p, standard 720p, high full size).'),
	wait: waitSchema.optional(),
});

export const planStoryboardInputSchema = planBodySchema;
export const jobIdInputSchema = z.object({id: idParamsSchema.shape.id.describe('The job id returned by create_video or render_storyboard (vid_...).')});
export const emptyInputSchema = z.object({});

/** Files are MCP resources here: the same job shape, with `files` mapping names to `promptreel://` URIs. */
export const jobOutputSchema = jobSchema;
export const planOutputSchema = planResultSchema;
export const templatesOutputSchema = z.object({data: z.array(templateInfoSchema).describe('Every template a storyboard can target.')});
export const errorOutputSchema = errorBodySchema;
