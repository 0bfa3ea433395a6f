import {createHash} from 'node:crypto';

/** JSON with object keys sorted, so equal values hash equally whatever their key order. */
const canonical = (value: unknown): string => {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
};

/** Content hash of what decides a job's files: the parsed input, the options that apply, what the renderer draws with. */
export const contentHash = (parts: Record<string, unknown>): string =>
	createHash('sha256').update(canonical(parts)).digest('hex').slice(0, 32);
