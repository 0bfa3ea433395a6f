import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, cpSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {computeTimeline, storyboardSchema} from '../src/compositions/storyboard';
import {probe} from './support/ffprobe';
import {runCli} from './support/run-cli';
import {ROOT, SAMPLES_DIR} from './support/test-env';

const work = mkdtempSync(join(tmpdir(), 'promptreel-cli-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

const cli = (args: string[]) => runCli(args, {cwd: work});

const writeJson = (name: string, data: unknown) => {
	const path = join(work, name);
	writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
	return path;
};

const sample = () =>
	JSON.parse(readFileSync(join(SAMPLES_DIR, 'landscape.json'), 'utf8')) as Record<string, unknown> & {scenes: Record<string, unknown>[]};

describe('promptreel CLI (child process)', () => {
	it('explains itself with --help', async () => {
		const r = await cli(['--help']);
		expect(r.status).toBe(0);
		for (const command of ['render', 'schema', 'templates', 'doctor']) expect(r.stdout).toContain(command);
		const sub = await cli(['render', '--help']);
		expect(sub.stdout).toContain('--quality');
		expect(sub.stdout).toContain('draft');
	});

	it('prints the storyboard JSON Schema', async () => {
		const r = await cli(['schema']);
		expect(r.status).toBe(0);
		const schema = JSON.parse(r.stdout) as {properties: Record<string, {description?: string}>};
		expect(Object.keys(schema.properties)).toEqual(
			expect.arrayContaining(['scenes', 'format', 'theme', 'captionStyle', 'credits', 'seed']),
		);
		expect(schema.properties.scenes?.description).toMatch(/scenes/i);
	});

	it('lists templates', async () => {
		const r = await cli(['templates', '--json']);
		expect(r.status).toBe(0);
		const list = JSON.parse(r.stdout) as {id: string; samples: string[]}[];
		expect(list.map((t) => t.id)).toContain('explainer');
		expect(list[0]?.samples).toEqual(expect.arrayContaining(['landscape', 'portrait', 'square']));
	});

	it('exits 2 with line and column on malformed JSON', async () => {
		const r = await cli(['render', writeJson('broken.json', '{\n  "title": "x",\n  oops\n}')]);
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/not valid JSON at line 3, column 3/);
	});

	it('exits 2 naming every zod path of an invalid storyboard', async () => {
		const bad = sample();
		bad.scenes[0]!.durationMs = -5;
		(bad as Record<string, unknown>).format = {aspect: '4:3'};
		const r = await cli(['render', writeJson('invalid.json', bad), '--json']);
		expect(r.status).toBe(2);
		const event = JSON.parse(r.stdout.trim().split('\n').pop()!) as {type: string; code: string; issues: {path: string}[]};
		expect(event.type).toBe('error');
		expect(event.code).toBe('INVALID_INPUT');
		expect(event.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['scenes.0.durationMs', 'format.aspect']));
	});

	it('exits 2 with the valid template ids for an unknown template', async () => {
		const r = await cli(['render', writeJson('tpl.json', {...sample(), template: 'nope'})]);
		expect(r.status).toBe(2);
		expect(r.stderr).toContain('Unknown template "nope". Valid templates: explainer');
	});

	it('exits 2 naming the scene and path of a missing media file', async () => {
		const bad = sample();
		bad.scenes[1]!.narration = {text: 'x', audio: 'nowhere/voice.mp3'};
		const r = await cli(['render', writeJson('media.json', bad)]);
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/scenes\.1 .*narration: media file "nowhere\/voice\.mp3" not found/);
	});

	it('exits 2 for an unknown --quality', async () => {
		const r = await cli(['render', join(SAMPLES_DIR, 'landscape.json'), '--quality', 'ultra']);
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/draft, standard, high/);
	});

	it('renders a sample to every output file, then serves the same render from the cache', async () => {
		const storyboardPath = join(work, 'landscape.json');
		cpSync(join(SAMPLES_DIR, 'landscape.json'), storyboardPath);
		const outDir = join(work, 'out-landscape');
		const r = await cli(['render', storyboardPath, '--out', outDir, '--quality', 'draft', '--json', '--force']);
		expect(r.status, r.stderr).toBe(0);
		const events = r.stdout
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l) as {type: string; stage?: string; files?: Record<string, string>});
		expect(events.some((e) => e.type === 'progress' && e.stage === 'rendering')).toBe(true);
		const done = events.at(-1)!;
		expect(done.type).toBe('done');
		for (const name of ['video.mp4', 'poster.jpg', 'captions.srt', 'captions.vtt', 'credits.json', 'report.json']) {
			expect(existsSync(join(outDir, name)), name).toBe(true);
		}
		const storyboard = storyboardSchema.parse(JSON.parse(readFileSync(storyboardPath, 'utf8')));
		const p = probe(join(outDir, 'video.mp4'));
		expect(p.video.codec).toBe('h264');
		expect([p.video.width, p.video.height]).toEqual([640, 360]);
		expect(p.video.frames).toBe(computeTimeline(storyboard).durationInFrames);
		expect(p.audio).not.toBeNull();
		expect(readFileSync(join(outDir, 'captions.srt'), 'utf8')).toMatch(/^1\n00:00:0\d,\d{3} --> /);

		const again = await cli(['render', storyboardPath, '--out', join(work, 'out-again'), '--quality', 'draft', '--json']);
		expect(again.status, again.stderr).toBe(0);
		const report = JSON.parse(readFileSync(join(work, 'out-again', 'report.json'), 'utf8')) as {cacheHit: boolean};
		expect(report.cacheHit).toBe(true);
		expect(probe(join(work, 'out-again', 'video.mp4')).video.frames).toBe(p.video.frames);
		// Two CLI processes, each bundling and rendering: 120 s ran out on a clean clone at load 10.
	}, 300_000);

	it('refuses an --out folder holding files promptreel did not write', async () => {
		const outDir = join(work, 'not-ours');
		mkdirSync(outDir);
		writeFileSync(join(outDir, 'notes.txt'), 'mine');
		const r = await cli(['render', join(SAMPLES_DIR, 'landscape.json'), '--out', outDir]);
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/holds files promptreel did not write.*--out/);
		expect(readdirSync(outDir)).toEqual(['notes.txt']);
	});

	it('doctor reports the browser', async () => {
		const r = await cli(['doctor', '--json']);
		const report = JSON.parse(r.stdout) as {checks: {name: string; ok: boolean}[]};
		expect(report.checks.find((c) => c.name === 'browser')?.ok).toBe(true);
		expect(r.status).toBe(0);
	});
});

void ROOT;
