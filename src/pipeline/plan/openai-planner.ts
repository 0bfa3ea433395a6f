import type OpenAI from 'openai';
import {APIError, APIUserAbortError} from 'openai';
import {zodResponseFormat} from 'openai/helpers/zod';
import type {z} from 'zod';
import {templates as registryTemplates} from '../../compositions/registry';
import {PromptreelError} from '../errors';
import {llmPlanSchema, llmPlanToDraft} from './llm-plan-schema';
import type {PlannedStoryboard} from './planned-storyboard';
import type {Planner} from './planner';
import {plannerMessages, type TemplateChoice} from './planner-prompt';

/** Default chat model on OpenAI; set PROMPTREEL_PLANNER_MODEL for another one or a local server's. */
export const DEFAULT_PLANNER_MODEL = 'gpt-4o-mini';

export type OpenAiPlannerOptions = {
	/** The official client, pointed at OpenAI or any compatible server through `baseURL`. */
	client: OpenAI;
	/** Default DEFAULT_PLANNER_MODEL. */
	model?: string;
	/** Whole planning budget, repair round included. Default 120 s. */
	timeoutMs?: number;
	/** Templates the model may pick from. Default: the registry's. */
	templates?: readonly TemplateChoice[];
	/** Sampling temperature. Default 0.4: factual, still varied in wording. */
	temperature?: number;
};

/** The model could not give a usable plan (down, timed out, refused, or invalid twice). Retryable. */
export class PlannerFailedError extends PromptreelError {
	override name = 'PlannerFailedError';
	constructor(message: string, cause?: unknown) {
		super('PLANNER_FAILED', message, {retryable: true, cause});
	}
}

type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;

const describeApiError = (error: unknown, model: string, baseURL: string): string => {
	if (error instanceof APIError && error.status !== undefined) {
		const hint =
			error.status === 401
				? ' (check OPENAI_API_KEY)'
				: error.status === 404
					? ` (is "${model}" served there? set PROMPTREEL_PLANNER_MODEL)`
					: '';
		return `${baseURL} answered ${error.status}${hint}: ${error.message}`;
	}
	return `cannot reach ${baseURL}: ${(error as Error).message}`;
};

/** Readable zod issues for the model's repair round and for warnings. */
const issueLines = (error: z.ZodError): string[] =>
	error.issues.slice(0, 20).map((i) => `- ${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`);

/**
 * Plans with a chat model through the official `openai` client: OpenAI itself, or Ollama,
 * llama.cpp server, vLLM, LM Studio through `baseURL`. Structured output (`json_schema`, strict)
 * from a planner-facing schema; the answer is parsed with zod, and an invalid one gets ONE repair
 * round that sends the errors back. Throws PlannerFailedError otherwise: wrap it with
 * createFallbackPlanner to fall back to the offline planner.
 */
export const createOpenAiPlanner = (options: OpenAiPlannerOptions): Planner => {
	const model = options.model ?? DEFAULT_PLANNER_MODEL;
	const timeoutMs = options.timeoutMs ?? 120_000;
	const templates = options.templates ?? registryTemplates.map((t) => ({id: t.id, description: t.description}));
	const ids = templates.map((t) => t.id);
	if (ids.length === 0) throw new Error('createOpenAiPlanner: at least one template is needed.');
	const schema = llmPlanSchema(ids as [string, ...string[]]);
	const responseFormat = zodResponseFormat(schema, 'promptreel_plan');
	const baseURL = options.client.baseURL;

	return {
		id: 'openai',
		async plan(input, ctx): Promise<PlannedStoryboard> {
			ctx.signal?.throwIfAborted();
			const timeout = AbortSignal.timeout(timeoutMs);
			const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
			const {system, user} = plannerMessages({...input, template: ids.includes(input.template) ? input.template : ids[0]!}, templates);
			const messages: Message[] = [
				{role: 'system', content: system},
				{role: 'user', content: user},
			];

			const ask = async (): Promise<string> => {
				try {
					const completion = await options.client.chat.completions.create(
						{model, messages, response_format: responseFormat, temperature: options.temperature ?? 0.4},
						{signal},
					);
					const message = completion.choices[0]?.message;
					if (message?.refusal) throw new PlannerFailedError(`The model refused to plan: ${message.refusal}`);
					if (!message?.content)
						throw new PlannerFailedError(
							`The model returned no content (finish reason ${completion.choices[0]?.finish_reason ?? 'none'}).`,
						);
					return message.content;
				} catch (error) {
					if (ctx.signal?.aborted) throw ctx.signal.reason;
					if (error instanceof PlannerFailedError) throw error;
					if (timeout.aborted || error instanceof APIUserAbortError) {
						throw new PlannerFailedError(
							`The planner model (${model} at ${baseURL}) did not answer within ${Math.round(timeoutMs / 1000)} s.`,
							error,
						);
					}
					throw new PlannerFailedError(`The planner model (${model}) failed: ${describeApiError(error, model, baseURL)}`, error);
				}
			};

			const check = (content: string): {ok: true; draft: PlannedStoryboard} | {ok: false; problems: string[]} => {
				let json: unknown;
				try {
					json = JSON.parse(content);
				} catch (error) {
					return {ok: false, problems: [`- (root): not valid JSON (${(error as Error).message})`]};
				}
				const parsed = schema.safeParse(json);
				if (!parsed.success) return {ok: false, problems: issueLines(parsed.error)};
				return {ok: true, draft: llmPlanToDraft(parsed.data, input.language)};
			};

			const first = await ask();
			const firstCheck = check(first);
			if (firstCheck.ok) return firstCheck.draft;

			// One repair round: the model sees its answer and exactly what is wrong with it.
			messages.push(
				{role: 'assistant', content: first},
				{
					role: 'user',
					content: `Your answer does not match the schema:\n${firstCheck.problems.join('\n')}\nReply with the complete corrected JSON only.`,
				},
			);
			const second = await ask();
			const secondCheck = check(second);
			if (!secondCheck.ok) {
				throw new PlannerFailedError(`The planner model (${model}) gave an invalid plan twice: ${secondCheck.problems.join(' ')}`);
			}
			ctx.onWarning({
				code: 'PLANNER_REPAIRED',
				message: `The planner model's first answer was invalid (${firstCheck.problems.join(' ')}); its corrected answer was used.`,
			});
			return secondCheck.draft;
		},
	};
};
