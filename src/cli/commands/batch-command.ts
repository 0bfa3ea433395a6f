import {appendFileSync, mkdirSync} from 'node:fs';
import {basename, extname, join, resolve} from 'node:path';
import {createRenderer, loadConfig, providersFromConfig} from '../../app';
import {openJobsRuntime, type BatchView, type JobsRuntime} from '../../jobs';
import {PromptreelError, ValidationError} from '../../pipeline/errors';
import {httpBatchClient, serviceBatchClient, type BatchClient} from '../batch/batch-client';
import {createBatchProgress} from '../batch/batch-progress';
import {readBatchFile, type BatchLine, type LineIssue} from '../batch/read-batch-file';
import {formatTable, writeBatchSummary} from '../batch/write-batch-summary';
import {EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK} from '../exit-codes';

export type BatchFlags = {
	out?: string;
	server?: string;
	dataDir?: string;
	template?: string;
	aspect?: string;
	voice?: string;
	quality?: string;
	pollMs?: string;
};

const say = (text: string) => process.stderr.write(`${text}\n`);

/** Every bad line, one a line: `line 3: options.durationSec: Too big ...`. */
const reportIssues = (file: string, issues: LineIssue[]): number => {
	const sorted = [...issues].sort((a, b) => a.line - b.line);
	say(`${file}: ${sorted.length} problem(s); nothing was submitted. Fix these lines and run again:`);
	for (const i of sorted) say(`  line ${i.line}: ${i.path}: ${i.message}`);
	return EXIT_BAD_INPUT;
};

/** The server's issues of items (`items.<n>.<path>`) as issues of the file's lines. */
const lineIssuesOf = (error: ValidationError, lines: BatchLine[]): LineIssue[] =>
	error.issues.map((i) => {
		const m = /^items\.(\d+)\.?(.*)$/.exec(i.path);
		const line = m ? lines[Number(m[1])] : undefined;
		return line ? {line: line.line, path: m![2] || '(line)', message: i.message} : {line: 0, path: i.path, message: i.message};
	});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Follows the batch until it is done, showing its progress. */
const follow = async (client: BatchClient, first: BatchView, lines: BatchLine[], pollMs: number): Promise<BatchView> => {
	const progress = createBatchProgress({stream: process.stderr, lineOf: (i) => lines[i]?.line ?? i});
	let view = first;
	progress.update(view);
	while (view.status !== 'done') {
		await sleep(pollMs);
		view = await client.get(view.id);
		progress.update(view);
	}
	progress.end();
	return view;
};

/** The jobs runtime of the data dir, as `promptreel mcp` opens it; its logs go to `logFile`. */
const openLocalRuntime = (dataDir: string | undefined, logFile: string): JobsRuntime => {
	const config = loadConfig();
	const dir = dataDir ? resolve(dataDir) : config.dataDir;
	const log = (message: string) => appendFileSync(logFile, `${new Date().toISOString()} ${message}\n`);
	const providers = providersFromConfig({...config, dataDir: dir});
	return openJobsRuntime({renderer: createRenderer({config, dataDir: dir}), dataDir: dir, server: config.server, providers, log});
};

/**
 * `promptreel batch <file>`: every line of a .txt, .jsonl or .csv file is a video (README
 * "Batches"). All lines are checked first and every bad one reported at once; then the batch is
 * submitted to the jobs service of the data dir (in this process) or to `--server`, followed
 * until every item ended, and written under `--out`: a folder per item, summary.json and
 * summary.csv. Exit 1 when an item failed, 2 for bad lines.
 */
export const batchCommand = async (file: string, flags: BatchFlags): Promise<number> => {
	const defaults = Object.fromEntries(
		Object.entries({template: flags.template, aspect: flags.aspect, voice: flags.voice, quality: flags.quality}).filter(
			([, v]) => v !== undefined,
		),
	);
	const {lines, issues} = await readBatchFile({file, defaults});
	if (issues.length > 0) return reportIssues(file, issues);
	const out = resolve(flags.out ?? join('out', basename(file, extname(file))));
	mkdirSync(out, {recursive: true});

	let runtime: JobsRuntime | null = null;
	try {
		let client: BatchClient;
		if (flags.server) {
			client = httpBatchClient({server: flags.server, apiKey: loadConfig().clientApiKey});
		} else {
			runtime = openLocalRuntime(flags.dataDir, join(out, 'batch.log'));
			runtime.start();
			client = serviceBatchClient(runtime.service);
		}
		let first: BatchView;
		try {
			first = await client.create({items: lines.map((l) => l.item)});
		} catch (error) {
			if (error instanceof ValidationError) return reportIssues(file, lineIssuesOf(error, lines));
			throw error;
		}
		say(`Batch ${first.id}: ${first.total} item(s) submitted to ${flags.server ?? 'this process (data dir jobs)'}; writing to ${out}`);
		const view = await follow(client, first, lines, Number(flags.pollMs ?? 500));
		const rows = await writeBatchSummary({out, view, lines, client});
		const table = [
			['line', 'status', 'video', 'folder', 'error'],
			...rows.map((r) => [String(r.line), r.status, r.videoId, r.folder, r.error ?? '']),
		];
		process.stdout.write(`${formatTable(table)}\n`);
		const failed = rows.filter((r) => r.status !== 'done');
		say(`${rows.length - failed.length}/${rows.length} done; summary in ${join(out, 'summary.json')} and summary.csv.`);
		if (failed.length === 0) return EXIT_OK;
		say(`Not done: ${failed.map((r) => `line ${r.line} (${r.error})`).join('; ')}`);
		return EXIT_FAILURE;
	} catch (error) {
		say(`promptreel batch: ${error instanceof Error ? error.message : String(error)}`);
		return error instanceof PromptreelError && error.badInput ? EXIT_BAD_INPUT : EXIT_FAILURE;
	} finally {
		await runtime?.close({graceMs: 0}).catch(() => undefined);
	}
};
