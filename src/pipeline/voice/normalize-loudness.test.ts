import {mkdtemp, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {measureLoudness} from './measure-loudness';
import {normalizeLoudness} from './normalize-loudness';
import {runProcess} from './run-process';
import {readWav, wavDurationMs, writeWav} from './wav-file';

let dir: string;
let quiet: string;

/** 0.5 s silence, then three quiet 300 ms tone bursts 400 ms apart, at 32 kHz like Festival. */
const toneBursts = async (file: string, amplitude: number) => {
	const rate = 32_000;
	const samples = new Int16Array(rate * 2);
	for (const startMs of [500, 900, 1300]) {
		for (let i = 0; i < rate * 0.3; i++) {
			const t = i / rate;
			samples[Math.round((startMs / 1000) * rate) + i] = Math.round(
				amplitude * 32767 * Math.sin(2 * Math.PI * 220 * t) * (0.6 + 0.4 * Math.sin(2 * Math.PI * 3 * t)),
			);
		}
	}
	await writeWav(file, {sampleRate: rate, channels: 1, bitsPerSample: 16, data: Buffer.from(samples.buffer)});
};

const onsets = async (file: string) => {
	const run = await runProcess({
		command: 'ffmpeg',
		args: ['-hide_banner', '-nostats', '-i', file, '-af', 'silencedetect=noise=-40dB:d=0.05', '-f', 'null', '-'],
		timeoutMs: 30_000,
	});
	return [...run.stderr.matchAll(/silence_end: ([\d.]+)/g)].map((m) => Number(m[1]) * 1000);
};

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'promptreel-loudness-test-'));
	quiet = path.join(dir, 'quiet.wav');
	await toneBursts(quiet, 0.05);
});
afterAll(async () => {
	await rm(dir, {recursive: true, force: true});
});

describe('normalizeLoudness', () => {
	it.each(['.mp3', '.wav'])('brings quiet audio to -16 LUFS without moving it in time (%s)', async (ext) => {
		const out = path.join(dir, `loud${ext}`);
		const r = await normalizeLoudness({inputFile: quiet, outputFile: out});
		const measured = await measureLoudness({file: out});
		console.log(
			`${ext}: input ${r.inputLufs?.toFixed(1)} LUFS -> output ${measured.integratedLufs?.toFixed(2)} LUFS, true peak ${measured.truePeakDb?.toFixed(2)} dBTP, gain ${r.gainDb.toFixed(1)} dB, ${(await stat(out)).size} bytes`,
		);
		expect(r.warnings).toEqual([]);
		expect(r.inputLufs!).toBeLessThan(-30);
		expect(Math.abs(measured.integratedLufs! + 16)).toBeLessThanOrEqual(1.5);
		expect(measured.truePeakDb!).toBeLessThanOrEqual(-0.5);
		const before = await onsets(quiet);
		const after = await onsets(out);
		expect(after.length).toBe(before.length);
		after.forEach((a, i) => expect(Math.abs(a - before[i]!)).toBeLessThan(10));
		if (ext === '.wav') {
			const wav = await readWav(out);
			expect(wav.sampleRate).toBe(48_000);
			expect(wav.channels).toBe(1);
			expect(Math.abs(wavDurationMs(wav) - 2000)).toBeLessThan(5);
		}
	});

	it('limits peaks when the gain would clip', async () => {
		const spiky = path.join(dir, 'spiky.wav');
		const wav = await readWav(quiet);
		const data = Buffer.from(wav.data);
		data.writeInt16LE(32000, 2 * 20_000); // one full-scale click inside the first burst
		await writeWav(spiky, {...wav, data});
		const out = path.join(dir, 'spiky.mp3');
		await normalizeLoudness({inputFile: spiky, outputFile: out});
		const m = await measureLoudness({file: out});
		expect(Math.abs(m.integratedLufs! + 16)).toBeLessThanOrEqual(1.5);
		expect(m.truePeakDb!).toBeLessThanOrEqual(0);
	});

	it('leaves silence alone with a warning', async () => {
		const silence = path.join(dir, 'silence.wav');
		await writeWav(silence, {sampleRate: 32_000, channels: 1, bitsPerSample: 16, data: Buffer.alloc(32_000 * 2)});
		const r = await normalizeLoudness({inputFile: silence, outputFile: path.join(dir, 'silence.mp3')});
		expect(r.inputLufs).toBeNull();
		expect(r.warnings[0]).toContain('silent');
		expect((await stat(r.outputFile)).size).toBeGreaterThan(0);
	});

	it('keeps the audio, as wav, with a warning when ffmpeg is missing', async () => {
		const r = await normalizeLoudness({inputFile: quiet, outputFile: path.join(dir, 'nf.mp3'), ffmpegPath: path.join(dir, 'no-ffmpeg')});
		expect(r.outputFile).toBe(path.join(dir, 'nf.wav'));
		expect(r.warnings[0]).toContain('apt-get install ffmpeg');
		expect((await stat(r.outputFile)).size).toBeGreaterThan(1000);
	});
});
