import type {Storyboard} from '../compositions/storyboard';
import {planVideo, type GenerateOptions} from '../pipeline/generate';
import type {JobWarning} from './job-schemas';
import type {JobProviders} from './run-job';

export type PlanOnly = (o: {
	prompt: string;
	options: GenerateOptions;
	signal?: AbortSignal;
}) => Promise<{storyboard: Storyboard; warnings: JobWarning[]}>;

/** Plans a storyboard (no voice, media or render) with the server's planner; planVideo writes no file. */
export const createPlanOnly =
	(deps: {providers?: JobProviders}): PlanOnly =>
	async ({prompt, options, signal}) => {
		const result = await planVideo({
			prompt,
			options,
			preferredVoice: deps.providers?.preferredVoice,
			planner: deps.providers?.planner,
			signal,
		});
		return {
			storyboard: result.storyboard,
			warnings: result.report.warnings.map((w) => ({stage: w.stage, code: w.code, message: w.message})),
		};
	};
