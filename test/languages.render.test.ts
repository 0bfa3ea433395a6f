import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {storyboardSchema, type Storyboard, type StoryboardInput} from '../src/compositions/storyboard';
import {generateVideo, planVideo} from '../src/pipeline/generate';
import {themeFontOf} from '../src/pipeline/generate/run-options';
import {LANGUAGE_SAMPLES} from '../src/pipeline/language';
import {createLocalRenderer} from '../src/pipeline/render';
import {tokenizeScript} from '../src/pipeline/voice';
import {probe} from './support/ffprobe';
import {TEST_DATA_DIR} from './support/test-env';

// Real Remotion stills at 360p: captions in every supported language, glyphs visible, Arabic
// laid out right to left; then a voice-over end to end.
const renderer = createLocalRenderer({cacheDir: TEST_DATA_DIR});
const out = mkdtempSync(join(tmpdir(), 'promptreel-languages-'));
afterAll(async () => {
	await renderer.close();
	if (!process.env.PROMPTREEL_KEEP_TEST_OUTPUT) rmSync(out, {recursive: true, force: true});
	else process.stderr.write(`[languages] frames kept in ${out}\n`);
});

const ACCENT = '#facc15';
const WORD_MS = 600;

/** One scene whose first caption page holds the first words of the language's sample. */
const storyboardFor = (language: string, text: string, captions = true): Storyboard => {
	const words = tokenizeScript(text, language).slice(0, 3);
	const input: StoryboardInput = {
		title: 'x',
		language,
		format: {aspect: '16:9', resolution: '360p', fps: 30},
		theme: {
			palette: {background: '#0f172a', surface: '#0f172a', primary: '#0f172a', accent: ACCENT, text: '#f8fafc'},
			fontFamily: themeFontOf(language),
		},
		scenes: [
			{
				id: 'one',
				narration: {text, audio: null, offsetMs: 0, volume: 1},
				visual: {kind: 'procedural', style: 'gradient', icon: null},
				durationMs: 1500,
				captions: words.map((w, i) => ({text: i ? ` ${w.text}` : w.text, startMs: i * WORD_MS, endMs: (i + 1) * WORD_MS - 50})),
				transition: {type: 'none', direction: 'from-right', durationMs: 0},
			},
		],
		captionStyle: {enabled: captions, preset: 'highlight', position: 'bottom', combineWithinMs: 1200, fontScale: 1},
		endCard: {enabled: false, title: null, durationMs: 2500},
	};
	return storyboardSchema.parse(input);
};

type Frame = {width: number; height: number; rgb: Buffer};
const still = async (sb: Storyboard, name: string, frame: number): Promise<Frame> => {
	const file = join(out, `${name}.jpg`);
	await renderer.renderPoster({storyboard: sb, mediaDir: out, outFile: file, quality: 'draft', frame});
	const p = probe(file);
	const rgb = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {maxBuffer: 64 << 20});
	return {width: p.video.width, height: p.video.height, rgb};
};

/** Pixels of the caption region (bottom 40%) that differ between two frames, and where. */
const captionPixels = (a: Frame, b: Frame) => {
	const xs: number[] = [];
	const accentXs: number[] = [];
	for (let y = Math.floor(a.height * 0.6); y < a.height; y++) {
		for (let x = 0; x < a.width; x++) {
			const i = (y * a.width + x) * 3;
			const d = Math.abs(a.rgb[i]! - b.rgb[i]!) + Math.abs(a.rgb[i + 1]! - b.rgb[i + 1]!) + Math.abs(a.rgb[i + 2]! - b.rgb[i + 2]!);
			if (d < 90) continue;
			xs.push(x);
			// The highlighted (spoken) word is drawn in the accent colour.
			if (a.rgb[i]! > 190 && a.rgb[i + 1]! > 160 && a.rgb[i + 2]! < 110) accentXs.push(x);
		}
	}
	const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / Math.max(1, v.length);
	return {count: xs.length, minX: Math.min(...xs), maxX: Math.max(...xs), accentCount: accentXs.length, accentMeanX: mean(accentXs)};
};

// With captions off nothing depends on the language: one reference frame serves them all.
let reference: Promise<Frame> | null = null;
const captionless = () => (reference ??= still(storyboardFor('en', 'x', false), 'reference', 12));

describe('captions in every supported language (real renders, 360p)', () => {
	// 12 frames = 400 ms: the first word is being spoken and the page has settled.
	it.each(Object.keys(LANGUAGE_SAMPLES))('draws visible %s caption glyphs', async (language) => {
		const text = LANGUAGE_SAMPLES[language]!;
		const on = await still(storyboardFor(language, text), `${language}-on`, 12);
		const off = await captionless();
		const px = captionPixels(on, off);
		// Several hundred pixels of glyphs (a missing font would draw nothing or boxes of outline).
		expect(px.count, `${language}: ${px.count} caption pixels`).toBeGreaterThan(600);
		expect(px.accentCount, `${language}: highlighted word`).toBeGreaterThan(40);
		const centre = (px.minX + px.maxX) / 2;
		if (language === 'ar') {
			// Right to left: the first (spoken) word is at the right of the line.
			expect(px.accentMeanX).toBeGreaterThan(centre);
		} else {
			expect(px.accentMeanX).toBeLessThan(centre);
		}
	});

	it('renders Japanese with English words in it (mixed scripts)', async () => {
		const text = 'ReactとTypeScriptで火山を学びます。';
		const on = await still(storyboardFor('ja', text), 'mixed-on', 12);
		const off = await captionless();
		expect(captionPixels(on, off).count).toBeGreaterThan(600);
	});
});

describe('your own voice-over, end to end', () => {
	it('replaces synthesis with the recording, times captions on it and renders a video with its audio', async () => {
		const text = 'Los volcanes se forman donde el magma sube.';
		const wav = join(out, 'take.wav');
		execFileSync('espeak-ng', ['-v', 'es', '-s', '160', '-w', wav, text]);
		const result = await generateVideo({
			prompt: text,
			options: {voiceover: wav, quality: 'draft', music: 'none', aspect: '16:9'},
			outDir: join(out, 'voiceover-run'),
			dataDir: join(out, 'data'),
			renderer,
		});
		expect(result.report.language).toBe('es');
		expect(result.report.languageSource).toMatchObject({requested: 'auto', detected: 'es'});
		expect(result.report.providers.voicing).toMatch(/^voiceover/);
		const scene = result.storyboard.scenes[0]!;
		expect(scene.narration.audio).toMatch(/^media\/voiceover-.*\.mp3$/);
		expect(scene.captions.map((c) => c.text.trim())).toEqual(tokenizeScript(text, 'es').map((t) => t.text));
		const p = probe(result.files.video!);
		expect(p.audio?.codec).toBe('aac');
		expect(p.video.height).toBe(360);
	});

	it('rejects an unknown --lang with the supported list', async () => {
		await expect(planVideo({prompt: 'hello', options: {lang: 'xx'}})).rejects.toThrow(
			/Unsupported --lang "xx"\. Supported: en \(English\).*hi \(Hindi\)/,
		);
	});
});
