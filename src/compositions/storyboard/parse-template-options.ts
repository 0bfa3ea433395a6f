import type {z} from 'zod';
import {knownKeysAt, nearestKeys} from './known-keys';
import type {StoryboardWarning} from './migrate-storyboard';
import {stripUnknownKeys} from './strip-unknown-keys';

export type TemplateOptionsIssue = {path: string; message: string};

export type ParsedTemplateOptions<T> = {
	/** The options with the template's defaults applied (all defaults when `issues` is not empty). */
	options: T;
	/** Options this template does not take (e.g. another template's): ignored. */
	warnings: StoryboardWarning[];
	/** Options this template takes, with a bad value: the storyboard must be fixed. */
	issues: TemplateOptionsIssue[];
};

/**
 * Reads `storyboard.templateOptions` with one template's own strict options schema (every option
 * with a default, so `{}` is valid). Keys it does
 * not know are ignored with a warning (a storyboard may keep another template's options when it
 * switches template); a known option with a bad value is an issue, with its full path
 * (`templateOptions.titlePlacement`).
 */
export const parseTemplateOptions = <S extends z.ZodType>({
	schema,
	templateId,
	options,
	elsewhere = () => [],
}: {
	schema: S;
	templateId: string;
	options: Record<string, unknown>;
	/** Which other templates take an option, to name them in the warning. */
	elsewhere?: (key: string) => string[];
}): ParsedTemplateOptions<z.output<S>> => {
	const {value, removed} = stripUnknownKeys({input: options, schema});
	const known = knownKeysAt(schema, []);
	const warnings = removed.map((path): StoryboardWarning => {
		const others = elsewhere(path);
		const owner = others.length > 0 ? ` (an option of ${others.map((t) => `"${t}"`).join(', ')})` : '';
		const near = others.length === 0 ? nearestKeys(path, known) : [];
		const hint =
			near.length > 0 ? `Did you mean "${near[0]}"?` : known.length > 0 ? `Its options: ${known.join(', ')}.` : 'It takes no options.';
		return {
			code: 'TEMPLATE_OPTION_IGNORED',
			path: `templateOptions.${path}`,
			message: `Template "${templateId}" has no option "${path}"${owner}: ignored. ${hint}`,
		};
	});
	const result = schema.safeParse(value);
	if (result.success) return {options: result.data, warnings, issues: []};
	return {
		options: schema.parse({}),
		warnings,
		issues: result.error.issues.map((i) => ({path: ['templateOptions', ...i.path].map(String).join('.'), message: i.message})),
	};
};
