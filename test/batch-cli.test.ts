import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {probe} from './support/ffprobe';
import {runCli} from './support/run-cli';
import {shareTestBundle, tinyStoryboard} from './support/server-harness';

// `promptreel batch <file>` with the jobs service in its own process (the default, as `mcp` runs
// it) on a fresh data dir: bad lines are all reported before anything is submitted; a good run
// renders one tiny storyboard for real (1 scene, 1 s, draft) and writes its folder and the summary.
// Failed items and CSV options are covered over HTTP (src/server/server-batches.test.ts), with jobs
// that render nothing. README "Batches".
const dirs: string[] = [];
afterAll(() => {
	for (const d of dirs) rmSync(d, {recursive: true, force: true});
});

const workspace = () => {
	const cwd = mkdtempSync(join(tmpdir(), 'promptreel-batch-'));
	dirs.push(cwd);
	const dataDir = join(cwd, 'data');
	return {cwd, dataDir};
};

const batch = (cwd: string, dataDir: string, args: string[]) =>
	runCli(['batch', ...args], {cwd, env: {PROMPTREEL_DATA_DIR: dataDir, PROMPTREEL_MAX_ATTEMPTS: '1'}, timeoutMs: 120_000});

describe('promptreel batch', () => {
	it('reports every bad line of a JSONL file at once (line, path, fix) and submits nothing', async () => {
		const {cwd, dataDir} = workspace();
		writeFileSync(
			join(cwd, 'items.jsonl'),
			[
				'{"prompt": "How volcanoes form"}',
				'# a comment line',
				'{"prompt": "Tides", "options": {"qualty": "draft"}}',
				'not json',
				'{"prompt": "x", "storyboard": {"title": "t"}}',
				'{"prompt": "Ok", "options": {"durationSec": -3, "template": "explainer", "templateOptions": {"titlePlacement": "middle"}}}',
			].join('\n'),
		);
		const r = await batch(cwd, dataDir, ['items.jsonl']);
		expect(r.status, r.stderr).toBe(2);
		expect(r.stderr).toMatch(/nothing was submitted/);
		expect(r.stderr).toContain('line 3: options.qualty: Unknown key "qualty": did you mean "quality"?');
		expect(r.stderr).toMatch(/line 4: \(line\): Not JSON/);
		expect(r.stderr).toContain('line 5: prompt: Send either prompt or storyboard, not both.');
		expect(r.stderr).toMatch(/line 6: options\.durationSec: /);
		expect(r.stderr).toMatch(/line 6: options\.templateOptions\.titlePlacement: .*"auto"\|"top"\|"bottom"/);
		expect(r.stderr).not.toMatch(/line 1:/);
		expect(existsSync(join(dataDir, 'jobs.db'))).toBe(false);

		// What only the jobs service knows (templates, voices) is named by line too.
		writeFileSync(join(cwd, 'service.csv'), 'prompt,template,voice\nOne,nope,\nTwo,,nobody\n');
		const s = await batch(cwd, dataDir, ['service.csv']);
		expect(s.status, s.stderr).toBe(2);
		expect(s.stderr).toMatch(/line 2: options\.template: .*nope/);
		expect(s.stderr).toMatch(/line 3: options\.voice: Unknown voice "nobody"/);
	});

	it('runs a JSONL batch here: a folder per item with its files, summary.json and summary.csv (exit 0)', async () => {
		const {cwd, dataDir} = workspace();
		mkdirSync(dataDir);
		shareTestBundle(dataDir);
		writeFileSync(
			join(cwd, 'items.jsonl'),
			`# one tiny video\n${JSON.stringify({storyboard: tinyStoryboard('Batch one', {durationMs: 1000})})}\n`,
		);
		const r = await batch(cwd, dataDir, ['items.jsonl', '--quality', 'draft', '--out', 'out', '--poll-ms', '200']);
		expect(r.status, r.stderr).toBe(0);
		expect(r.stderr).toMatch(/Batch bat_[0-9a-f]{24}: 1 item\(s\) submitted to this process/);
		// Plain progress lines (stderr is not a terminal here): the stages, then the end.
		expect(r.stderr).toMatch(/0\/1 ended: 0 done, 0 failed; rendering 1 \(line 2: rendering \d+%\)/);
		expect(r.stderr).toMatch(/1\/1 ended: 1 done, 0 failed\n/);
		const summary = JSON.parse(readFileSync(join(cwd, 'out/summary.json'), 'utf8'));
		expect(summary.batch).toMatch(/^bat_/);
		expect(summary.items).toMatchObject([{line: 2, status: 'done', folder: '2-batch-one', error: null}]);
		expect(summary.items[0].files).toEqual(expect.arrayContaining(['video.mp4', 'poster.jpg', 'storyboard.json', 'report.json']));
		const video = probe(join(cwd, 'out/2-batch-one/video.mp4'));
		expect(video.video.height).toBe(360);
		expect(video.durationSec).toBeGreaterThan(0.8);
		expect(video.durationSec).toBeLessThan(1.3);
		expect(readFileSync(join(cwd, 'out/summary.csv'), 'utf8')).toMatch(
			/^line,status,video_id,folder,error\n2,done,vid_[0-9a-f]{24},2-batch-one,\n$/,
		);
		expect(r.stdout).toMatch(/^line\s+status\s+video\s+folder\s+error\n2\s+done\s+vid_[0-9a-f]{24}\s+2-batch-one/);
		expect(readFileSync(join(cwd, 'out/batch.log'), 'utf8')).toMatch(/done/);
	}, 240_000);
});
