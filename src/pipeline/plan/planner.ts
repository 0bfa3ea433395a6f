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
	| 'SCENES_MERGED';

/** Something the user should know about the plan; never fatal. */
export type PlanWarning = {code: PlanWarningCode; message: string};

export type PlanContext = {
	signal?: AbortSignal;
	onWarning(w: PlanWarning): void;
};

/** Turns a prompt into a storyboard draft. One implementation per file (heuristic, openai, ...). */
export type Planner = {
	id: string;
	plan(input: PlanInput, ctx: PlanContext): Promise<PlannedStoryboard>;
};
