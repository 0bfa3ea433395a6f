import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {storyboardSchema, type Storyboard} from '../src/compositions/storyboard';
import {createLocalRenderer} from '../src/pipeline/render';
import {loadEmojiSet} from '../src/pipeline/visuals/emoji-set';
import {probe} from './support/ffprobe';
import {TEST_DATA_DIR} from './support/test-env';

// Real stills at 360p of one explainer scene whose shot cuts from one picture to another and
// shows a key phrase: the picture changes on screen, and it is >= 0.3 of the frame's short side.
const renderer = createLocalRenderer({cacheDir: TEST_DATA_DIR});
const out = mkdtempSync(join(tmpdir(), 'promptreel-shots-'));
afterAll(async () => {
	await renderer.close();
	if (!process.env.PROMPTREEL_KEEP_TEST_OUTPUT) rmSync(out, {recursive: true, force: true});
	else process.stderr.write(`[shots] frames kept in ${out}\n`);
});

const BG = '#102030';
mkdirSync(join(out, 'media'), {recursive: true});
for (const name of ['volcano', 'fire']) writeFileSync(join(out, 'media', `${name}.svg`), loadEmojiSet().svgOf(name));

/** A flat palette (background, surface and primary alike), so whatever is not the background is the picture or text. */
const storyboard: Storyboard = storyboardSchema.parse({
	title: 'Volcanoes',
	format: {aspect: '16:9', resolution: '360p', fps: 30},
	theme: {palette: {background: BG, surface: BG, primary: BG, accent: '#facc15', text: '#f8fafc'}},
	scenes: [
		{
			id: 'one',
			title: 'Volcanoes',
			narration: {text: 'Magma rises and lava flows.'},
			visual: {kind: 'procedural', style: 'gradient', icon: 'media/volcano.svg'},
			durationMs: 4000,
			shots: [{startMs: 2000, visual: {kind: 'procedural', style: 'gradient', icon: 'media/fire.svg'}, keyPhrase: 'lava flows'}],
			transition: {type: 'none', direction: 'from-right', durationMs: 0},
		},
	],
	captionStyle: {enabled: true, preset: 'highlight', position: 'bottom', combineWithinMs: 1200, fontScale: 1},
	endCard: {enabled: false, title: null, durationMs: 2500},
});

type Frame = {width: number; height: number; rgb: Buffer};
const still = async (name: string, frame: number): Promise<Frame> => {
	const file = join(out, `${name}.png`);
	await renderer.renderPoster({storyboard, mediaDir: out, outFile: file, quality: 'draft', frame});
	const p = probe(file);
	const rgb = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {maxBuffer: 64 << 20});
	return {width: p.video.width, height: p.video.height, rgb};
};

/** Bounding box of the pixels far from the background colour, between rows y0 and y1. */
const boxOf = (f: Frame, y0: number, y1: number) => {
	const bg = [0x10, 0x20, 0x30];
	let minX = f.width;
	let maxX = -1;
	let minY = f.height;
	let maxY = -1;
	for (let y = y0; y < y1; y++) {
		for (let x = 0; x < f.width; x++) {
			const i = (y * f.width + x) * 3;
			const d = Math.abs(f.rgb[i]! - bg[0]!) + Math.abs(f.rgb[i + 1]! - bg[1]!) + Math.abs(f.rgb[i + 2]! - bg[2]!);
			if (d < 60) continue;
			minX = Math.min(minX, x);
			maxX = Math.max(maxX, x);
			minY = Math.min(minY, y);
			maxY = Math.max(maxY, y);
		}
	}
	return {w: maxX - minX + 1, h: maxY - minY + 1, minY, maxY};
};

/** Share of pixels in rows y0..y1 that differ clearly between two frames. */
const changed = (a: Frame, b: Frame, y0: number, y1: number): number => {
	let n = 0;
	for (let y = y0; y < y1; y++) {
		for (let x = 0; x < a.width; x++) {
			const i = (y * a.width + x) * 3;
			if (Math.abs(a.rgb[i]! - b.rgb[i]!) + Math.abs(a.rgb[i + 1]! - b.rgb[i + 1]!) + Math.abs(a.rgb[i + 2]! - b.rgb[i + 2]!) > 90) n++;
		}
	}
	return n / ((y1 - y0) * a.width);
};

describe('shots on screen (explainer, 360p stills)', () => {
	it("cuts to the shot's picture with its key phrase, the picture >= 0.3 of the short side", async () => {
		const before = await still('before', 45); // 1.5 s: the scene's own picture, settled
		const after = await still('after', 96); // 3.2 s: the shot's picture and its key phrase
		expect([before.width, before.height]).toEqual([640, 360]);
		// The band between the title (top ~30%) and the captions (bottom ~25%) holds the picture.
		const y0 = Math.round(before.height * 0.3);
		const y1 = Math.round(before.height * 0.74);
		const share = changed(before, after, y0, y1);
		const box = boxOf(before, y0, y1);
		process.stdout.write(
			`[shots] picture change: ${(share * 100).toFixed(1)}% of the band; illustration ${box.w}x${box.h} px = ${(box.h / 360).toFixed(2)} of the short side\n`,
		);
		expect(share).toBeGreaterThan(0.05);
		// The emoji art fills most of its square: its drawn height is >= 0.3 of the frame's short side.
		expect(Math.max(box.w, box.h) / 360).toBeGreaterThanOrEqual(0.3);
		// The key phrase chip (accent colour) shows only after the cut.
		const accent = (f: Frame) => {
			let n = 0;
			for (let i = 0; i < f.rgb.length; i += 3) if (f.rgb[i]! > 220 && f.rgb[i + 1]! > 180 && f.rgb[i + 2]! < 80) n++;
			return n;
		};
		expect(accent(after)).toBeGreaterThan(accent(before) + 500);
	});
});
