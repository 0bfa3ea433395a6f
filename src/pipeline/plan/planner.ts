import type {Aspect} from '../../compositions/storyboard';
import type {PlannedStoryboard} from './planned-storyboard';

/** Everything a planner needs, fully resolved (see plan-storyboard.ts for the defaults). */
export type PlanInput = {
	prompt: string;
	/** BCP 47 tag of the script's language; planners write in it and never translate. */
	language: string;
	aspect: Aspect;
	/** Target length of the video in seconds, or null to derive it from the text. */
	targetDurationSec: number | null;
	template: string;
	seed: number;
};

export type PlanWarningCode =
	| 'NEEDS_PLANNER_MODEL'
	| 'SCRIPT_LONGER_THAN_TARGET'
	| 'SCRIPT_SHORTER_THAN_TARGET'
	| 'SCENES_MERGED'
	| 'PLANNER_FALLBACK'
	| 'PLANNER_REPAIRED';

/** Something the user should know about the plan; never fatal. */
export type PlanWarning = {code: PlanWarningCode; message: string};

/** A planner could not serve and another one did; report.json lists it with the reason. */
export type PlanFallback = {from: string; to: string; reason: string};

export type PlanContext = {
	signal?: AbortSignal;
	onWarning(w: PlanWarning): void;
	/** Called when a planner hands over to a fallback planner. */
	onFallback?(f: PlanFallback): void;
};

/** Turns a prompt into a storyboard draft. One implementation per file (heuristic, openai, ...). */
export type Planner = {
	id: string;
	plan(input: PlanInput, ctx: PlanContext): Promise<PlannedStoryboard>;
};
