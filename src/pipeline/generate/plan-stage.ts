import {findTemplate} from '../../compositions/registry';
import {AUTO_TEMPLATE, chooseTemplate, fitScenesToMedia, planStoryboard, type PlannedStoryboard, type Planner} from '../plan';
import {listMediaFiles} from '../visuals';
import type {RunContext} from './start-run';
import {templateHintsOf} from './template-option';

/**
 * Planning: the prompt becomes scenes with narration, titles and keywords. Unless the caller named
 * a template (`templateGiven`), one is chosen from the prompt's shape and what came with it
 * (chooseTemplate), and a planner model may pick another; the run's options follow, and
 * report.json says which template and why. With your own media (`mediaDir`), scenes are split so
 * each file can have one (fitScenesToMedia).
 */
export const planStage = async (
	run: RunContext,
	o: {prompt: string; planner?: Planner; templateGiven: boolean; mediaDir?: string | null | undefined},
): Promise<PlannedStoryboard> => {
	const {options, report} = run;
	if (options.template === AUTO_TEMPLATE) {
		const hints = await templateHintsOf({voiceover: options.voiceover, mediaDir: o.mediaDir});
		const choice = chooseTemplate({prompt: o.prompt, language: options.lang, hints});
		options.template = choice.id;
		report.template = {id: choice.id, chosenBy: 'prompt', reason: choice.reason};
	} else {
		report.template = {id: options.template, chosenBy: 'option', reason: 'named by the template option'};
	}
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
		report.template = {
			id: options.template,
			chosenBy: 'planner',
			reason: `the planner model (${plan.plannerId}) chose it from the descriptions`,
		};
	}
	if (!o.mediaDir) return plan.storyboard;
	const mediaCount = (await listMediaFiles(o.mediaDir)).length;
	return fitScenesToMedia({plan: plan.storyboard, mediaCount, language: options.lang});
};
