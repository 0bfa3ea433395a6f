import type {z} from 'zod';

type AnyDef = {
	type: string;
	shape?: Record<string, z.ZodType>;
	element?: z.ZodType;
	options?: z.ZodType[];
	innerType?: z.ZodType;
	in?: z.ZodType;
	out?: z.ZodType;
	getter?: () => z.ZodType;
};

const defOf = (schema: z.ZodType): AnyDef => (schema as unknown as {_zod: {def: AnyDef}})._zod.def;

/** The schemas a value may be checked by once wrappers (default, nullable, pipe, lazy...) are peeled. */
const unwrap = (schema: z.ZodType, depth = 0): z.ZodType[] => {
	if (depth > 20) return [];
	const def = defOf(schema);
	switch (def.type) {
		case 'optional':
		case 'nullable':
		case 'default':
		case 'prefault':
		case 'readonly':
		case 'catch':
		case 'nonoptional':
			return def.innerType ? unwrap(def.innerType, depth + 1) : [];
		case 'pipe':
			return [def.in, def.out].filter((s): s is z.ZodType => s !== undefined).flatMap((s) => unwrap(s, depth + 1));
		case 'lazy':
			return def.getter ? unwrap(def.getter(), depth + 1) : [];
		case 'union':
			return (def.options ?? []).flatMap((o) => unwrap(o, depth + 1));
		default:
			return [schema];
	}
};

/**
 * The keys a schema allows on the object at `path` (array indices walk into the element; every
 * option of a union counts), or [] when the path leads to no object. Used to suggest the key a
 * typo meant.
 */
export const knownKeysAt = (schema: z.ZodType, path: readonly PropertyKey[]): string[] => {
	let nodes = unwrap(schema);
	for (const key of path) {
		nodes = nodes.flatMap((node) => {
			const def = defOf(node);
			if (def.type === 'array' && def.element && typeof key === 'number') return unwrap(def.element);
			if (def.type === 'object' && def.shape && typeof key === 'string' && key in def.shape) return unwrap(def.shape[key]!);
			return [];
		});
	}
	const keys = nodes.flatMap((node) => {
		const def = defOf(node);
		return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
	});
	return [...new Set(keys)];
};

/** Edit distance with adjacent transpositions counted as one edit ("titel" -> "title" is 1). */
const editDistance = (a: string, b: string): number => {
	const d: number[][] = Array.from({length: a.length + 1}, (_, i) =>
		Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
	);
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
			d[i]![j] = best;
		}
	}
	return d[a.length]![b.length]!;
};

/** The known keys closest to a typo (at most a third of its letters off), best first. */
export const nearestKeys = (key: string, known: readonly string[]): string[] => {
	const lower = key.toLowerCase();
	const limit = Math.max(1, Math.floor(key.length / 3));
	return known
		.map((k) => ({k, d: k.toLowerCase() === lower ? 0 : editDistance(lower, k.toLowerCase())}))
		.filter(({d}) => d <= limit)
		.sort((x, y) => x.d - y.d)
		.map(({k}) => k);
};

/** The message for one unknown key: the nearest known key if one is close, else the known keys. */
export const unknownKeyMessage = (key: string, known: readonly string[]): string => {
	const near = nearestKeys(key, known);
	if (near.length > 0)
		return `Unknown key "${key}": did you mean ${near
			.slice(0, 2)
			.map((k) => `"${k}"`)
			.join(' or ')}?`;
	if (known.length > 0) return `Unknown key "${key}". Known keys here: ${known.join(', ')}.`;
	return `Unknown key "${key}".`;
};
