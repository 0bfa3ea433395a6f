import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {appendRow} from './bench-results-file';

const dir = mkdtempSync(join(tmpdir(), 'promptreel-bench-file-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe('appendRow', () => {
	it('starts a file with its table, then adds rows under the last one, above notes written under the table', async () => {
		const file = join(dir, 'results.md');
		await appendRow(file, {date: 'd1', fps: 1});
		writeFileSync(file, `${readFileSync(file, 'utf8')}\n### A note\n\nText under the table.\n`);
		await appendRow(file, {date: 'd2', fps: 2});
		expect(readFileSync(file, 'utf8')).toBe(
			[
				'# Benchmarks',
				'',
				'Appended by `npm run bench`. Figures are ratios within one run; absolute fps are noisy on shared machines.',
				'',
				'| date | fps |',
				'|---|---|',
				'| d1 | 1 |',
				'| d2 | 2 |',
				'',
				'### A note',
				'',
				'Text under the table.',
				'',
			].join('\n'),
		);
	});

	it('starts a second table for rows with other columns', async () => {
		const file = join(dir, 'two.md');
		await appendRow(file, {a: 1});
		await appendRow(file, {b: 2});
		await appendRow(file, {a: 3});
		expect(readFileSync(file, 'utf8')).toContain('| a |\n|---|\n| 1 |\n| 3 |\n\n| b |\n|---|\n| 2 |\n');
	});
});
