import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {runCli} from '../../../test/support/run-cli';

// The built `promptreel` in a working directory with a settings file and a .env, as a user runs it.
const cwd = mkdtempSync(join(tmpdir(), 'promptreel-config-cli-'));
afterAll(() => rmSync(cwd, {recursive: true, force: true}));

describe('promptreel config', () => {
	it('prints each setting in effect with its source (environment > .env > promptreel.config.json > default), secrets masked', async () => {
		writeFileSync(
			join(cwd, 'promptreel.config.json'),
			JSON.stringify({PROMPTREEL_CONCURRENCY: 2, PORT: 9001, OPENAI_API_KEY: 'sk-from-the-file', PROMPTREEL_LOG_LEVEL: 'error'}),
		);
		writeFileSync(join(cwd, '.env'), 'PORT=9002\nPROMPTREEL_LOG_LEVEL=debug\n');
		const env = {PROMPTREEL_LOG_LEVEL: 'warn', PROMPTREEL_WEBHOOK_SECRET: 'whsec-from-env'};
		const json = await runCli(['config', '--json'], {cwd, env, timeoutMs: 30_000});
		expect(json.status, json.stderr).toBe(0);
		const rows = (JSON.parse(json.stdout) as {settings: {name: string; value: string | null; source: string}[]}).settings;
		const row = (name: string) => rows.find((r) => r.name === name);
		expect(row('PROMPTREEL_CONCURRENCY')).toMatchObject({value: '2', source: 'promptreel.config.json'});
		expect(row('PORT')).toMatchObject({value: '9002', source: '.env'});
		expect(row('PROMPTREEL_LOG_LEVEL')).toMatchObject({value: 'warn', source: 'environment'});
		expect(row('OPENAI_API_KEY')).toMatchObject({value: '********', source: 'promptreel.config.json'});
		expect(row('PROMPTREEL_LEASE_SEC')).toMatchObject({value: null, source: 'default'});

		const text = await runCli(['config'], {cwd, env, timeoutMs: 30_000});
		expect(text.status).toBe(0);
		expect(text.stdout).toContain(`settings file: ${join(cwd, 'promptreel.config.json')}`);
		expect(text.stdout).toMatch(/PORT +9002 +\[\.env\]/);
		expect(text.stdout).toMatch(/PROMPTREEL_WEBHOOK_SECRET +\*{8} +\[environment\]/);
		for (const out of [json.stdout, text.stdout]) expect(out).not.toMatch(/sk-from-the-file|whsec-from-env/);
	});

	it('an unknown key in the file, or a bad value from it, stops config and serve with exit 2 naming it', async () => {
		writeFileSync(join(cwd, 'promptreel.config.json'), JSON.stringify({PROMPTREEL_MAX_RUNING_PER_KEY: 2}));
		const unknown = await runCli(['config'], {cwd, timeoutMs: 30_000});
		expect(unknown.status).toBe(2);
		expect(unknown.stderr).toMatch(/Unknown setting "PROMPTREEL_MAX_RUNING_PER_KEY".*Did you mean PROMPTREEL_MAX_RUNNING_PER_KEY\?/);

		writeFileSync(join(cwd, 'promptreel.config.json'), JSON.stringify({PROMPTREEL_CONCURRENCY: 'two'}));
		const serve = await runCli(['serve', '--port', '0'], {cwd, timeoutMs: 30_000});
		expect(serve.status).toBe(2);
		expect(serve.stderr).toMatch(/PROMPTREEL_CONCURRENCY \(from promptreel\.config\.json\): "two" is not valid/);
	});
});
