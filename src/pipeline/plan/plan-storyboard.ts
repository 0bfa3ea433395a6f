import {aspectSchema, type Aspect} from '../../compositions/storyboard';
import {PromptreelError, ValidationError, type IssueDetail} from '../errors';
import {createHeuristicPlanner} from './heuristic-planner';
import {normalizePrompt} from './normalize-prompt';
import {InvalidLanguageError} from './plan-errors';
import {plannedStoryboardSchema, type PlannedStoryboard} from './planned-storyboard';
import type {PlanFallback, PlanInput, Planner, PlanWarning} from './planner';

export type PlanOptions = {
	/** BCP 47 tag; default "en". */
	language?: string;
	/** Default "16:9". */
	aspect?: Aspect;
	/** Target length in seconds; default null (from the text). */
	targetDurationSec?: number | null;
	/** Default "explainer". */
	template?: string;
	/** Default 1. */
	seed?: number;
};

export type PlanStoryboardOptions = {
	prompt: string;
	options?: PlanOptions;
	/** Default: the offline heuristic planner. */
	planner?: Planner;
	signal?: AbortSignal;
	onWarning?: (w: PlanWarning) => void;
};

export type PlanStoryboardResult = {
	storyboard: PlannedStoryboard;
	warnings: PlanWarning[];
	/** The planner that produced the draft (the fallback's id when the first one failed). */
	plannerId: string;
	/** Planners that failed and what took over, with the reason. */
	fallbacks: PlanFallback[];
};

/** A planner returned something that is not a valid draft (an LLM may; another try may not). */
export class InvalidPlanError extends PromptreelError {
	override name = 'InvalidPlanError';
	constructor(plannerId: string, issues: IssueDetail[]) {
		super(
			'INVALID_PLAN',
			`Planner "${plannerId}" returned an invalid storyboard draft: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
			{retryable: true, details: issues},
		);
	}
}

/** The defaults of planning, applied here and nowhere else. */
export const resolvePlanInput = (prompt: string, options: PlanOptions = {}): PlanInput => {
	const language = options.language ?? 'en';
	try {
		Intl.getCanonicalLocales(language);
	} catch {
		throw new InvalidLanguageError(language);
	}
	const issues: IssueDetail[] = [];
	const aspect = aspectSchema.safeParse(options.aspect ?? '16:9');
	if (!aspect.success) issues.push({path: 'options.aspect', message: `"${options.aspect}" is not one of 16:9, 9:16, 1:1.`});
	const target = options.targetDurationSec ?? null;
	if (target !== null && !(Number.isFinite(target) && target > 0 && target <= 3600)) {
		issues.push({path: 'options.targetDurationSec', message: `${target} is not a duration in seconds between 0 and 3600.`});
	}
	const seed = options.seed ?? 1;
	if (!Number.isInteger(seed) || seed < 0) issues.push({path: 'options.seed', message: `${seed} is not a whole number >= 0.`});
	const template = options.template ?? 'explainer';
	if (template.trim() === '') issues.push({path: 'options.template', message: 'The template id is empty.'});
	if (issues.length > 0)
		throw new ValidationError(`Invalid plan options: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
	return {prompt: normalizePrompt(prompt), language, aspect: aspect.data!, targetDurationSec: target, template, seed};
};

/**
 * Plans a storyboard draft from a prompt with the given planner (default: the offline heuristic
 * one) and parses its output, so an LLM's answer is checked like any other input.
 */
export const planStoryboard = async (opts: PlanStoryboardOptions): Promise<PlanStoryboardResult> => {
	const input = resolvePlanInput(opts.prompt, opts.options);
	const planner = opts.planner ?? createHeuristicPlanner();
	const warnings: PlanWarning[] = [];
	const fallbacks: PlanFallback[] = [];
	opts.signal?.throwIfAborted();
	const raw = await planner.plan(input, {
		signal: opts.signal,
		onWarning: (w) => {
			warnings.push(w);
			opts.onWarning?.(w);
		},
		onFallback: (f) => fallbacks.push(f),
	});
	const servedBy = fallbacks.at(-1)?.to ?? planner.id;
	const parsed = plannedStoryboardSchema.safeParse(raw);
	if (!parsed.success) {
		throw new InvalidPlanError(
			servedBy,
			parsed.error.issues.map((i) => ({path: i.path.join('.'), message: i.message})),
		);
	}
	const ids = parsed.data.scenes.map((s) => s.id);
	if (ids.length === 0) throw new InvalidPlanError(servedBy, [{path: 'scenes', message: 'No scenes.'}]);
	const dup = ids.find((id, i) => ids.indexOf(id) !== i);
	if (dup) throw new InvalidPlanError(servedBy, [{path: 'scenes', message: `Duplicate scene id "${dup}".`}]);
	return {storyboard: parsed.data, warnings, plannerId: servedBy, fallbacks};
};
