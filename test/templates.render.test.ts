import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {templates} from '../src/compositions/registry';
import {computeTimeline, frameSize, type Storyboard} from '../src/compositions/storyboard';
import {createLocalRenderer} from '../src/pipeline/render';
import {probe} from './support/ffprobe';
import {TEST_DATA_DIR} from './support/test-env';

// Real Remotion stills (360p) of every new template x sample: two frames of the middle scene,
// checked with ffprobe, for motion between them, and for the kinetic words staying inside the
// frame's side margins in English, Arabic and Hindi; the audiogram's sound drawn from the real
// narration differs between two frames of speech.
const NEW_TEMPLATES = ['kinetic', 'listicle', 'data-story', 'headline', 'captioned-clip', 'audiogram', 'promo'];
const renderer = createLocalRenderer({cacheDir: TEST_DATA_DIR});
const out = mkdtempSync(join(tmpdir(), 'promptreel-templates-'));
afterAll(async () => {
	await renderer.close();
	if (!process.env.PROMPTREEL_KEEP_TEST_OUTPUT) rmSync(out, {recursive: true, force: true});
	else process.stderr.write(`[templates] frames kept in ${out}\n`);
});

type Frame = {width: number; height: number; rgb: Buffer};
const still = async (sb: Storyboard, name: string, frame: number): Promise<Frame> => {
	const file = join(out, `${name}.jpg`);
	await renderer.renderPoster({storyboard: sb, mediaDir: out, outFile: file, quality: 'draft', frame});
	expect(existsSync(file)).toBe(true);
	const p = probe(file);
	const rgb = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {maxBuffer: 64 << 20});
	return {width: p.video.width, height: p.video.height, rgb};
};

/** Mean absolute difference per channel between two frames (0-255). */
const difference = (a: Frame, b: Frame): number => {
	let sum = 0;
	for (let i = 0; i < a.rgb.length; i++) sum += Math.abs(a.rgb[i]! - b.rgb[i]!);
	return sum / a.rgb.length;
};

/** Pixels close to `hex` in the outer `fraction` of the frame's width, left and right. */
const pixelsInSideMargins = (f: Frame, hex: string, fraction: number): number => {
	const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
	const margin = Math.floor(f.width * fraction);
	let n = 0;
	for (let y = 0; y < f.height; y++) {
		for (const x of [...Array(margin).keys(), ...Array.from({length: margin}, (_, i) => f.width - 1 - i)]) {
			const i = (y * f.width + x) * 3;
			if (Math.abs(f.rgb[i]! - r!) + Math.abs(f.rgb[i + 1]! - g!) + Math.abs(f.rgb[i + 2]! - b!) < 40) n++;
		}
	}
	return n;
};

const cases = templates
	.filter((t) => NEW_TEMPLATES.includes(t.id))
	.flatMap((t) => Object.entries(t.samples).map(([name, sb], i) => ({id: t.id, name, sb, motion: i === 0})));

describe('new templates render (real stills, 360p)', () => {
	it('covers every new template at three aspects, and the registry lists at least eight', () => {
		expect(templates.length).toBeGreaterThanOrEqual(8);
		expect(cases.map((c) => c.id).sort()).toEqual(NEW_TEMPLATES.flatMap((id) => [id, id, id]).sort());
	});

	// Motion is checked on each template's first sample (two stills); the other samples render one
	// still each, which keeps the file's share of the suite modest.
	it.each(cases.map((c) => [`${c.id}/${c.name}`, c] as const))(
		'%s: its middle scene, the right size, not blank (and moving, for the first sample)',
		async (_label, {id, name, sb, motion}) => {
			const timeline = computeTimeline(sb);
			const scene = timeline.scenes[Math.floor((timeline.scenes.length - 1) / 2)]!;
			const early = scene.startFrame + Math.round(scene.durationInFrames * 0.3);
			const late = scene.startFrame + Math.round((scene.durationInFrames - scene.transitionInFrames) * 0.85);
			const b = await still(sb, `${id}-${name}-b`, late);
			const {width, height} = frameSize({...sb.format, resolution: '360p'});
			expect([b.width, b.height]).toEqual([width, height]);
			// Not a blank frame.
			const mean = b.rgb.reduce((s, v) => s + v, 0) / b.rgb.length;
			expect(mean).toBeGreaterThan(8);
			if (motion) {
				// Something moved between two frames (words, bars, numbers, camera, the sound drawn).
				const a = await still(sb, `${id}-${name}-a`, early);
				expect([a.width, a.height]).toEqual([width, height]);
				expect(difference(a, b), `${id}/${name}: frames ${early} and ${late} differ`).toBeGreaterThan(0.5);
			}
			if (id === 'kinetic') {
				// The words (text colour) never reach the outer 4% of the width: they were fitted inside the margins.
				expect(pixelsInSideMargins(b, sb.theme.palette.text, 0.5), `${id}/${name}: words drawn at all`).toBeGreaterThan(300);
				expect(pixelsInSideMargins(b, sb.theme.palette.text, 0.04), `${id}/${name}: text in the side margins`).toBe(0);
			}
		},
	);
});
