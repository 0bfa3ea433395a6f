import type {z} from 'zod';
import {envSchema} from './config';
import type {Settings, SettingSource} from './read-settings';

/** Settings whose values are never printed or logged, only said to be set. */
export const SECRET_SETTINGS: ReadonlySet<string> = new Set([
	'OPENAI_API_KEY',
	'PEXELS_API_KEY',
	'PROMPTREEL_API_KEYS',
	'PROMPTREEL_API_KEY',
	'PROMPTREEL_WEBHOOK_SECRET',
	'REMOTION_LICENSE_KEY',
	'REMOTION_AWS_ACCESS_KEY_ID',
	'REMOTION_AWS_SECRET_ACCESS_KEY',
	'REMOTION_AWS_SESSION_TOKEN',
	'AWS_ACCESS_KEY_ID',
	'AWS_SECRET_ACCESS_KEY',
	'AWS_SESSION_TOKEN',
]);

export const MASK = '********';

/** A value as it may be shown: secrets masked, and a password in a URL (`https://user:pass@host`) too. */
export const maskSetting = (name: string, value: string): string => {
	if (SECRET_SETTINGS.has(name)) return value === '' ? '' : MASK;
	return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/:@\s]*):[^@/\s]*@/i, `$1:${MASK}@`);
};

export type SettingRow = {
	name: string;
	/** The value in effect, masked; null when unset (the default applies). */
	value: string | null;
	source: SettingSource;
	default: string | null;
	description: string;
	secret: boolean;
};

const shape = envSchema.shape as Record<string, z.ZodType>;

/** The schema's defaults as text (null: none). */
export const settingDefaults = (): Record<string, string | null> => {
	const parsed = envSchema.parse({}) as Record<string, unknown>;
	return Object.fromEntries(
		Object.keys(shape).map((name) => {
			const v = parsed[name];
			return [name, v === undefined || v === false ? null : String(v)];
		}),
	);
};

/** Every setting with its effective value (masked), where it came from, its default and description: `promptreel config`. */
export const describeSettings = (settings: Settings): SettingRow[] => {
	const defaults = settingDefaults();
	return Object.keys(shape).map((name) => {
		const raw = settings.values[name];
		return {
			name,
			value: raw === undefined ? null : maskSetting(name, raw),
			source: settings.sources[name] ?? 'default',
			default: defaults[name] ?? null,
			description: shape[name]?.description ?? '',
			secret: SECRET_SETTINGS.has(name),
		};
	});
};

/** The rows as aligned text: `NAME  value  (source)`; unset ones show their default. */
export const formatSettings = (rows: SettingRow[], o: {all?: boolean} = {}): string => {
	const shown = o.all ? rows : rows.filter((r) => r.source !== 'default' || r.default !== null);
	const width = Math.max(...shown.map((r) => r.name.length));
	return shown
		.map((r) => {
			const value = r.value ?? r.default ?? '';
			const source = r.source === 'default' ? (r.default === null ? 'unset' : 'default') : r.source;
			return `${r.name.padEnd(width)}  ${value === '' ? '(empty)' : value}  [${source}]`;
		})
		.join('\n');
};
