import type {Storyboard, StoryboardWarning, TemplateOptionsIssue} from './storyboard';
import {parseTemplateOptions} from './storyboard';
import {findTemplate, templates} from './registry';

export type TemplateOptionsCheck = {
	/** The chosen template's options, defaults applied ({} when the template is unknown). */
	options: Record<string, unknown>;
	/** Options the chosen template does not take (e.g. another template's): ignored. */
	warnings: StoryboardWarning[];
	/** Options it takes with a bad value, by full path (`templateOptions.titlePlacement`). */
	issues: TemplateOptionsIssue[];
};

/**
 * Checks `storyboard.templateOptions` against the chosen template's `templateOptionsSchema`.
 * Options of another template are ignored with a warning naming the template that takes them;
 * an unknown template id is not reported here (the renderer refuses it with the list of ids).
 */
export const validateTemplateOptions = (storyboard: Pick<Storyboard, 'template' | 'templateOptions'>): TemplateOptionsCheck => {
	const template = findTemplate(storyboard.template);
	if (!template) return {options: {}, warnings: [], issues: []};
	return parseTemplateOptions({
		schema: template.templateOptionsSchema,
		templateId: template.id,
		options: storyboard.templateOptions,
		elsewhere: (key) => templates.filter((t) => t.id !== template.id && key in t.templateOptionsSchema.shape).map((t) => t.id),
	});
};
