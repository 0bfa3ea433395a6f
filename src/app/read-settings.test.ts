import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {ConfigError, loadConfig, readEffectiveSettings} from './config';
import {describeSettings, formatSettings, MASK, maskSetting, SECRET_SETTINGS} from './describe-settings';
import {envSchema} from './config';

let cwd: string;
beforeEach(() => {
	cwd = mkdtempSync(join(tmpdir(), 'promptreel-settings-'));
});
afterEach(() => rmSync(cwd, {recursive: true, force: true}));

const write = (name: string, text: string) => writeFileSync(join(cwd, name), text);

describe('settings from promptreel.config.json, .env and the environment', () => {
	// Which layer sets PROMPTREEL_CONCURRENCY -> the value and source in effect.
	const table: {file?: number; dotenv?: number; env?: number; value: number; source: string}[] = [
		{value: 1, source: 'default'},
		{file: 2, value: 2, source: 'promptreel.config.json'},
		{dotenv: 3, value: 3, source: '.env'},
		{env: 4, value: 4, source: 'environment'},
		{file: 2, dotenv: 3, value: 3, source: '.env'},
		{file: 2, env: 4, value: 4, source: 'environment'},
		{dotenv: 3, env: 4, value: 4, source: 'environment'},
		{file: 2, dotenv: 3, env: 4, value: 4, source: 'environment'},
	];
	it.each(table)('file $file, .env $dotenv, environment $env -> $value from $source', (row) => {
		if (row.file !== undefined) write('promptreel.config.json', JSON.stringify({PROMPTREEL_CONCURRENCY: row.file}));
		if (row.dotenv !== undefined) write('.env', `# a comment\nPROMPTREEL_CONCURRENCY=${row.dotenv}\nOTHER_TOOL=x\n`);
		const env = row.env === undefined ? {} : {PROMPTREEL_CONCURRENCY: String(row.env)};
		const settings = readEffectiveSettings({env, cwd});
		expect(settings.sources.PROMPTREEL_CONCURRENCY).toBe(row.source);
		expect(loadConfig(settings.values).server.concurrency).toBe(row.value);
		// Variables of other tools in .env are left alone.
		expect(settings.values.OTHER_TOOL).toBeUndefined();
	});

	it('reads every kind of JSON value: strings, numbers, booleans and arrays (comma lists)', () => {
		write(
			'promptreel.config.json',
			JSON.stringify({
				$schema: './x.json',
				PROMPTREEL_API_KEYS: ['k1', 'k2'],
				PROMPTREEL_ALLOW_PRIVATE_URLS: true,
				PROMPTREEL_LOG_LEVEL: 'debug',
				PROMPTREEL_MAX_RUNNING_PER_KEY: 2,
			}),
		);
		const config = loadConfig(readEffectiveSettings({env: {}, cwd}).values);
		expect(config.server).toMatchObject({apiKeys: ['k1', 'k2'], allowPrivateUrls: true, maxRunningPerKey: 2});
		expect(config.log.level).toBe('debug');
	});

	it('an unknown key in the file is an error naming it (with a guess); an unknown PROMPTREEL_* in .env too', () => {
		write('promptreel.config.json', JSON.stringify({PROMPTREEL_CONCURENCY: 2}));
		const error = (() => {
			try {
				readEffectiveSettings({env: {}, cwd});
			} catch (e) {
				return e;
			}
		})();
		expect(error).toBeInstanceOf(ConfigError);
		expect((error as Error).message).toMatch(/Unknown setting "PROMPTREEL_CONCURENCY".*Did you mean PROMPTREEL_CONCURRENCY\?/);
		rmSync(join(cwd, 'promptreel.config.json'));
		write('.env', 'PROMPTREEL_LOGLEVEL=debug\n');
		expect(() => readEffectiveSettings({env: {}, cwd})).toThrow(/PROMPTREEL_LOGLEVEL.*Did you mean PROMPTREEL_LOG_LEVEL\?/);
	});

	it('a bad value names the variable and the file it came from; bad JSON and a missing PROMPTREEL_CONFIG are named too', () => {
		write('promptreel.config.json', JSON.stringify({PROMPTREEL_CONCURRENCY: 'two'}));
		const settings = readEffectiveSettings({env: {}, cwd});
		expect(settings.sources.PROMPTREEL_CONCURRENCY).toBe('promptreel.config.json');
		write('promptreel.config.json', '{"PORT": 1,');
		expect(() => readEffectiveSettings({env: {}, cwd})).toThrow(/promptreel\.config\.json is not readable JSON/);
		write('promptreel.config.json', JSON.stringify({PORT: {nested: 1}}));
		expect(() => readEffectiveSettings({env: {}, cwd})).toThrow(/PORT: .*use a string, a number/);
		expect(() => readEffectiveSettings({env: {PROMPTREEL_CONFIG: 'nope.json'}, cwd})).toThrow(
			/PROMPTREEL_CONFIG: "nope.json": no such file/,
		);
		write('team.json', JSON.stringify({PORT: 9000}));
		expect(loadConfig(readEffectiveSettings({env: {PROMPTREEL_CONFIG: 'team.json'}, cwd}).values).server.port).toBe(9000);
	});

	it('masks secrets and passwords in URLs; every secret-looking variable of the schema is masked', () => {
		write('.env', 'OPENAI_API_KEY=sk-very-secret\nPROMPTREEL_WEBHOOK_SECRET=whsec\n');
		write('promptreel.config.json', JSON.stringify({OPENAI_BASE_URL: 'https://user:hunter2@llm.example/v1', PROMPTREEL_CONCURRENCY: 2}));
		const rows = describeSettings(readEffectiveSettings({env: {PROMPTREEL_API_KEYS: 'a,b'}, cwd}));
		const row = (name: string) => rows.find((r) => r.name === name)!;
		expect(row('OPENAI_API_KEY')).toMatchObject({value: MASK, source: '.env', secret: true});
		expect(row('PROMPTREEL_API_KEYS')).toMatchObject({value: MASK, source: 'environment'});
		expect(row('OPENAI_BASE_URL').value).toBe(`https://user:${MASK}@llm.example/v1`);
		expect(row('PROMPTREEL_CONCURRENCY')).toMatchObject({value: '2', source: 'promptreel.config.json', default: '1'});
		const text = formatSettings(rows);
		for (const secret of ['sk-very-secret', 'whsec', 'hunter2', 'a,b']) expect(text).not.toContain(secret);
		expect(text).toMatch(/PROMPTREEL_CONCURRENCY +2 +\[promptreel\.config\.json\]/);
		expect(text).toMatch(/PROMPTREEL_LEASE_SEC +30 +\[default\]/);
		for (const name of Object.keys(envSchema.shape)) {
			if (/SECRET|TOKEN|API_KEY|LICENSE|ACCESS_KEY/.test(name)) expect(SECRET_SETTINGS.has(name), name).toBe(true);
		}
		expect(maskSetting('PORT', '8787')).toBe('8787');
	});
});
