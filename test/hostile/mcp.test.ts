import {spawn, type ChildProcess} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {shareTestBundle} from '../support/server-harness';
import {CLI} from '../support/test-env';
import {printFigures} from './hostile-harness';

// Issue 13, item 9: `promptreel mcp` over stdio, spoken to line by line (no SDK client, which
// would refuse to send these): bad arguments and missing resources get proper answers, and an
// oversized or too deep line is answered without closing the session.
const dataDir = mkdtempSync(join(tmpdir(), 'promptreel-hostile-mcp-'));
let child: ChildProcess;
let exited: Promise<number | null>;
const answers = new Map<number | string | null, any>();
const nullAnswers: any[] = [];
let waiters: (() => void)[] = [];
beforeAll(() => {
	shareTestBundle(dataDir);
	child = spawn(process.execPath, [CLI, 'mcp'], {
		env: {...process.env, PROMPTREEL_DATA_DIR: dataDir, PROMPTREEL_CONCURRENCY: '0'},
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
	let buffer = '';
	child.stdout!.setEncoding('utf8').on('data', (d: string) => {
		buffer += d;
		let nl: number;
		while ((nl = buffer.indexOf('\n')) >= 0) {
			const message = JSON.parse(buffer.slice(0, nl)) as {id?: number | null};
			buffer = buffer.slice(nl + 1);
			if (message.id === null || message.id === undefined) nullAnswers.push(message);
			else answers.set(message.id, message);
			for (const w of waiters) w();
			waiters = [];
		}
	});
	child.stderr!.resume();
});
afterAll(async () => {
	child?.kill('SIGKILL');
	rmSync(dataDir, {recursive: true, force: true});
});

const send = (line: string) =>
	new Promise<void>((resolve) => (child.stdin!.write(`${line}\n`) ? resolve() : child.stdin!.once('drain', () => resolve())));
const answerTo = async (id: number): Promise<any> => {
	const end = Date.now() + 60_000;
	while (!answers.has(id)) {
		if (Date.now() > end) throw new Error(`no answer to ${id}`);
		await new Promise<void>((resolve) => {
			waiters.push(resolve);
			setTimeout(resolve, 500);
		});
	}
	return answers.get(id);
};
const call = async (id: number, method: string, params: unknown) => {
	await send(JSON.stringify({jsonrpc: '2.0', id, method, params}));
	return answerTo(id);
};
const text = (a: any): string => (a.result?.content ?? []).map((c: {text?: string}) => c.text ?? '').join('\n');

describe('hostile input: MCP over stdio', () => {
	it('answers bad arguments, missing resources, oversized and deep lines, and keeps serving', async () => {
		const init = await call(1, 'initialize', {
			protocolVersion: '2025-06-18',
			capabilities: {},
			clientInfo: {name: 'hostile', version: '1'},
		});
		expect(init.result.serverInfo.name).toBe('promptreel');
		await send(JSON.stringify({jsonrpc: '2.0', method: 'notifications/initialized'}));

		const nullArgs = await call(2, 'tools/call', {name: 'get_video', arguments: null});
		expect(nullArgs.result.isError).toBe(true);
		expect(text(nullArgs)).toMatch(/^INVALID_INPUT: .*arguments must be an object \(got null\)/);
		const stringArgs = await call(3, 'tools/call', {name: 'create_video', arguments: 'x'});
		expect(text(stringArgs)).toMatch(/arguments must be an object \(got string\)/);
		const unknown = await call(4, 'tools/call', {
			name: 'create_video',
			arguments: {prompt: 'Volcanoes.', bogus: 1, options: {colour: 'red'}},
		});
		expect(unknown.result.isError).toBe(true);
		expect(text(unknown)).toMatch(/Unknown argument "bogus"[\s\S]*- options\.colour: Unknown option "colour"/);
		let metadata: unknown = {};
		for (let i = 0; i < 30; i++) metadata = {deeper: metadata};
		const deepMeta = await call(5, 'tools/call', {
			name: 'create_video',
			arguments: {prompt: 'Volcanoes.', webhook: {url: 'https://example.com/h', metadata}},
		});
		expect(deepMeta.result.isError).toBe(true);
		expect(text(deepMeta)).toMatch(/^INVALID_INPUT: [\s\S]*- webhook\.metadata: Nests more than 16 levels deep/);

		const missing = await call(6, 'resources/read', {uri: 'promptreel://videos/vid_000000000000000000000000/video.mp4'});
		expect(missing.error).toMatchObject({code: -32002, message: expect.stringMatching(/No video job "vid_000000000000000000000000"/)});

		// 9 MB in one line: more than the SDK's 10 MB buffer would take with the next chunk.
		await send(`{"jsonrpc":"2.0","id":7,"method":"ping","params":{"pad":"${'a'.repeat(9 * 1024 * 1024)}"}}`);
		expect((await answerTo(7)).error).toMatchObject({code: -32600, message: expect.stringMatching(/Request too large/)});
		await send(`{"jsonrpc":"2.0","id":8,"method":"ping","params":{"x":${'['.repeat(5000)}${']'.repeat(5000)}}}`);
		expect((await answerTo(8)).error).toMatchObject({code: -32600, message: expect.stringMatching(/more than 64 levels deep/)});

		const alive = await call(9, 'ping', {});
		expect(alive.result).toEqual({});
		child.stdin!.end();
		const code = await exited;
		printFigures('mcp stdio', {
			badArgumentAnswers: 4,
			missingResourceCode: missing.error.code,
			oversizedLineCode: answers.get(7).error.code,
			deepLineCode: answers.get(8).error.code,
			aliveAfter: true,
			exitCode: code,
		});
		expect(code).toBe(0);
	}, 120_000);
});
