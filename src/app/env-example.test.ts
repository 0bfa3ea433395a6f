import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {envSchema} from './config';
import {renderEnvExample} from './env-example';

describe('.env.example', () => {
	it('is generated from the config schema and up to date (run `npm run env-example` after changing a setting)', () => {
		const committed = readFileSync(join(__dirname, '../../.env.example'), 'utf8');
		expect(committed).toBe(renderEnvExample());
		for (const name of Object.keys(envSchema.shape)) expect(committed).toContain(`# ${name}=`);
		expect(committed).toContain('# PROMPTREEL_CONCURRENCY=1');
	});
});
