import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {CAPTION_PRESETS, storyboardSchema, type CaptionPreset, type Storyboard} from '../src/compositions/storyboard';
import {createLocalRenderer} from '../src/pipeline/render';
import {probe} from './support/ffprobe';
import {TEST_DATA_DIR} from './support/test-env';

// One real 360p still per caption preset, left to right (English) and right to left (Arabic),
// taken while the first of four words is being spoken. The frame is black but for the captions:
// white words with a black outline, the spoken word (or its pill) pure green, so where the green
// and the white fall tells what each preset drew and where.
const renderer = createLocalRenderer({cacheDir: TEST_DATA_DIR});
const out = mkdtempSync(join(tmpdir(), 'promptreel-captions-'));
afterAll(async () => {
	await renderer.close();
	if (!process.env.PROMPTREEL_KEEP_TEST_OUTPUT) rmSync(out, {recursive: true, force: true});
	else process.stderr.write(`[captions] stills kept in ${out}\n`);
});

const GREEN = '#00ff00';
const POSITION: Record<CaptionPreset, 'top' | 'center' | 'bottom'> = {
	highlight: 'bottom',
	boxed: 'center',
	pop: 'top',
	reveal: 'bottom',
	bounce: 'center',
	classic: 'top',
};
const TEXT = {en: ['Every', 'small', 'step', 'counts'], ar: ['كل', 'خطوة', 'صغيرة', 'مهمة']} as const;
// The first word is spoken from 300 to 700 ms; the still is at 17 frames (567 ms), when every
// entrance (page, pop, bounce, reveal) has settled.
const FRAME = 17;

const storyboardFor = (preset: CaptionPreset, language: 'en' | 'ar'): Storyboard =>
	storyboardSchema.parse({
		version: 2,
		title: 'Captions',
		template: 'explainer',
		language,
		format: {aspect: '16:9', resolution: '360p', fps: 30},
		theme: {
			palette: {background: '#000000', surface: '#000000', primary: '#000000', accent: GREEN, text: '#ffffff'},
			fontFamily: language === 'ar' ? 'Noto Sans Arabic' : 'Inter',
		},
		captionStyle: {enabled: true, preset, position: POSITION[preset], fontScale: 1},
		endCard: {enabled: false},
		scenes: [
			{
				id: 's1',
				narration: {text: TEXT[language].join(' ')},
				visual: {kind: 'procedural', style: 'gradient'},
				durationMs: 2400,
				captions: TEXT[language].map((w, i) => ({text: i === 0 ? w : ` ${w}`, startMs: 300 + i * 400, endMs: 700 + i * 400})),
			},
		],
	});

type Blob = {count: number; x: number; y: number; left: number; right: number};
/** Pixels matching `test`: how many, their centroid (0..1 of the frame) and how many in each half. */
const blob = (rgb: Buffer, width: number, height: number, test: (r: number, g: number, b: number) => boolean): Blob => {
	let count = 0;
	let sx = 0;
	let sy = 0;
	let left = 0;
	for (let i = 0; i < width * height; i++) {
		if (!test(rgb[i * 3]!, rgb[i * 3 + 1]!, rgb[i * 3 + 2]!)) continue;
		const x = i % width;
		count++;
		sx += x;
		sy += Math.floor(i / width);
		if (x < width / 2) left++;
	}
	return {count, x: count ? sx / count / width : 0, y: count ? sy / count / height : 0, left, right: count - left};
};
const isGreen = (r: number, g: number, b: number) => g > 170 && r < 110 && b < 110;
const isWhite = (r: number, g: number, b: number) => r > 190 && g > 190 && b > 190;

const still = async (preset: CaptionPreset, language: 'en' | 'ar') => {
	const file = join(out, `${preset}-${language}.jpg`);
	await renderer.renderPoster({storyboard: storyboardFor(preset, language), mediaDir: out, outFile: file, quality: 'draft', frame: FRAME});
	const {width, height} = probe(file).video;
	const rgb = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {maxBuffer: 16 << 20});
	return {width, height, green: blob(rgb, width, height, isGreen), white: blob(rgb, width, height, isWhite)};
};

const BAND = {top: [0, 0.36], center: [0.3, 0.7], bottom: [0.64, 1]} as const;

describe('caption presets (real 360p stills, LTR and RTL)', () => {
	it.each(CAPTION_PRESETS.flatMap((p) => (['en', 'ar'] as const).map((l) => [p, l] as const)))('%s / %s', async (preset, language) => {
		const {width, height, green, white} = await still(preset, language);
		expect([width, height]).toEqual([640, 360]);
		const rtl = language === 'ar';
		const label = `${preset}/${language}`;
		// The captions sit in the band of their position.
		const ink = green.count > white.count ? green : white;
		const [from, to] = BAND[POSITION[preset]];
		expect(ink.y, `${label}: vertical place`).toBeGreaterThan(from);
		expect(ink.y, `${label}: vertical place`).toBeLessThan(to);
		// The first word of the line is on the left in English, on the right in Arabic.
		const startSide = (b: Blob) => (rtl ? b.x > 0.52 : b.x < 0.48);
		switch (preset) {
			case 'highlight':
			case 'boxed':
				// The spoken (first) word is green, at the start of the line; the other words are white, after it.
				expect(green.count, `${label}: spoken word drawn`).toBeGreaterThan(40);
				expect(startSide(green), `${label}: spoken word at the start (x ${green.x.toFixed(2)})`).toBe(true);
				expect(rtl ? white.left : white.right, `${label}: the rest of the line follows`).toBeGreaterThan(40);
				break;
			case 'reveal':
			case 'bounce':
				// Only the spoken word is shown yet: green at the start, nothing after it.
				expect(green.count, `${label}: spoken word drawn`).toBeGreaterThan(40);
				expect(startSide(green), `${label}: spoken word at the start (x ${green.x.toFixed(2)})`).toBe(true);
				expect(white.count, `${label}: words not yet spoken are hidden`).toBeLessThan(15);
				break;
			case 'pop':
				// One word alone, centred.
				expect(green.count, `${label}: the word drawn`).toBeGreaterThan(40);
				expect(Math.abs(green.x - 0.5), `${label}: centred (x ${green.x.toFixed(2)})`).toBeLessThan(0.06);
				expect(white.count, `${label}: no other word`).toBeLessThan(15);
				break;
			case 'classic':
				// The whole chunk, white, centred, no word singled out.
				expect(green.count, `${label}: no coloured word`).toBeLessThan(15);
				expect(white.left, `${label}: text left of the centre`).toBeGreaterThan(40);
				expect(white.right, `${label}: text right of the centre`).toBeGreaterThan(40);
				expect(Math.abs(white.x - 0.5), `${label}: centred`).toBeLessThan(0.08);
				break;
		}
	});
});
