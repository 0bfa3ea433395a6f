import {z} from '@hono/zod-openapi';
import {validateTemplateOptions} from '../../compositions/validate-template-options';
import {createVideoBodySchema, exactlyOneInput, jobErrorSchema, promptSchema, webhookSchema, webhookViewSchema} from '../job-schemas';
import {JOB_STATUSES} from '../job-status';

// The shapes of batches (README "Batches"): the request (items as POST /v1/videos bodies without
// their own webhook) and the public view that REST, MCP and the batch.done webhook send.

/** Most items one batch may hold: a bigger list is several batches. */
export const MAX_BATCH_ITEMS = 500;

/** A template option set on a prompt's plan: checked against the chosen template now, not at render. */
const checkTemplateOptions = (
	item: {options: {template: string; templateOptions?: Record<string, unknown> | undefined}},
	ctx: z.RefinementCtx,
) => {
	const templateOptions = item.options.templateOptions;
	if (templateOptions === undefined) return;
	for (const issue of validateTemplateOptions({template: item.options.template, templateOptions}).issues) {
		ctx.addIssue({code: 'custom', path: ['options', ...issue.path.split('.')], message: issue.message});
	}
};

export const batchItemSchema = z
	.strictObject({
		prompt: promptSchema.optional(),
		storyboard: createVideoBodySchema.shape.storyboard,
		options: createVideoBodySchema.shape.options,
	})
	.superRefine(exactlyOneInput, {when: () => true})
	.superRefine(checkTemplateOptions)
	.describe('One video of the batch: a prompt or a storyboard, with its options (as POST /v1/videos, without a webhook of its own).')
	.openapi('BatchItem');
export type BatchItem = z.infer<typeof batchItemSchema>;

export const createBatchBodySchema = z
	.strictObject({
		items: z
			.array(batchItemSchema)
			.min(1, 'A batch needs at least one item.')
			.max(MAX_BATCH_ITEMS, `At most ${MAX_BATCH_ITEMS} items a batch: split the list.`)
			.describe('The videos to make, each a job of its own.'),
		webhook: webhookSchema
			.optional()
			.describe(
				'POSTed once, `{type: "batch.done", batch, metadata}`, when every item has ended (done, failed or cancelled); signed and retried as the video webhooks.',
			),
	})
	.openapi('CreateBatchRequest');
export type CreateBatchBody = z.infer<typeof createBatchBodySchema>;

export const batchItemViewSchema = z.object({
	index: z.number().int().describe('Position in the request, from 0.'),
	id: z.string().describe('Its video job id.'),
	status: z.enum([...JOB_STATUSES, 'deleted']).describe('The job status; deleted: removed (retention or DELETE).'),
	stage: z.string().nullable(),
	progress: z.number().min(0).max(1),
	error: jobErrorSchema.nullable(),
	files: z.record(z.string(), z.string()).describe('Output file name -> download URL (when done).'),
	links: z.object({self: z.string().describe('The video job.')}),
});

export const batchSchema = z
	.object({
		id: z.string().describe('Batch id.'),
		status: z.enum(['running', 'done']).describe('done once every item has ended (done, failed or cancelled).'),
		total: z.number().int(),
		counts: z.record(z.string(), z.number().int()).describe('Items by status.'),
		items: z.array(batchItemViewSchema),
		webhook: webhookViewSchema.nullable(),
		createdAt: z.string().describe('ISO 8601.'),
		finishedAt: z.string().nullable().describe('ISO 8601, once done.'),
		links: z.object({self: z.string().describe('This batch.')}),
	})
	.openapi('Batch');
export type BatchView = z.infer<typeof batchSchema>;
