import type {z} from 'zod';
import {knownKeysAt, storyboardV2Schema, unknownKeyMessage} from '../compositions/storyboard';
import type {IssueDetail} from '../pipeline/errors';
import {generateOptionsSchema} from '../pipeline/generate';

/** The schema of a request part a typo sits in, to suggest the key it meant. */
const schemaAt = (path: readonly PropertyKey[]): {schema: z.ZodType; rest: PropertyKey[]} | null => {
	if (path[0] === 'storyboard') return {schema: storyboardV2Schema, rest: path.slice(1)};
	if (path[0] === 'options') return {schema: generateOptionsSchema, rest: path.slice(1)};
	return null;
};

/**
 * Zod issues of a request part as `{path, message}` with dotted paths (`storyboard.scenes.0.durationMs`).
 * zod reports unknown keys once on their parent: each becomes its own issue at its full path
 * (`options.qualty: Unknown key "qualty": did you mean "quality"?`), as in the CLI and MCP.
 */
export const requestIssuesOf = (error: z.ZodError, target: string): IssueDetail[] =>
	error.issues.flatMap((issue): IssueDetail[] => {
		if (issue.code === 'unrecognized_keys') {
			const at = schemaAt(issue.path);
			const known = at ? knownKeysAt(at.schema, at.rest) : [];
			return issue.keys.map((key) => ({path: [...issue.path, key].map(String).join('.'), message: unknownKeyMessage(key, known)}));
		}
		const path = issue.path.map(String).join('.');
		return [{path: path || (target === 'json' ? '(body)' : target), message: issue.message}];
	});
