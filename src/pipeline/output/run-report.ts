import {writeFile} from 'node:fs/promises';
import {z} from 'zod';
import {PromptreelError} from '../errors';

export const stageNameSchema = z.enum(['planning', 'voicing', 'fetching', 'rendering']);
/** The stages a run reports: progress, time and provider each. */
export type StageName = z.infer<typeof stageNameSchema>;

export const reportWarningSchema = z.object({
	stage: z.union([stageNameSchema, z.literal('output')]),
	code: z.string().describe('Stable code, e.g. VOICE_FALLBACK or MEDIA_URL_FAILED.'),
	message: z.string(),
});
export type ReportWarning = z.infer<typeof reportWarningSchema>;

export const reportFallbackSchema = z.object({
	stage: stageNameSchema,
	from: z.string().describe('The provider that failed.'),
	to: z.string().describe('The provider that served instead.'),
	reason: z.string(),
});
export type ReportFallback = z.infer<typeof reportFallbackSchema>;

const perStage = <T extends z.ZodType>(value: T) =>
	z.object({planning: value, voicing: value, fetching: value, rendering: value}).partial();

/**
 * report.json of every output folder (generate, plan and render, from the CLI or a job): what ran,
 * which provider served each stage, how long it took, every warning and fallback with its reason.
 * One shape, so a reader handles any folder the same way (README.md, "Output").
 */
export const runReportSchema = z.object({
	version: z.literal(1),
	command: z.enum(['generate', 'plan', 'render']),
	prompt: z.string().nullable().describe('The prompt (cut at 2000 characters); null for render.'),
	storyboard: z.string().nullable().describe('The storyboard file a render read; null when it came as data.'),
	job: z.object({id: z.string(), attempt: z.number().int()}).nullable().describe('The job that ran it, when a job did.'),
	options: z.record(z.string(), z.unknown()).describe('The options the run used, defaults resolved.'),
	language: z.string(),
	languageSource: z
		.object({requested: z.string(), detected: z.string().nullable(), confidence: z.number().nullable(), reason: z.string().nullable()})
		.nullable()
		.describe('How the language was chosen: asked for, or detected from the prompt (how sure and why).'),
	template: z
		.object({
			id: z.string(),
			chosenBy: z.enum(['option', 'prompt', 'planner']),
			reason: z.string(),
		})
		.nullable()
		.default(null)
		.describe(
			"The template the video uses, who chose it (the template option, the prompt's shape, the planner model) and why; null when a storyboard is rendered (it names its template).",
		),
	providers: perStage(z.string()).describe('The provider that served each stage, e.g. {"rendering": "local"}.'),
	stagesMs: perStage(z.number()),
	renderTimingsMs: z.record(z.string(), z.number()).describe('Inside rendering: render and poster times; empty on a cache hit.'),
	warnings: z.array(reportWarningSchema),
	fallbacks: z.array(reportFallbackSchema),
	video: z
		.object({
			durationMs: z.number(),
			scenes: z.number().int(),
			fps: z.number(),
			width: z.number().optional(),
			height: z.number().optional(),
			frames: z.number().optional(),
		})
		.nullable(),
	completion: z
		.object({
			scenes: z.array(
				z.object({
					id: z.string(),
					narration: z
						.enum(['reused', 'voiced', 'recorded', 'silent'])
						.describe(
							'reused: its audio matched its text and voice; voiced: voiced in this run; recorded: a voice-over kept as is; silent: nothing to say or no voice.',
						),
					voiceCacheHit: z.boolean().nullable().describe('For a scene voiced in this run: its audio came from the voice cache.'),
					voice: z.string().nullable(),
					durationMs: z.number(),
					previousDurationMs: z.number(),
					picture: z.enum(['kept', 'illustrated']),
				}),
			),
			voiced: z.array(z.string()).describe('Ids of the scenes voiced in this run (from the voice cache or synthesised).'),
			reused: z.array(z.string()).describe('Ids of the scenes whose audio was kept as it was.'),
			voiceCacheHits: z.array(z.string()).describe('Ids of the scenes voiced in this run from the voice cache.'),
		})
		.nullable()
		.default(null)
		.describe(
			'What rendering completed in the storyboard: scenes voiced (again) and reused, pictures added; null when it was not completed (bench).',
		),
	cacheHit: z.boolean().nullable().describe('The video came from the render cache; null when nothing was rendered.'),
	cacheKey: z.string().nullable(),
	totalMs: z.number(),
	renderShareOfTotal: z.number().nullable(),
	error: z.object({code: z.string(), message: z.string()}).nullable().describe('Why the run failed; null when it did not.'),
	lambda: z
		.object({
			renderId: z.string(),
			region: z.string(),
			bucketName: z.string(),
			functionName: z.string(),
			costUsd: z.number().describe('Dollars accrued by the video render, as Remotion estimates them.'),
			functions: z.number().int().describe('Lambda functions invoked.'),
			resumed: z.boolean().describe('An earlier attempt started the render; this one resumed polling it.'),
		})
		.nullable()
		.optional()
		.describe('The Remotion Lambda render that drew the video (PROMPTREEL_RENDERER=lambda); absent otherwise.'),
	chunks: z
		.object({
			framesPerChunk: z
				.number()
				.int()
				.describe('The longest a chunk may be, in frames (chunks are cut where scenes and transitions begin and end).'),
			total: z.number().int().describe('Chunks the video is made of.'),
			rendered: z.number().int().describe('Chunks rendered by this run.'),
			reused: z.number().int().describe('Chunks taken from the chunk cache (an earlier render drew the same frames).'),
			renders: z
				.number()
				.int()
				.optional()
				.describe('Renders that drew them: neighbouring chunks to render are rendered together, in one pass.'),
		})
		.nullable()
		.optional()
		.describe('A render made in chunks (the capture renderer): how many were rendered and reused; absent otherwise.'),
});
export type RunReport = z.infer<typeof runReportSchema>;

/** A report before any stage ran. */
export const newRunReport = (o: {
	command: RunReport['command'];
	prompt?: string;
	storyboard?: string | null;
	job?: RunReport['job'];
	options: Record<string, unknown>;
	language: string;
}): RunReport => ({
	version: 1,
	command: o.command,
	prompt: o.prompt === undefined ? null : o.prompt.length > 2000 ? `${o.prompt.slice(0, 2000)}…` : o.prompt,
	storyboard: o.storyboard ?? null,
	job: o.job ?? null,
	options: o.options,
	language: o.language,
	languageSource: null,
	template: null,
	providers: {},
	stagesMs: {},
	renderTimingsMs: {},
	warnings: [],
	fallbacks: [],
	video: null,
	completion: null,
	cacheHit: null,
	cacheKey: null,
	totalMs: 0,
	renderShareOfTotal: null,
	error: null,
});

/** Writes a report as report.json's pretty JSON. */
export const writeRunReport = async (file: string, report: RunReport): Promise<void> => {
	await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
};

/** Records why a run failed (a PromptreelError's code, INTERNAL for anything else). */
export const recordRunError = (report: RunReport, error: unknown, startedAt: number): void => {
	report.error = error instanceof PromptreelError ? {code: error.code, message: error.message} : {code: 'INTERNAL', message: String(error)};
	report.totalMs = Math.round(performance.now() - startedAt);
};
