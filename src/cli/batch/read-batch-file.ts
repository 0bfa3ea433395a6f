import {readFile} from 'node:fs/promises';
import {extname} from 'node:path';
import {parse} from 'csv-parse/sync';
import {validateTemplateOptions} from '../../compositions/validate-template-options';
import {batchItemSchema, type BatchItem} from '../../jobs';
import {PromptreelError} from '../../pipeline/errors';
import {generateOptionsSchema} from '../../pipeline/generate';
import {requestIssuesOf} from '../../server/request-issues';

/** One line of a batch file, checked: its 1-based line number and the item it asks for. */
export type BatchLine = {line: number; item: BatchItem};
/** A bad line: its number, the field (zod path, `(line)` for the whole line) and what to fix. */
export type LineIssue = {line: number; path: string; message: string};

export type BatchFileFormat = 'txt' | 'jsonl' | 'csv';

const FORMATS: Record<string, BatchFileFormat> = {'.txt': 'txt', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv'};
const OPTION_NAMES = Object.keys(generateOptionsSchema.shape).filter((k) => k !== 'templateOptions');

type RawLine = {line: number; value: unknown} | {line: number; issue: string};

/** Non-blank lines that are not `#` comments, with their numbers. */
const textLines = (text: string) =>
	text
		.split(/\r?\n/)
		.map((content, i) => ({line: i + 1, content: content.trim()}))
		.filter((l) => l.content !== '' && !l.content.startsWith('#'));

const jsonLines = (text: string): RawLine[] =>
	textLines(text).map(({line, content}) => {
		try {
			return {line, value: JSON.parse(content) as unknown};
		} catch (error) {
			return {line, issue: `Not JSON (${(error as Error).message}): write one object per line, e.g. {"prompt": "..."}.`};
		}
	});

/** A CSV cell as the value its option takes: the text if the option accepts text, else the JSON it spells (a number, true, null). */
const cellValue = (accepts: (v: unknown) => boolean, raw: string): unknown => {
	if (accepts(raw)) return raw;
	try {
		return JSON.parse(raw) as unknown;
	} catch {
		return raw;
	}
};

const csvLines = (text: string, defaults: Record<string, unknown>): {rows: RawLine[]; header: LineIssue[]} => {
	const records = parse(text, {columns: true, skip_empty_lines: true, info: true, trim: true, bom: true}) as {
		record: Record<string, string>;
		info: {lines: number};
	}[];
	const columns = records[0] ? Object.keys(records[0].record) : [];
	const header: LineIssue[] = columns
		.filter((c) => c !== 'prompt' && !OPTION_NAMES.includes(c) && !/^templateOptions\.[^.]+$/.test(c))
		.map((c) => ({
			line: 1,
			path: c,
			message: `Unknown column "${c}": use prompt, an option (${OPTION_NAMES.join(', ')}) or templateOptions.<name>.`,
		}));
	if (records.length > 0 && !columns.includes('prompt'))
		header.push({line: 1, path: 'prompt', message: 'No "prompt" column: name the column of the prompts "prompt".'});
	const rows = records.map(({record, info}): RawLine => {
		const options: Record<string, unknown> = {};
		const templateOptions: Record<string, unknown> = {};
		const template = record.template || String(defaults.template ?? 'explainer');
		for (const [column, raw] of Object.entries(record)) {
			if (column === 'prompt' || raw === '') continue;
			const name = column.replace(/^templateOptions\./, '');
			if (name !== column) {
				templateOptions[name] = cellValue(
					(v) => validateTemplateOptions({template, templateOptions: {[name]: v}}).issues.length === 0,
					raw,
				);
			} else if (OPTION_NAMES.includes(name)) {
				const field = generateOptionsSchema.shape[name as keyof typeof generateOptionsSchema.shape];
				options[name] = cellValue((v) => field.safeParse(v).success, raw);
			}
		}
		if (Object.keys(templateOptions).length > 0) options.templateOptions = templateOptions;
		return {line: info.lines, value: {prompt: record.prompt ?? '', options}};
	});
	return {rows, header};
};

/**
 * Reads a batch file (README "Batches"): `.txt` one prompt a line, `.jsonl` one batch item a line
 * (`{"prompt"|"storyboard", "options"}`), `.csv` a `prompt` column, option columns by their names
 * and `templateOptions.<name>` columns. `defaults` (the command's flags) go under each line's own
 * options. Every line is checked with the batch item schema, and every issue of every line is
 * returned, so a file is fixed in one go.
 */
export const readBatchFile = async (o: {
	file: string;
	defaults: Record<string, unknown>;
}): Promise<{format: BatchFileFormat; lines: BatchLine[]; issues: LineIssue[]}> => {
	const format = FORMATS[extname(o.file).toLowerCase()];
	if (!format)
		throw new PromptreelError(
			'INVALID_OPTION',
			`Cannot tell the format of "${o.file}": name it .txt (a prompt a line), .jsonl (an item a line) or .csv (a prompt column).`,
		);
	const text = await readFile(o.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
		throw new PromptreelError('FILE_NOT_FOUND', `Cannot read the batch file ${o.file}: ${error.code ?? error.message}.`);
	});
	const issues: LineIssue[] = [];
	let raw: RawLine[];
	if (format === 'txt') raw = textLines(text).map(({line, content}) => ({line, value: {prompt: content}}));
	else if (format === 'jsonl') raw = jsonLines(text);
	else {
		const csv = csvLines(text, o.defaults);
		raw = csv.rows;
		issues.push(...csv.header);
	}
	const lines: BatchLine[] = [];
	for (const r of raw) {
		if ('issue' in r) {
			issues.push({line: r.line, path: '(line)', message: r.issue});
			continue;
		}
		const value = r.value as Record<string, unknown> | null;
		const withDefaults =
			typeof value === 'object' && value !== null && !Array.isArray(value)
				? {...value, options: {...o.defaults, ...(value.options as Record<string, unknown> | undefined)}}
				: value;
		const parsed = batchItemSchema.safeParse(withDefaults);
		if (parsed.success) lines.push({line: r.line, item: parsed.data});
		else for (const i of requestIssuesOf(parsed.error, 'line')) issues.push({line: r.line, path: i.path, message: i.message});
	}
	if (raw.length === 0 && issues.length === 0) issues.push({line: 1, path: '(file)', message: 'The file holds no items.'});
	return {format, lines, issues};
};
