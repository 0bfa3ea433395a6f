import type {z} from 'zod';
import {
	knownKeysAt,
	migrateStoryboard,
	storyboardV2Schema,
	stripUnknownKeys,
	unknownKeyMessage,
	type Storyboard,
	type StoryboardWarning,
} from '../compositions/storyboard';
import {validateTemplateOptions} from '../compositions/validate-template-options';
import {ValidationError, type IssueDetail} from './errors';

/**
 * Turns zod issues into `{path, message}` pairs with dotted paths such as `scenes.0.durationMs`.
 * zod reports unknown keys once, on their parent object (`scenes.0`, keys ["titel"]): each key
 * becomes its own issue at its full path (`scenes.0.titel`), and with the schema given the message
 * names the known key nearest to it (did you mean "title"?).
 */
export const zodIssues = (error: z.ZodError, schema?: z.ZodType): IssueDetail[] =>
	error.issues.flatMap((issue): IssueDetail[] => {
		if (issue.code === 'unrecognized_keys') {
			const known = schema ? knownKeysAt(schema, issue.path) : [];
			return issue.keys.map((key) => ({path: [...issue.path, key].map(String).join('.'), message: unknownKeyMessage(key, known)}));
		}
		return [{path: issue.path.map(String).join('.') || '(root)', message: issue.message}];
	});

/** Formats issues as lines for a terminal. */
export const formatIssues = (issues: IssueDetail[]): string => issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n');

export type ParsedStoryboard = {
	storyboard: Storyboard;
	/** For report.json: a version 1 upgrade, unknown keys ignored, options of another template. */
	warnings: StoryboardWarning[];
	/** 1 when the data was a version 1 storyboard (upgraded), null otherwise. */
	migratedFrom: 1 | null;
};

/**
 * Parses unknown data as a storyboard, version 1 upgraded to 2, or throws a ValidationError
 * naming every path. Unknown keys are errors in version 2 (`scenes.0.titel: Unknown key "titel":
 * did you mean "title"?`) unless `allowUnknownKeys`, which drops them with a warning each; in a
 * version 1 file they are always dropped with a warning. `templateOptions` are checked against
 * the chosen template's options: another template's options are warnings, bad values errors.
 */
export const parseStoryboardWithWarnings = ({
	data,
	source = 'storyboard',
	allowUnknownKeys = false,
}: {
	data: unknown;
	/** Names the input in the error message, e.g. the file path. */
	source?: string;
	allowUnknownKeys?: boolean;
}): ParsedStoryboard => {
	const migration = migrateStoryboard(data);
	const warnings: StoryboardWarning[] = [];
	if (migration.migratedFrom !== null) {
		warnings.push({
			code: 'STORYBOARD_UPGRADED',
			path: 'version',
			message: `${source} is a version ${migration.migratedFrom} storyboard: read as version 2 (its audio is kept as is; scene durations follow a new voicing).`,
		});
	}
	warnings.push(...migration.warnings);
	let input = migration.input;
	if (allowUnknownKeys && migration.migratedFrom === null) {
		const stripped = stripUnknownKeys({input, schema: storyboardV2Schema});
		input = stripped.value;
		for (const path of stripped.removed) {
			const parts = path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
			const key = String(parts.pop());
			warnings.push({
				code: 'UNKNOWN_KEY_IGNORED',
				path,
				message: `${unknownKeyMessage(key, knownKeysAt(storyboardV2Schema, parts))} Ignored (--allow-unknown-keys).`,
			});
		}
	}
	const result = storyboardV2Schema.safeParse(input);
	if (!result.success) {
		const issues = zodIssues(result.error, storyboardV2Schema);
		throw new ValidationError(`Invalid ${source}:\n${formatIssues(issues)}`, issues);
	}
	const options = validateTemplateOptions(result.data);
	if (options.issues.length > 0) {
		throw new ValidationError(`Invalid ${source}:\n${formatIssues(options.issues)}`, options.issues);
	}
	warnings.push(...options.warnings);
	return {storyboard: result.data, warnings, migratedFrom: migration.migratedFrom};
};

/** Parses unknown data as a storyboard (see parseStoryboardWithWarnings) and drops the warnings. */
export const parseStoryboard = (data: unknown, source = 'storyboard'): Storyboard => parseStoryboardWithWarnings({data, source}).storyboard;

/** Parses JSON text; a syntax error names line and column. */
export const parseJsonText = (text: string, source: string): unknown => {
	try {
		return JSON.parse(text);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const position = /position (\d+)/.exec(message);
		let where = '';
		if (position?.[1] !== undefined) {
			const offset = Number(position[1]);
			const before = text.slice(0, offset).split('\n');
			where = ` at line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1}`;
		}
		throw new ValidationError(`${source} is not valid JSON${where}: ${message}`, [{path: '(root)', message: `Malformed JSON${where}`}]);
	}
};
