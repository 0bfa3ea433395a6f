import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {computeTimeline, storyboardSchema, type Storyboard} from '../../src/compositions/storyboard';
import {lavfiVideo} from '../support/lavfi-video';
import {cellSize, LABEL_STRIP, MAX_SHEET_FRAMES, sheetFrames, writeContactSheet} from '../../scripts/panel/contact-sheet';

const storyboard = (scenes: {durationMs: number; shots?: number[]}[]): Storyboard =>
	storyboardSchema.parse({
		title: 'Sheet',
		format: {aspect: '16:9', resolution: '360p', fps: 10},
		scenes: scenes.map((s, i) => ({
			id: `s${i + 1}`,
			narration: {text: 'Words.'},
			visual: {kind: 'procedural'},
			durationMs: s.durationMs,
			shots: (s.shots ?? []).map((startMs) => ({startMs, keyPhrase: 'key'})),
			transition: {type: 'fade', durationMs: 400},
		})),
		endCard: {durationMs: 1000},
	}) as Storyboard;

describe('sheetFrames', () => {
	it('shows the poster, one frame per shot inside its own shot, then the end card', () => {
		const sb = storyboard([{durationMs: 3000}, {durationMs: 4000, shots: [0, 2000]}, {durationMs: 3000, shots: [1500]}]);
		const frames = sheetFrames(sb);
		expect(frames.map((f) => f.label.split(' ')[0])).toEqual(['poster', 'S1.1', 'S2.1', 'S2.2', 'S3.1', 'S3.2', 'end']);
		const timeline = computeTimeline(sb);
		const [s1, s2, s3] = timeline.scenes;
		const at = frames.map((f) => f.atMs ?? -1);
		expect(at[1]).toBeGreaterThan(s1!.startMs);
		expect(at[2]).toBeGreaterThan(s2!.startMs);
		expect(at[3]).toBeGreaterThan(s2!.startMs + 2000);
		expect(at[4]).toBeLessThan(s3!.startMs + 1500);
		expect(at[5]).toBeGreaterThan(s3!.startMs + 1500);
		expect(at[6]).toBeGreaterThan(timeline.endCard!.startMs);
		expect(at[6]).toBeLessThan(timeline.durationMs);
		expect(frames[3]!.label).toBe(`S2.2 ${(at[3]! / 1000).toFixed(1)}s`);
	});

	it('thins a long video to the most a sheet shows, keeping poster and end card', () => {
		const frames = sheetFrames(storyboard(Array.from({length: 30}, () => ({durationMs: 2000}))));
		expect(frames).toHaveLength(MAX_SHEET_FRAMES);
		expect(frames[0]!.label).toBe('poster');
		expect(frames.at(-1)!.label).toMatch(/^end /);
		expect(frames[1]!.label).toMatch(/^S1\.1 /);
	});

	it.each([
		[640, 360, 320, 180],
		[360, 640, 180, 320],
		[360, 360, 320, 320],
	])('fits a %ix%i frame into a %ix%i cell', (w, h, cw, ch) => {
		expect(cellSize(w, h)).toEqual({width: cw, height: ch});
	});
});

describe('writeContactSheet (real ffmpeg)', () => {
	const dir = mkdtempSync(join(tmpdir(), 'promptreel-sheet-test-'));
	afterAll(() => rmSync(dir, {recursive: true, force: true}));

	it('tiles the labelled poster and frames of a video into one PNG', async () => {
		const sb = storyboard([{durationMs: 2000}]);
		const video = join(dir, 'video.mp4');
		const poster = join(dir, 'poster.jpg');
		const ms = computeTimeline(sb).durationMs;
		lavfiVideo(video, `testsrc=size=640x360:rate=10:duration=${ms / 1000}`, ['-pix_fmt', 'yuv420p']);
		lavfiVideo(poster, 'testsrc=size=640x360', ['-frames:v', '1']);
		const output = join(dir, 'sheet.png');
		const frames = await writeContactSheet({video, poster, storyboard: sb, size: {width: 640, height: 360}, output});
		expect(frames.map((f) => f.label.split(' ')[0])).toEqual(['poster', 'S1.1', 'end']);
		const probe = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name,width,height', '-of', 'csv=p=0', output], {
			encoding: 'utf8',
		});
		// Three 320x180 cells with their label strips in one row, 6 px between them and around them.
		expect(probe.trim()).toBe(`png,${3 * 320 + 2 * 6 + 2 * 6},${180 + LABEL_STRIP + 2 * 6}`);
	});
});
