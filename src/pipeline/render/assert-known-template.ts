import {findTemplate, templateIds, type TemplateDefinition} from '../../compositions/registry';
import {UnknownTemplateError} from '../errors';

/**
 * The template with this id, or an UnknownTemplateError listing the valid ids. The one answer to
 * "does this template exist" for the CLI, generate, the renderers and the jobs service.
 */
export const assertKnownTemplate = (id: string): TemplateDefinition => {
	const template = findTemplate(id);
	if (!template) throw new UnknownTemplateError(id, templateIds);
	return template;
};
