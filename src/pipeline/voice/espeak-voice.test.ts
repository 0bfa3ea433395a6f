import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {oracleAvailable, oracleWords} from '../../../test/support/espeak-oracle';
import {LANGUAGE_SAMPLES} from '../language/language-samples';
import {createEspeakVoice, espeakVoiceFor} from './espeak-voice';
import {speechActivity} from './speech-activity';
import {tokenizeScript} from './tokenize-script';
import {readWav} from './wav-file';

const dir = mkdtempSync(join(tmpdir(), 'promptreel-espeak-test-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
const voice = createEspeakVoice();
const WPM = 165;
const sentences = (text: string, language: string) =>
	[...new Intl.Segmenter(language, {granularity: 'sentence'}).segment(text)].map((s) => s.segment.trim()).filter(Boolean);

// Every language espeak-ng speaks for us (Japanese has no offline voice).
const SPOKEN = Object.keys(LANGUAGE_SAMPLES).filter((l) => l !== 'ja');
const measured: Record<string, {n: number; meanMs: number; maxMs: number}> = {};

describe('espeak-ng voice (separate process, real audio)', () => {
	it('is available here', async () => {
		expect(await voice.isAvailable()).toEqual({ok: true});
	});

	it.each(SPOKEN)('times every %s word inside the audio, in order, starting at the speech', async (language) => {
		const text = LANGUAGE_SAMPLES[language]!;
		const r = await voice.synthesize({text, language, outFile: join(dir, `${language}.wav`)});
		const tokens = tokenizeScript(text, language);
		expect(r.words.map((w) => w.text)).toEqual(tokens.map((t) => t.text));
		const wav = await readWav(r.audioFile);
		const activity = speechActivity(wav);
		let prev = 0;
		for (const w of r.words) {
			expect(w.startMs).toBeGreaterThanOrEqual(prev);
			expect(w.endMs).toBeGreaterThan(w.startMs);
			prev = w.endMs;
		}
		expect(prev).toBeLessThanOrEqual(r.durationMs);
		// The first word starts with the first sound (silencedetect-style onset), within 20 ms.
		expect(Math.abs(r.words[0]!.startMs - activity.speech[0]!.startMs)).toBeLessThanOrEqual(20);
		// A sentence's first word starts at a speech onset after a pause.
		const second = tokens.findIndex((t, i) => i > 0 && /[.。।]$/u.test(tokens[i - 1]!.text));
		if (second > 0) {
			const onset = activity.speech.find((s) => s.startMs >= r.words[second - 1]!.endMs - 1);
			expect(Math.abs(r.words[second]!.startMs - (onset?.startMs ?? -1))).toBeLessThanOrEqual(20);
		}
	});

	// espeak-ng's internal word events (read by a separate python3 process through libespeak-ng)
	// are the reference: how far are our word starts, found from the audio alone?
	it('has the timing oracle (python3 + libespeak-ng1, installed by scripts/setup.sh)', () => {
		expect(oracleAvailable()).toBe(true);
	});

	it.each(SPOKEN)("word starts in %s are within 80 ms of espeak-ng's own word events", async (language) => {
		const errors: number[] = [];
		for (const [k, text] of sentences(LANGUAGE_SAMPLES[language]!, language).entries()) {
			const r = await voice.synthesize({text, language, outFile: join(dir, `${language}-${k}.wav`)});
			const oracle = await oracleWords({voice: espeakVoiceFor(language)!, wpm: WPM, text, dir});
			tokenizeScript(text, language).forEach((t, i) => {
				const from = [...text.slice(0, t.start)].length;
				const to = [...text.slice(0, t.end)].length;
				const event = oracle.find((w) => w.char >= from && w.char < to);
				const word = r.words[i];
				if (event && word) errors.push(Math.abs(event.onsetMs - word.startMs));
			});
		}
		const meanMs = Math.round(errors.reduce((a, b) => a + b, 0) / errors.length);
		const maxMs = Math.max(...errors);
		measured[language] = {n: errors.length, meanMs, maxMs};
		expect(errors.length).toBeGreaterThan(5);
		expect(meanMs).toBeLessThanOrEqual(40);
		expect(maxMs).toBeLessThanOrEqual(80);
	});

	it('speaks a mixed-script line (English words in Chinese) without failing', async () => {
		const r = await voice.synthesize({text: '我们用Python写程序，然后在Linux上运行。', language: 'zh', outFile: join(dir, 'mixed.wav')});
		expect(r.words.length).toBeGreaterThan(4);
		expect(r.durationMs).toBeGreaterThan(500);
	});

	it('speaks faster at a higher rate', async () => {
		const slow = await voice.synthesize({text: LANGUAGE_SAMPLES.de!, language: 'de', rate: 0.8, outFile: join(dir, 'slow.wav')});
		const fast = await voice.synthesize({text: LANGUAGE_SAMPLES.de!, language: 'de', rate: 1.5, outFile: join(dir, 'fast.wav')});
		expect(fast.durationMs).toBeLessThan(slow.durationMs * 0.75);
	});

	it('maps BCP 47 tags to espeak-ng voices', () => {
		expect(espeakVoiceFor('pt-PT')).toBe('pt');
		expect(espeakVoiceFor('pt-BR')).toBe('pt-br');
		expect(espeakVoiceFor('zh-CN')).toBe('cmn-latn-pinyin');
		expect(espeakVoiceFor('ja')).toBeNull();
	});

	afterAll(() => {
		if (Object.keys(measured).length > 0) {
			process.stderr.write(
				`[espeak timing] word start error vs espeak-ng events: ${Object.entries(measured)
					.map(([l, m]) => `${l} mean ${m.meanMs} ms max ${m.maxMs} ms (n=${m.n})`)
					.join('; ')}\n`,
			);
		}
	});
});
