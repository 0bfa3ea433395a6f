import {findTemplate} from '../../compositions/registry';
import {fitScenesToMedia, planStoryboard, type PlannedStoryboard, type Planner} from '../plan';
import {listMediaFiles} from '../visuals';
import type {RunContext} from './start-run';

/**
 * Planning: the prompt becomes scenes with narration, titles and keywords. A planner model picks
 * the template unless the caller named one (`templateGiven`); the run's options follow it. With
 * your own media (`mediaDir`), scenes are split so each file can have one (fitScenesToMedia).
 */
export const planStage = async (
	run: RunContext,
	o: {prompt: string; planner?: Planner; templateGiven: boolean; mediaDir?: string | null | undefined},
): Promise<PlannedStoryboard> => {
	const {options, report} = run;
	const plan = await run.timed('planning', () =>
		planStoryboard({
			prompt: o.prompt,
			options: {
				language: options.lang,
				aspect: options.aspect,
				targetDurationSec: options.durationSec,
				template: options.template,
				seed: options.seed,
			},
			planner: o.planner,
			signal: run.signal,
		}),
	);
	report.providers.planning = plan.plannerId;
	for (const w of plan.warnings) run.warn('planning', w.code, w.message);
	for (const f of plan.fallbacks) report.fallbacks.push({stage: 'planning', ...f});
	if (!o.templateGiven && plan.storyboard.template !== options.template && findTemplate(plan.storyboard.template)) {
		options.template = plan.storyboard.template;
	}
	if (!o.mediaDir) return plan.storyboard;
	const mediaCount = (await listMediaFiles(o.mediaDir)).length;
	return fitScenesToMedia({plan: plan.storyboard, mediaCount, language: options.lang});
};
