import type {z} from 'zod';
import {storyboardSchema, type Storyboard} from '../compositions/storyboard';
import {ValidationError, type IssueDetail} from './errors';

/** Turns zod issues into `{path, message}` pairs with dotted paths such as `scenes.0.durationMs`. */
export const zodIssues = (error: z.ZodError): IssueDetail[] =>
	error.issues.map((issue) => ({
		path: issue.path.map(String).join('.') || '(root)',
		message: issue.message,
	}));

/** Formats issues as lines for a terminal. */
export const formatIssues = (issues: IssueDetail[]): string =>
	issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n');

/** Parses unknown data as a storyboard or throws a ValidationError naming every path. */
export const parseStoryboard = (data: unknown, source = 'storyboard'): Storyboard => {
	const result = storyboardSchema.safeParse(data);
	if (result.success) return result.data;
	const issues = zodIssues(result.error);
	throw new ValidationError(`Invalid ${source}:\n${formatIssues(issues)}`, issues);
};

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
		throw new ValidationError(`${source} is not valid JSON${where}: ${message}`, [
			{path: '(root)', message: `Malformed JSON${where}`},
		]);
	}
};
