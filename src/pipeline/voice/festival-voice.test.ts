import {mkdtemp, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createFestivalVoice} from './festival-voice';
import {runProcess} from './run-process';
import {synthesizeNarration} from './synthesize-narration';
import {tokenizeScript} from './tokenize-script';
import {VoiceUnavailableError} from './voice-errors';
import type {WordTiming} from './voice-provider';

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'promptreel-festival-test-'));
});
afterAll(async () => {
	await rm(dir, {recursive: true, force: true});
});

/** Where sound starts after a silence, in ms, by Debian ffmpeg's silencedetect. */
const audibleOnsets = async (file: string): Promise<number[]> => {
	const run = await runProcess({
		command: 'ffmpeg',
		args: ['-hide_banner', '-nostats', '-i', file, '-af', 'silencedetect=noise=-35dB:d=0.05', '-f', 'null', '-'],
		timeoutMs: 30_000,
	});
	const onsets = [...run.stderr.matchAll(/silence_end: ([\d.]+)/g)].map((m) => Number(m[1]) * 1000);
	// A file that starts with sound has an onset at 0 that silencedetect does not report.
	return onsets;
};

const expectWellFormed = (words: WordTiming[], durationMs: number) => {
	let prevEnd = 0;
	for (const w of words) {
		expect(Number.isFinite(w.startMs) && Number.isFinite(w.endMs)).toBe(true);
		expect(w.startMs).toBeGreaterThanOrEqual(prevEnd);
		expect(w.endMs).toBeGreaterThanOrEqual(w.startMs);
		prevEnd = w.endMs;
	}
	expect(prevEnd).toBeLessThanOrEqual(durationMs);
};

const festival = createFestivalVoice();

// Real Festival, no fakes, never skipped: scripts/setup.sh installs it (README, .ci/run).
describe('festival voice (real Festival)', () => {
	it('is installed (apt-get install festival festvox-us-slt-hts, done by scripts/setup.sh)', async () => {
		expect(await festival.isAvailable()).toEqual({ok: true});
	});

	it('starts every word within 80 ms of its audible onset, after loudness normalisation', async () => {
		// One word per sentence: Festival leaves ~350 ms of silence between utterances. Words start
		// with voiced sounds, so the onset of sound is the onset of the word (a stop would begin silent).
		const text = 'Mary. Lemon. Mellow. Yellow. Morning. Willow. Rainy. Lonely. Woman. Animal. Orange. Many.';
		const result = await synthesizeNarration({text, voice: 'festival', outFile: path.join(dir, 'onsets.mp3')});
		expect(result.audioFile).not.toBeNull();
		expect(result.words.map((w) => w.text)).toEqual(text.split(' '));
		const onsets = await audibleOnsets(result.audioFile!);
		const matched = result.words.map((w) => {
			const errs = onsets.map((o) => Math.abs(o - w.startMs));
			return {index: errs.indexOf(Math.min(...errs)), error: Math.min(...errs)};
		});
		// One onset per word, in order: no two words claim the same burst of sound.
		for (let i = 1; i < matched.length; i++) expect(matched[i]!.index).toBeGreaterThan(matched[i - 1]!.index);
		const errors = matched.map((m) => m.error);
		const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
		console.log(
			`word start vs audible onset: mean ${mean.toFixed(1)} ms, max ${Math.max(...errors).toFixed(1)} ms over ${errors.length} words`,
		);
		for (const e of errors) expect(e).toBeLessThanOrEqual(80);
		expectWellFormed(result.words, result.durationMs);
	});

	it('times a normal sentence in order, inside the audio', async () => {
		const text = 'Volcanoes form where magma rises to the surface, and over thousands of years, layers of ash build a mountain.';
		const started = performance.now();
		const r = await festival.synthesize({text, language: 'en', outFile: path.join(dir, 'sentence.wav')});
		const ms = performance.now() - started;
		console.log(
			`festival: ${(ms / 1000).toFixed(2)} s wall for ${(r.durationMs / 1000).toFixed(2)} s of speech (${(ms / r.durationMs).toFixed(3)} s per s, incl. ~0.2 s start-up)`,
		);
		expect(r.words.map((w) => w.text)).toEqual(tokenizeScript(text).map((t) => t.text));
		expectWellFormed(r.words, r.durationMs);
		expect(r.words[0]!.startMs).toBeGreaterThan(50);
		expect(r.durationMs).toBeGreaterThan(4000);
		expect((await stat(r.audioFile)).size).toBeGreaterThan(r.durationMs * 32 * 2 * 0.9);
	});

	it('maps expanded numbers back to the script tokens', async () => {
		const text = 'In 2026 about 1,200 people came.';
		const r = await festival.synthesize({text, language: 'en', outFile: path.join(dir, 'numbers.wav')});
		expect(r.words.map((w) => w.text)).toEqual(['In', '2026', 'about', '1,200', 'people', 'came.']);
		const len = (i: number) => r.words[i]!.endMs - r.words[i]!.startMs;
		// "twenty twenty six" and "one thousand two hundred" are long; "In" is short.
		expect(len(1)).toBeGreaterThan(2.5 * len(0));
		expect(len(3)).toBeGreaterThan(900);
		expectWellFormed(r.words, r.durationMs);
	});

	it('survives quotes, backslashes, emoji, accents and dashes', async () => {
		const text = 'He said "hi" \\ back\\slash — café naïve 🌋 “smart” ‘quotes’ O’Brien’s ½ 東京 100% done. Second one!';
		const r = await festival.synthesize({text, language: 'en', outFile: path.join(dir, 'nasty.wav')});
		expect(r.words.map((w) => w.text)).toEqual(tokenizeScript(text).map((t) => t.text));
		expectWellFormed(r.words, r.durationMs);
		const cafe = r.words.find((w) => w.text === 'café');
		expect(cafe!.endMs - cafe!.startMs).toBeGreaterThan(150);
	});

	it('gives a short silence, not an error, when nothing is pronounceable', async () => {
		const r = await festival.synthesize({text: '🌋 東京', language: 'en', outFile: path.join(dir, 'none.wav')});
		expect(r.durationMs).toBe(500);
		expect(r.words.map((w) => w.text)).toEqual(tokenizeScript('🌋 東京').map((t) => t.text));
	});

	it('speaks faster at a higher rate, timings following', async () => {
		const text = 'Scientists watch volcanoes closely.';
		const normal = await festival.synthesize({text, language: 'en', outFile: path.join(dir, 'r1.wav')});
		const fast = await festival.synthesize({text, language: 'en', rate: 1.5, outFile: path.join(dir, 'r15.wav')});
		expect(fast.durationMs).toBeLessThan(normal.durationMs * 0.8);
		expect(fast.words.at(-1)!.endMs).toBeLessThan(normal.words.at(-1)!.endMs * 0.8);
	});

	it('reports a missing binary as unavailable, naming the Debian packages', async () => {
		const missing = createFestivalVoice({festivalPath: path.join(dir, 'no-such-festival')});
		const a = await missing.isAvailable();
		expect(a.ok).toBe(false);
		if (!a.ok) expect(a.install).toContain('festvox-us-slt-hts');
		await expect(missing.synthesize({text: 'Hello.', language: 'en', outFile: path.join(dir, 'x.wav')})).rejects.toBeInstanceOf(
			VoiceUnavailableError,
		);
		const noVoice = createFestivalVoice({voice: 'voice_no_such_voice'});
		expect((await noVoice.isAvailable()).ok).toBe(false);
	});

	it('stops Festival on abort', async () => {
		const controller = new AbortController();
		const text = 'A fairly long sentence that takes Festival a little while to say out loud. '.repeat(20);
		const pending = festival.synthesize({text, language: 'en', outFile: path.join(dir, 'abort.wav'), signal: controller.signal});
		setTimeout(() => controller.abort(new Error('stop')), 100);
		await expect(pending).rejects.toThrow('stop');
	});
});
