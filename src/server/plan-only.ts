import type {Storyboard} from '../compositions/storyboard';
import {planVideo, type GenerateOptions} from '../pipeline/generate';
import type {Renderer} from '../pipeline/render';
import type {JobWarning} from './api-schemas';
import {withDefaultVoice, type JobProviders} from './run-job';

export type PlanOnly = (o: {prompt: string; options: GenerateOptions; signal?: AbortSignal}) => Promise<{storyboard: Storyboard; warnings: JobWarning[]}>;

/** Plans a storyboard (no voice, media or render); planVideo writes no file. */
export const createPlanOnly =
	// `dataDir` and `renderer` stay in the signature until the jobs layer rewires its callers.
	(deps: {dataDir: string; renderer: Renderer; providers?: JobProviders}): PlanOnly =>
	async ({prompt, options, signal}) => {
		const result = await planVideo({prompt, options: withDefaultVoice(options, deps.providers), planner: deps.providers?.planner, signal});
		return {storyboard: result.storyboard, warnings: result.report.warnings.map((w) => ({stage: w.stage, code: w.code, message: w.message}))};
	};
