import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Client} from '@modelcontextprotocol/sdk/client/index.js';
import {StdioClientTransport} from '@modelcontextprotocol/sdk/client/stdio.js';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {loadConfig} from '../src/app/config';
import {runReportSchema, type RunReport} from '../src/pipeline/output';
import {createLocalRenderer} from '../src/pipeline/render';
import {startServer, type RunningServer} from '../src/server/start-server';
import {probe} from './support/ffprobe';
import {textOf} from './support/mcp-checks';
import {runCli} from './support/run-cli';
import {http, shareTestBundle, waitForJob} from './support/server-harness';
import {CLI} from './support/test-env';

// The plan -> edit -> render loop of issue 12 (README.md, "Plan, edit, render"), through the CLI
// child process, over HTTP and over MCP. Each surface works on a fresh data dir (the render bundle
// shared) so "from the voice cache" is this test's own doing. Renders are draft (360p), 3 scenes, at
// 10 fps: the loop is about what gets voiced, and every frame costs CI time.

const PROMPT = '2 tips for calm: 1. Breathe slowly. 2. Walk outside.';
const FPS = 10;
/** The edited narration of scene 2: a number nobody voiced before, so it cannot come from a cache. */
const editedText = () => `Walk outside for ${10 + Math.floor(Math.random() * 89)} minutes.`;

const work = mkdtempSync(join(tmpdir(), 'promptreel-loop-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

const freshDataDir = (name: string) => {
	const dir = join(work, name);
	mkdirSync(dir, {recursive: true});
	shareTestBundle(dir);
	return dir;
};

const readJson = <T = any>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const lastEvent = (stdout: string) => JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, any>;

describe('plan -> render -> edit scene 2 -> render, in the CLI', () => {
	const dataDir = freshDataDir('cli-data');
	const cwd = join(work, 'cli');
	mkdirSync(cwd, {recursive: true});
	const cli = (args: string[], env: Record<string, string> = {}) =>
		runCli(args, {cwd, env: {PROMPTREEL_DATA_DIR: dataDir, ...env}, timeoutMs: 600_000});

	it('renders an edited storyboard in its folder, voicing only the edited scene', async () => {
		const plan = await cli(['plan', PROMPT, '--fps', String(FPS), '--json']);
		expect(plan.status, plan.stderr).toBe(0);
		const outDir = lastEvent(plan.stdout).outDir as string;
		const file = join(outDir, 'storyboard.json');
		const planned = readJson(file);
		expect(planned.scenes.length).toBe(3);
		expect(planned.format.fps).toBe(FPS);
		// No --template: the outline chose the listicle, and report.json says why; its items are numbered.
		expect(planned.template).toBe('listicle');
		expect(readJson(join(outDir, 'report.json')).template).toEqual({
			id: 'listicle',
			chosenBy: 'prompt',
			reason: 'the prompt is a list of 2 items',
		});
		expect(planned.scenes.map((s: {itemNumber: number | null}) => s.itemNumber)).toEqual([null, 1, 2]);
		// plan wrote its music choice, with the file beside the storyboard.
		expect(planned.music.src).toMatch(/^music\/[a-z-]+\.mp3$/);
		expect(existsSync(join(outDir, planned.music.src))).toBe(true);

		const validate = await cli(['validate', file, '--quality', 'draft']);
		expect(validate.status, validate.stderr).toBe(0);
		expect(validate.stdout).toContain('A render would voice: scene-1, scene-2, scene-3');
		expect(validate.stdout).toMatch(
			/Render at draft: 640x360, \d+ frames, about \d+ s \([\d.]+ fps: explainer at [\d.]+ fps for \d+x\d+ in bench\/results\.md/,
		);

		const first = await cli(['render', file, '--quality', 'draft', '--json']);
		expect(first.status, first.stderr).toBe(0);
		// Into the plan's own folder, not out/<slug>-2.
		expect(lastEvent(first.stdout)).toMatchObject({type: 'done', outDir, voiced: ['scene-1', 'scene-2', 'scene-3'], reused: []});
		expect(readdirSync(join(cwd, 'out'))).toEqual([outDir.split('/').pop()]);
		expect(probe(join(outDir, 'video.mp4')).audio).not.toBeNull();
		const completed = readJson(file);
		expect(completed.scenes.map((s: any) => s.narration.audio)).toEqual([
			'media/narration-scene-1.mp3',
			'media/narration-scene-2.mp3',
			'media/narration-scene-3.mp3',
		]);

		const text = editedText();
		completed.scenes[1].narration.text = text;
		writeFileSync(file, JSON.stringify(completed, null, 2));
		const second = await cli(['render', file, '--quality', 'draft', '--json']);
		expect(second.status, second.stderr).toBe(0);
		expect(lastEvent(second.stdout)).toMatchObject({outDir, voiced: ['scene-2'], reused: ['scene-1', 'scene-3']});
		const report = runReportSchema.parse(readJson(join(outDir, 'report.json')));
		expect(report.completion!.scenes.map((s) => [s.id, s.narration, s.voiceCacheHit])).toEqual([
			['scene-1', 'reused', null],
			['scene-2', 'voiced', false],
			['scene-3', 'reused', null],
		]);
		const p = probe(join(outDir, 'video.mp4'));
		expect(p.audio).not.toBeNull();
		expect(p.video.height).toBe(360);
		expect(readFileSync(join(outDir, 'captions.srt'), 'utf8')).toContain(text.split(' ').slice(0, 3).join(' '));
		expect(readJson(file).scenes[1].narration).toMatchObject({text, voicedText: text});
	}, 400_000);

	it('unknown keys: exit 2 naming each full path, unless --allow-unknown-keys', async () => {
		const sb = {
			title: 'Typos',
			colour: '#ff0000',
			scenes: [{id: 'a', titel: 'Hi', narration: {text: 'Hi.'}, visual: {kind: 'procedural', icon: null}, durationMs: 2000}],
		};
		const file = join(cwd, 'typos.json');
		writeFileSync(file, JSON.stringify(sb));
		const refused = await cli(['render', file, '--json']);
		expect(refused.status).toBe(2);
		const event = lastEvent(refused.stdout);
		expect(event).toMatchObject({type: 'error', code: 'INVALID_INPUT'});
		expect(event.issues).toHaveLength(2);
		expect(event.issues).toEqual(
			expect.arrayContaining([
				{path: 'colour', message: expect.stringMatching(/Unknown key "colour"/)},
				{path: 'scenes.0.titel', message: expect.stringMatching(/Unknown key "titel": did you mean "title"\?/)},
			]),
		);
		expect(existsSync(join(cwd, 'out', 'typos'))).toBe(false);
		const allowed = await cli(['validate', file, '--allow-unknown-keys', '--json']);
		expect(allowed.status, allowed.stderr).toBe(0);
		expect(
			lastEvent(allowed.stdout)
				.warnings.map((w: any) => `${w.code} ${w.path}`)
				.sort(),
		).toEqual(['UNKNOWN_KEY_IGNORED colour', 'UNKNOWN_KEY_IGNORED scenes.0.titel']);
	});

	it('refuses a bad --music, --media or --voiceover before any work', async () => {
		for (const [flag, value, code] of [
			['--music', 'kazoo', 'UNKNOWN_MUSIC'],
			['--media', join(work, 'no-such-folder'), 'MEDIA_DIR_INVALID'],
			['--voiceover', join(work, 'no-such.wav'), 'INVALID_VOICEOVER'],
		] as const) {
			const r = await cli(['generate', PROMPT, flag, value, '--json']);
			expect(r.status, flag).toBe(2);
			expect(lastEvent(r.stdout), flag).toMatchObject({type: 'error', code, message: expect.stringContaining(value)});
			// Refused before planning: no progress event, no folder.
			expect(r.stdout, flag).not.toContain('"progress"');
		}
		expect(readdirSync(join(cwd, 'out')).length).toBe(1);
	});

	it('a bad environment variable: exit 2 naming variable, value and fix; a JSON event under --json; no stack trace', async () => {
		for (const args of [
			['render', 'x.json', '--json'],
			['plan', PROMPT, '--json'],
			['validate', 'x.json', '--json'],
			['doctor', '--json'],
		]) {
			const r = await cli(args, {PORT: 'abc'});
			expect(r.status, args[0]).toBe(2);
			expect(lastEvent(r.stdout), args[0]).toEqual({
				type: 'error',
				code: 'INVALID_CONFIG',
				message: expect.stringMatching(/PORT: "abc" is not valid\. Use a whole number/),
			});
			expect(r.stderr, args[0]).not.toMatch(/\n\s+at /);
		}
		for (const args of [['serve'], ['mcp'], ['bench'], ['generate', PROMPT]]) {
			const r = await cli(args, {PROMPTREEL_CONCURRENCY: 'many'});
			expect(r.status, args[0]).toBe(2);
			expect(r.stderr, args[0]).toMatch(/PROMPTREEL_CONCURRENCY: "many" is not valid\. Use a whole number from 0 to 16\./);
			expect(r.stderr, args[0]).not.toMatch(/\n\s+at /);
		}
	});

	it('studio refuses a folder without a storyboard', async () => {
		const r = await cli(['studio', join(work, 'no-such-folder')]);
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/does not exist: pass an output folder/);
	});
});

describe('the same loop over HTTP: plan, complete, preview, render, edit, render', () => {
	const dataDir = freshDataDir('http-data');
	let server: RunningServer;
	let api: ReturnType<typeof http>;
	beforeAll(async () => {
		const config = loadConfig({});
		server = await startServer({
			renderer: createLocalRenderer({cacheDir: dataDir}),
			host: '127.0.0.1',
			port: 0,
			dataDir,
			server: {...config.server, concurrency: 1},
			log: () => undefined,
		});
		api = http(server.url);
	});
	afterAll(async () => {
		await server?.close({graceMs: 0});
	});

	const render = async (storyboard: unknown) => {
		const res = await api.post('/v1/videos', {storyboard, options: {quality: 'draft'}});
		expect(res.status, JSON.stringify(res.body)).toBe(202);
		const job = await waitForJob(server.url, res.body.id, (j) => j.status === 'done' || j.status === 'failed', 600_000, 500);
		expect(job.status, JSON.stringify(job.error)).toBe('done');
		const report = runReportSchema.parse((await api.get(`/v1/videos/${job.id}/files/report.json`)).body) as RunReport;
		return {job, report};
	};

	it('completes a planned storyboard with asset refs, renders it, and re-voices only an edited scene', async () => {
		const plan = await api.post('/v1/storyboards', {prompt: PROMPT, options: {fps: FPS}});
		expect(plan.status).toBe(200);
		expect(plan.body.storyboard.music.src).toMatch(/^music\/[a-z-]+\.mp3$/);

		const completed = await api.post('/v1/storyboards/complete', {storyboard: plan.body.storyboard});
		expect(completed.status, JSON.stringify(completed.body)).toBe(200);
		expect(completed.body.scenes.map((s: any) => s.narration)).toEqual(['voiced', 'voiced', 'voiced']);
		const sb = completed.body.storyboard;
		for (const scene of sb.scenes) {
			expect(scene.narration.audio).toMatch(/^asset:ast_[0-9a-f]{24}$/);
			expect(scene.visual.icon).toMatch(/^asset:ast_[0-9a-f]{24}$/);
		}
		// A client previews the voiced narration: the asset's bytes, with Range.
		const id = sb.scenes[0].narration.audio.slice('asset:'.length);
		const whole = await fetch(`${server.url}/v1/assets/${id}/content`);
		expect(whole.status).toBe(200);
		expect(whole.headers.get('content-type')).toBe('audio/mpeg');
		const size = (await whole.arrayBuffer()).byteLength;
		const part = await fetch(`${server.url}/v1/assets/${id}/content`, {headers: {range: 'bytes=0-99'}});
		expect(part.status).toBe(206);
		expect(part.headers.get('content-range')).toBe(`bytes 0-99/${size}`);
		expect((await part.arrayBuffer()).byteLength).toBe(100);

		const first = await render(sb);
		expect(first.report.completion).toMatchObject({voiced: [], reused: ['scene-1', 'scene-2', 'scene-3']});

		const text = editedText();
		const edited = structuredClone(sb);
		edited.scenes[1].narration.text = text;
		const dry = await api.post('/v1/videos', {storyboard: edited, options: {quality: 'draft'}, dryRun: true});
		expect(dry.status, JSON.stringify(dry.body)).toBe(200);
		expect(dry.body).toMatchObject({
			valid: true,
			toVoice: ['scene-2'],
			reused: ['scene-1', 'scene-3'],
			width: 640,
			height: 360,
			estimate: {seconds: expect.any(Number)},
		});
		expect((await api.get('/v1/videos')).body.data.length).toBe(1);

		const second = await render(edited);
		expect(second.report.completion!.scenes.map((s) => [s.id, s.narration])).toEqual([
			['scene-1', 'reused'],
			['scene-2', 'voiced'],
			['scene-3', 'reused'],
		]);
		const srt = (await api.get(`/v1/videos/${second.job.id}/files/captions.srt`)).text;
		expect(srt).toContain(text.split(' ').slice(0, 3).join(' '));
		const video = join(work, 'http-video.mp4');
		writeFileSync(video, Buffer.from(await (await fetch(`${server.url}/v1/videos/${second.job.id}/files/video.mp4`)).arrayBuffer()));
		expect(probe(video).audio).not.toBeNull();
	}, 400_000);

	it('unknown keys: 422 naming each full path, options.qualty included', async () => {
		const res = await api.post('/v1/videos', {
			storyboard: {
				title: 'Typos',
				colour: '#ff0000',
				scenes: [{id: 'a', titel: 'x', narration: {text: ''}, visual: {kind: 'procedural'}, durationMs: 2000}],
			},
			options: {qualty: 'draft'},
		});
		expect(res.status).toBe(422);
		expect(res.body.error.issues).toEqual(
			expect.arrayContaining([
				{path: 'storyboard.colour', message: expect.stringMatching(/Unknown key "colour"/)},
				{path: 'storyboard.scenes.0.titel', message: expect.stringMatching(/did you mean "title"/)},
				{path: 'options.qualty', message: expect.stringMatching(/did you mean "quality"/)},
			]),
		);
	});
});

describe('the same loop over MCP (stdio): plan_storyboard, render_storyboard, edit, render_storyboard', () => {
	const dataDir = freshDataDir('mcp-data');
	let client: Client;
	beforeAll(async () => {
		const transport = new StdioClientTransport({
			command: process.execPath,
			args: [CLI, 'mcp'],
			env: {...(process.env as Record<string, string>), PROMPTREEL_DATA_DIR: dataDir},
			stderr: 'pipe',
		});
		client = new Client({name: 'promptreel-loop-test', version: '1'});
		await client.connect(transport);
	});
	afterAll(async () => {
		await client?.close().catch(() => undefined);
	});

	const call = (name: string, args: Record<string, unknown>) =>
		client.callTool({name, arguments: args}, undefined, {timeout: 600_000, maxTotalTimeout: 600_000});
	const renderAndReport = async (storyboard: unknown) => {
		const result = await call('render_storyboard', {storyboard, options: {quality: 'draft'}, wait: {timeoutSec: 600}});
		expect(result.isError, textOf(result)).toBeFalsy();
		const job = result.structuredContent as any;
		expect(job.status, JSON.stringify(job.error)).toBe('done');
		const read = await client.readResource({uri: job.files['report.json']});
		return runReportSchema.parse(JSON.parse((read.contents[0] as {text: string}).text));
	};

	it('re-voices only the edited scene; the voice cache serves every other', async () => {
		const {tools} = await client.listTools();
		expect(tools.find((t) => t.name === 'render_storyboard')!.description).toMatch(/`quality`, `voice` and `rate`/);
		const plan = await call('plan_storyboard', {prompt: PROMPT, options: {fps: FPS}});
		const planned = (plan.structuredContent as any).storyboard;
		const first = await renderAndReport(planned);
		expect(first.completion!.voiced).toEqual(['scene-1', 'scene-2', 'scene-3']);

		// The planned storyboard again, scene 2 edited: every scene is voiced, all but scene 2 from the cache.
		const edited = structuredClone(planned);
		edited.scenes[1].narration.text = editedText();
		const second = await renderAndReport(edited);
		expect(second.completion!.scenes.map((s) => [s.id, s.narration, s.voiceCacheHit])).toEqual([
			['scene-1', 'voiced', true],
			['scene-2', 'voiced', false],
			['scene-3', 'voiced', true],
		]);
	}, 400_000);

	it('unknown keys: isError naming each full path', async () => {
		const result = await call('render_storyboard', {
			storyboard: {
				title: 'Typos',
				colour: '#ff0000',
				scenes: [{id: 'a', titel: 'x', narration: {text: ''}, visual: {kind: 'procedural'}, durationMs: 2000}],
			},
			options: {qualty: 'draft'},
		});
		expect(result.isError).toBe(true);
		const text = textOf(result);
		// Every path at once, as over HTTP: one issue per line.
		expect(text).toMatch(/- storyboard\.colour: Unknown key "colour"/);
		expect(text).toMatch(/- storyboard\.scenes\.0\.titel: Unknown key "titel": did you mean "title"\?/);
		expect(text).toMatch(/- options\.qualty: Unknown option "qualty"/);
	});
});
