import {existsSync, readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {parse as parseDotenv} from 'dotenv';
import {ConfigError} from './config-error';

/** Where a setting's value came from, lowest precedence last: the environment wins over .env, .env over the file. */
export type SettingSource = 'environment' | '.env' | 'promptreel.config.json' | 'default';

export type Settings = {
	/** Every set variable of the schema, as strings (what loadConfig parses). */
	values: Record<string, string>;
	/** The source of each variable of the schema (`default` when none set it). */
	sources: Record<string, SettingSource>;
	/** The files read, as absolute paths (null: none there). */
	files: {config: string | null; dotenv: string | null};
};

export const CONFIG_FILE_NAME = 'promptreel.config.json';

/** The known name closest to a wrong one (edit distance <= 3), for "did you mean". */
const closest = (name: string, names: Iterable<string>): string | null => {
	let best: string | null = null;
	let bestDistance = 4;
	for (const candidate of names) {
		const a = name.toUpperCase();
		const row = Array.from({length: candidate.length + 1}, (_, j) => j);
		for (let i = 1; i <= a.length; i++) {
			let previous = row[0]!;
			row[0] = i;
			for (let j = 1; j <= candidate.length; j++) {
				const keep = row[j]!;
				row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === candidate[j - 1] ? 0 : 1));
				previous = keep;
			}
		}
		if (row[candidate.length]! < bestDistance) {
			bestDistance = row[candidate.length]!;
			best = candidate;
		}
	}
	return best;
};

const unknownKey = (key: string, where: string, names: Set<string>): {path: string; message: string} => {
	const guess = closest(key, names);
	return {
		path: key,
		message: `Unknown setting "${key}" in ${where}.${guess ? ` Did you mean ${guess}?` : ''} \`promptreel config\` lists every setting.`,
	};
};

/** The settings file: a JSON object of variable names to strings, numbers, booleans or (comma lists) arrays of strings. */
const readConfigFile = (file: string, names: Set<string>): Record<string, string> => {
	let parsed: unknown;
	try {
		parsed = JSON.parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new ConfigError([
			{path: CONFIG_FILE_NAME, message: `${file} is not readable JSON: ${error instanceof Error ? error.message : String(error)}`},
		]);
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new ConfigError([
			{path: CONFIG_FILE_NAME, message: `${file} must hold one JSON object of settings, e.g. {"PROMPTREEL_CONCURRENCY": 2}.`},
		]);
	}
	const issues: {path: string; message: string}[] = [];
	const values: Record<string, string> = {};
	for (const [key, value] of Object.entries(parsed)) {
		if (key === '$schema') continue;
		if (!names.has(key) || key === 'PROMPTREEL_CONFIG') {
			issues.push(
				key === 'PROMPTREEL_CONFIG'
					? {path: key, message: 'PROMPTREEL_CONFIG names the file: set it in the environment.'}
					: unknownKey(key, file, names),
			);
		} else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
			values[key] = String(value);
		} else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
			values[key] = value.join(',');
		} else if (value !== null) {
			issues.push({
				path: key,
				message: `${JSON.stringify(value).slice(0, 60)} in ${file}: use a string, a number, true/false or an array of strings.`,
			});
		}
	}
	if (issues.length > 0) throw new ConfigError(issues);
	return values;
};

/** A .env file: KEY=value lines (dotenv syntax). Other tools' variables are left alone; an unknown PROMPTREEL_* is a typo. */
const readDotenv = (file: string, names: Set<string>): Record<string, string> => {
	const values: Record<string, string> = {};
	const issues: {path: string; message: string}[] = [];
	for (const [key, value] of Object.entries(parseDotenv(readFileSync(file)))) {
		if (names.has(key)) values[key] = value;
		else if (key.startsWith('PROMPTREEL_')) issues.push(unknownKey(key, file, names));
	}
	if (issues.length > 0) throw new ConfigError(issues);
	return values;
};

/**
 * Gathers the settings named `names` (the config schema's variables) from `promptreel.config.json` (or the file
 * PROMPTREEL_CONFIG names), `.env` in the working directory, and the environment, the
 * environment winning (README.md, "Running it for a team"). Nothing is written to process.env.
 */
export const readSettings = (o: {names: readonly string[]; env?: NodeJS.ProcessEnv; cwd?: string}): Settings => {
	const names = new Set(o.names);
	const env = o.env ?? process.env;
	const cwd = o.cwd ?? process.cwd();
	const named = env.PROMPTREEL_CONFIG?.trim();
	const configPath = named ? resolve(cwd, named) : join(cwd, CONFIG_FILE_NAME);
	if (named && !existsSync(configPath)) {
		throw new ConfigError([
			{path: 'PROMPTREEL_CONFIG', message: `${JSON.stringify(named)}: no such file. Point it at a ${CONFIG_FILE_NAME}.`},
		]);
	}
	const dotenvPath = join(cwd, '.env');
	const layers: [SettingSource, Record<string, string>][] = [
		['promptreel.config.json', existsSync(configPath) ? readConfigFile(configPath, names) : {}],
		['.env', existsSync(dotenvPath) ? readDotenv(dotenvPath, names) : {}],
		['environment', Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => names.has(e[0]) && e[1] !== undefined))],
	];
	const values: Record<string, string> = {};
	const sources: Record<string, SettingSource> = Object.fromEntries([...names].map((k) => [k, 'default' as const]));
	for (const [source, layer] of layers) {
		for (const [key, value] of Object.entries(layer)) {
			values[key] = value;
			sources[key] = source;
		}
	}
	return {
		values,
		sources,
		files: {config: existsSync(configPath) ? configPath : null, dotenv: existsSync(dotenvPath) ? dotenvPath : null},
	};
};
