import {existsSync} from 'node:fs';
import {appendFile, readFile, writeFile} from 'node:fs/promises';

/** One row of a bench results table: column name to value. */
export type BenchRow = Record<string, string | number>;

/**
 * Adds a row to the results table with the row's columns: after its last row, so that notes
 * written under the table stay below it; a new table (and file) when there is none yet.
 */
export const appendRow = async (file: string, row: BenchRow) => {
	const keys = Object.keys(row);
	const header = `| ${keys.join(' | ')} |`;
	const line = `| ${keys.map((k) => row[k]).join(' | ')} |`;
	const current = existsSync(file) ? await readFile(file, 'utf8') : '';
	const lines = current.split('\n');
	const start = lines.indexOf(header);
	if (start === -1) {
		const intro = current
			? '\n'
			: '# Benchmarks\n\nAppended by `npm run bench`. Figures are ratios within one run; absolute fps are noisy on shared machines.\n\n';
		await appendFile(file, `${intro}${header}\n|${keys.map(() => '---').join('|')}|\n${line}\n`);
		return;
	}
	let end = start + 1;
	while (end < lines.length && lines[end]!.startsWith('|')) end++;
	lines.splice(end, 0, line);
	await writeFile(file, lines.join('\n'));
};
