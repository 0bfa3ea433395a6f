import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {computeTimeline, storyboardSchema} from '../src/compositions/storyboard';
import {meanVolumeDb, probe} from './support/ffprobe';
import {runCli} from './support/run-cli';

const work = mkdtempSync(join(tmpdir(), 'promptreel-generate-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

const cli = (args: string[]) => runCli(args, {cwd: work, env: {OPENAI_API_KEY: '', OPENAI_BASE_URL: '', PEXELS_API_KEY: ''}});

const events = (stdout: string) =>
	stdout
		.trim()
		.split('\n')
		.filter(Boolean)
		.map((l) => JSON.parse(l) as Record<string, unknown>);

const SCRIPT = 'Volcanoes grow where hot magma rises. Lava cools into new rock.';
/** Few frames per second: these tests are about files, sync and flags, and every frame costs CI time. */
const FPS = '10';

describe('generate end to end (child process, offline, no keys)', () => {
	const out = join(work, 'volcano');

	it('turns a two-sentence script into all seven files with matching video, narration and captions', async () => {
		const r = await cli(['generate', SCRIPT, '--quality', 'draft', '--out', out, '--json', '--duration', '6', '--fps', FPS, '--force']);
		expect(r.status, r.stderr + r.stdout).toBe(0);
		const ev = events(r.stdout);
		const stages = new Set(ev.filter((e) => e.type === 'progress').map((e) => e.stage));
		for (const stage of ['planning', 'voicing', 'fetching', 'rendering', 'encoding', 'poster']) expect(stages.has(stage), stage).toBe(true);
		expect(ev.at(-1)?.type).toBe('done');
		for (const file of ['video.mp4', 'poster.jpg', 'captions.srt', 'captions.vtt', 'storyboard.json', 'credits.json', 'report.json']) {
			expect(existsSync(join(out, file)), file).toBe(true);
		}

		const storyboard = storyboardSchema.parse(JSON.parse(readFileSync(join(out, 'storyboard.json'), 'utf8')));
		const timeline = computeTimeline(storyboard);
		const p = probe(join(out, 'video.mp4'));
		expect(p.video.frames).toBe(timeline.durationInFrames);
		expect(p.audio).not.toBeNull();
		expect(Math.abs(p.audio!.durationSec - p.video.durationSec)).toBeLessThan(0.15);

		// Narration is audible where the first scene speaks, and the captions are spoken words.
		const first = storyboard.scenes[0]!;
		const firstWord = first.captions[0]!;
		const lastWord = first.captions.at(-1)!;
		expect(meanVolumeDb(join(out, 'video.mp4'), firstWord.startMs / 1000, lastWord.endMs / 1000)).toBeGreaterThan(-35);
		expect(first.narration.audio).toMatch(/^media\/narration-.*\.mp3$/);
		const spoken = storyboard.scenes.flatMap((s) => s.captions.map((c) => c.text.trim())).join(' ');
		expect(spoken).toBe(SCRIPT);

		// Captions end within the video, and the SRT ends when the last word does.
		const srt = readFileSync(join(out, 'captions.srt'), 'utf8');
		const ends = [...srt.matchAll(/--> (\d\d):(\d\d):(\d\d),(\d\d\d)/g)].map(
			(m) => ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4]),
		);
		expect(Math.max(...ends)).toBeLessThanOrEqual(p.video.durationSec * 1000);
		for (const line of srt.split('\n').filter((l) => /[a-z]/i.test(l))) expect(line.length).toBeLessThanOrEqual(42);

		const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
			template: unknown;
			providers: Record<string, string>;
			stagesMs: Record<string, number>;
		};
		expect(report.template).toEqual({id: 'explainer', chosenBy: 'prompt', reason: expect.stringMatching(/script/)});
		expect(report.providers).toMatchObject({planning: 'heuristic', voicing: 'festival', rendering: 'web'});
		expect(Object.keys(report.stagesMs)).toEqual(expect.arrayContaining(['planning', 'voicing', 'fetching', 'rendering']));
		const credits = JSON.parse(readFileSync(join(out, 'credits.json'), 'utf8')) as {credits: {kind: string; license: string}[]};
		expect(credits.credits.map((c) => c.kind)).toEqual(expect.arrayContaining(['voice', 'icon', 'music', 'font']));
	});

	it('re-renders the written storyboard.json to the same video without the pipeline', async () => {
		const again = join(work, 'rerender');
		const r = await cli(['render', join(out, 'storyboard.json'), '--quality', 'draft', '--out', again, '--force', '--json']);
		expect(r.status, r.stderr).toBe(0);
		const a = probe(join(out, 'video.mp4'));
		const b = probe(join(again, 'video.mp4'));
		expect(b.video.frames).toBe(a.video.frames);
		expect(Math.abs(b.durationSec - a.durationSec)).toBeLessThan(0.05);
		expect(readFileSync(join(again, 'captions.srt'), 'utf8')).toBe(readFileSync(join(out, 'captions.srt'), 'utf8'));
	});

	it('serves the same storyboard and quality from the render cache', async () => {
		const cached = join(work, 'cached');
		const started = performance.now();
		const r = await cli(['render', join(out, 'storyboard.json'), '--quality', 'draft', '--out', cached]);
		expect(r.status, r.stderr).toBe(0);
		const report = JSON.parse(readFileSync(join(cached, 'report.json'), 'utf8')) as {cacheHit: boolean};
		expect(report.cacheHit).toBe(true);
		expect(probe(join(cached, 'video.mp4')).video.frames).toBe(probe(join(out, 'video.mp4')).video.frames);
		expect(performance.now() - started).toBeGreaterThan(0);
	});

	it('uses your own media (--media) and a silent voice (--voice none) with reading-speed captions', async () => {
		const media = join(work, 'my-media');
		mkdirSync(media, {recursive: true});
		execFileSync('ffmpeg', [
			'-v',
			'error',
			'-f',
			'lavfi',
			'-i',
			'testsrc2=size=320x240:rate=10',
			'-frames:v',
			'1',
			join(media, '02-rock.jpg'),
		]);
		execFileSync('ffmpeg', [
			'-v',
			'error',
			'-f',
			'lavfi',
			'-i',
			'testsrc2=size=320x240:rate=15',
			'-t',
			'1.2',
			'-pix_fmt',
			'yuv420p',
			join(media, '01-magma.mp4'),
		]);
		const dir = join(work, 'own-media');
		const r = await cli([
			'generate',
			SCRIPT,
			'--quality',
			'draft',
			'--out',
			dir,
			'--voice',
			'none',
			'--music',
			'none',
			'--media',
			media,
			'--duration',
			'5',
			'--fps',
			FPS,
		]);
		expect(r.status, r.stderr).toBe(0);
		const sb = storyboardSchema.parse(JSON.parse(readFileSync(join(dir, 'storyboard.json'), 'utf8')));
		const kinds = sb.scenes.map((s) => s.visual.kind);
		expect(kinds).toContain('video');
		const video = sb.scenes.find((s) => s.visual.kind === 'video')!.visual as {src: string; durationMs: number};
		expect(video.durationMs).toBeGreaterThan(1000);
		expect(existsSync(join(dir, video.src))).toBe(true);
		expect(sb.scenes.every((s) => s.narration.audio === null && s.captions.length > 0)).toBe(true);
		expect(sb.music).toBeNull();
		expect(probe(join(dir, 'video.mp4')).video.frames).toBe(computeTimeline(sb).durationInFrames);
	});

	it('plans a bare topic honestly with a warning that names the planner model', async () => {
		const r = await cli(['plan', 'How volcanoes form', '--out', join(work, 'topic'), '--json']);
		expect(r.status, r.stderr).toBe(0);
		const warnings = events(r.stdout)
			.filter((e) => e.type === 'warning')
			.map((e) => String(e.message));
		expect(warnings.join(' ')).toMatch(/OPENAI_API_KEY/);
		const report = JSON.parse(readFileSync(join(work, 'topic', 'report.json'), 'utf8')) as {warnings: {code: string}[]};
		expect(report.warnings.map((w) => w.code)).toContain('NEEDS_PLANNER_MODEL');
		const sb = storyboardSchema.parse(JSON.parse(readFileSync(join(work, 'topic', 'storyboard.json'), 'utf8')));
		expect(sb.scenes[0]?.narration.text).toMatch(/volcanoes form/i);
	});

	it('plans a prompt with emoji without crashing', async () => {
		const r = await cli(['plan', '🌋 Volcanoes are amazing! 🔥 They build islands and mountains.', '--out', join(work, 'emoji')]);
		expect(r.status, r.stderr).toBe(0);
		const sb = storyboardSchema.parse(JSON.parse(readFileSync(join(work, 'emoji', 'storyboard.json'), 'utf8')));
		expect(sb.scenes.length).toBeGreaterThan(0);
	});

	it.each([
		[['generate', '   '], /empty/i],
		[['generate', 'Hello there.', '--voice', 'robot'], /Unknown --voice "robot"\. Valid voices: .*festival.*none/],
		[['generate', 'Hello there.', '--template', 'nope'], /Unknown template "nope"\. Valid templates: explainer/],
		[['generate', 'Hello there.', '--aspect', '4:3'], /Allowed choices are 16:9, 9:16, 1:1/],
		[['generate', 'Hello there.', '--music', 'polka'], /Unknown --music "polka"\. Use auto, none, a bundled track \(.*calm-pad/],
	])('exits 2 with the valid values for bad input %#', async (args, message) => {
		const r = await cli(args);
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(message);
	});

	it("does not overwrite another run's folder without --force", async () => {
		const dir = join(work, 'taken');
		mkdirSync(dir, {recursive: true});
		writeFileSync(join(dir, 'video.mp4'), 'earlier run');
		const r = await cli(['plan', 'Hello there. A second sentence.', '--out', dir]);
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/--force/);
		expect(readFileSync(join(dir, 'video.mp4'), 'utf8')).toBe('earlier run');
	});
});
