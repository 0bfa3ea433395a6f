import type {z} from 'zod';

export type StrippedKeys<T> = {
	/** A copy of the input without the keys the schema does not know. */
	value: T;
	/** Full dotted path of every removed key, e.g. "scenes.0.titel". */
	removed: string[];
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const at = (root: unknown, path: readonly PropertyKey[]): unknown =>
	path.reduce<unknown>(
		(node, key) => (isRecord(node) || Array.isArray(node) ? (node as Record<PropertyKey, unknown>)[key] : undefined),
		root,
	);

/**
 * Removes every key a strict schema reports as unrecognized, wherever it sits, and says which.
 * The schema itself finds them (zod reports `unrecognized_keys` on the parent object with the key
 * names), so the rule stays the schema's: no second list of known keys to keep in step.
 * The input is not changed.
 */
export const stripUnknownKeys = <T>({input, schema}: {input: T; schema: z.ZodType}): StrippedKeys<T> => {
	const value = structuredClone(input);
	const removed: string[] = [];
	// A few passes: a key removed inside a union option can let another option's keys be reported.
	for (let pass = 0; pass < 4; pass++) {
		const result = schema.safeParse(value);
		if (result.success) break;
		let changed = false;
		for (const issue of result.error.issues) {
			if (issue.code !== 'unrecognized_keys') continue;
			const parent = at(value, issue.path);
			if (!isRecord(parent)) continue;
			for (const key of issue.keys) {
				if (!(key in parent)) continue;
				delete parent[key];
				removed.push([...issue.path, key].map(String).join('.'));
				changed = true;
			}
		}
		if (!changed) break;
	}
	// zod reports nested objects before their parents: sort so reports read top to bottom.
	return {value, removed: removed.sort((a, b) => a.localeCompare(b, 'en', {numeric: true}))};
};
