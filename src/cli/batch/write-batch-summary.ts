import {mkdir, writeFile} from 'node:fs/promises';
import {join, relative} from 'node:path';
import type {BatchView} from '../../jobs';
import {slugify} from '../../pipeline/output';
import type {BatchClient} from './batch-client';
import type {BatchLine} from './read-batch-file';

/** One row of summary.json / summary.csv and of the table printed at the end. */
export type SummaryRow = {
	line: number;
	status: string;
	videoId: string;
	/** The item's folder under --out (relative), with its files when done. */
	folder: string;
	files: string[];
	error: string | null;
};

/** What names an item's folder: its prompt, or its storyboard's title. */
const titleOf = (l: BatchLine) => ('prompt' in l.item && l.item.prompt ? l.item.prompt : (l.item.storyboard?.title ?? 'video'));

/** The folder of an item: its line number (padded, so folders sort in file order) and a slug. */
export const itemFolder = (l: BatchLine, width: number): string => `${String(l.line).padStart(width, '0')}-${slugify(titleOf(l), 40)}`;

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** A plain text table, columns padded to their widest cell. */
export const formatTable = (rows: string[][]): string => {
	const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
	return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ')).join('\n');
};

/**
 * Writes one folder per item under `out` (the files of a done item; `error.txt` for the others),
 * then summary.json and summary.csv; resolves to the rows.
 */
export const writeBatchSummary = async (o: {
	out: string;
	view: BatchView;
	lines: BatchLine[];
	client: BatchClient;
}): Promise<SummaryRow[]> => {
	await mkdir(o.out, {recursive: true});
	const width = String(Math.max(...o.lines.map((l) => l.line))).length;
	const rows: SummaryRow[] = [];
	for (const item of o.view.items) {
		const l = o.lines[item.index]!;
		const dir = join(o.out, itemFolder(l, width));
		const error = item.error ? `${item.error.code}: ${item.error.message}` : item.status === 'done' ? null : `ended ${item.status}`;
		let files: string[] = [];
		if (item.status === 'done') files = await o.client.download(item, dir);
		else {
			await mkdir(dir, {recursive: true});
			await writeFile(join(dir, 'error.txt'), `${error}\n`);
		}
		rows.push({line: l.line, status: item.status, videoId: item.id, folder: relative(o.out, dir), files, error});
	}
	await writeFile(join(o.out, 'summary.json'), `${JSON.stringify({batch: o.view.id, items: rows}, null, 2)}\n`);
	const csv = [
		['line', 'status', 'video_id', 'folder', 'error'],
		...rows.map((r) => [String(r.line), r.status, r.videoId, r.folder, r.error ?? '']),
	];
	await writeFile(join(o.out, 'summary.csv'), `${csv.map((r) => r.map(csvCell).join(',')).join('\n')}\n`);
	return rows;
};
