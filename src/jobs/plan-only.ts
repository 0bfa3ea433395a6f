import {mkdir, mkdtemp, rm} from 'node:fs/promises';
import {join} from 'node:path';
import type {Storyboard} from '../compositions/storyboard';
import {generateVideo, type GenerateOptions} from '../pipeline/generate';
import type {Renderer} from '../pipeline/render';
import type {JobWarning} from './job-schemas';
import {withDefaultVoice, type JobProviders} from './run-job';

export type PlanOnly = (o: {prompt: string; options: GenerateOptions; signal?: AbortSignal}) => Promise<{storyboard: Storyboard; warnings: JobWarning[]}>;

/** Plans a storyboard (no voice, media or render) in a scratch folder removed afterwards. */
export const createPlanOnly =
	(deps: {dataDir: string; renderer: Renderer; providers?: JobProviders}): PlanOnly =>
	async ({prompt, options, signal}) => {
		const scratch = join(deps.dataDir, 'tmp');
		await mkdir(scratch, {recursive: true});
		const dir = await mkdtemp(join(scratch, 'plan-'));
		try {
			const result = await generateVideo({
				prompt,
				options: withDefaultVoice(options, deps.providers),
				outDir: dir,
				dataDir: deps.dataDir,
				renderer: deps.renderer,
				planner: deps.providers?.planner,
				planOnly: true,
				signal,
			});
			return {storyboard: result.storyboard, warnings: result.report.warnings.map((w) => ({stage: w.stage, code: w.code, message: w.message}))};
		} finally {
			await rm(dir, {recursive: true, force: true}).catch(() => undefined);
		}
	};
