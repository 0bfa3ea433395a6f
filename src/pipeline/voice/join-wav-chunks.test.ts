import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {joinWavChunks} from './join-wav-chunks';
import {readWav, wavDurationMs, type PcmWav} from './wav-file';

const dir = mkdtempSync(join(tmpdir(), 'promptreel-join-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** `ms` of a constant 16-bit mono signal, so the joined file shows which chunk each sample came from. */
const tone = (ms: number, value: number, sampleRate = 16_000): PcmWav => {
	const data = Buffer.alloc(Math.round((sampleRate * ms) / 1000) * 2);
	for (let i = 0; i < data.length; i += 2) data.writeInt16LE(value, i);
	return {sampleRate, channels: 1, bitsPerSample: 16, data};
};
const silenceFormat = {sampleRate: 22_050, channels: 1, bitsPerSample: 16};
const formatError = () => new Error('different formats');

describe('joinWavChunks', () => {
	it("writes the chunks in order and moves each chunk's words by the audio before it", async () => {
		const outFile = join(dir, 'joined.wav');
		const result = await joinWavChunks({
			outFile,
			silenceFormat,
			formatError,
			chunks: [
				{
					wav: tone(1000, 100),
					texts: ['Hello', 'there.'],
					spans: [
						{startMs: 100, endMs: 400},
						{startMs: 450, endMs: 900},
					],
				},
				{wav: null, texts: ['🌋'], spans: []},
				{wav: tone(500, 200), texts: ['Lava', 'skipped'], spans: [{startMs: 50.4, endMs: 300.6}, null]},
			],
		});
		expect(result.durationMs).toBe(1500);
		expect(result.words).toEqual([
			{text: 'Hello', startMs: 100, endMs: 400},
			{text: 'there.', startMs: 450, endMs: 900},
			{text: '🌋', startMs: 1000, endMs: 1000},
			{text: 'Lava', startMs: 1050, endMs: 1301},
		]);
		const wav = await readWav(outFile);
		expect(wav.sampleRate).toBe(16_000);
		expect(wavDurationMs(wav)).toBe(1500);
		expect(wav.data.readInt16LE(0)).toBe(100);
		expect(wav.data.readInt16LE(16_000 * 2)).toBe(200);
	});

	it('writes half a second of silence when no chunk has audio', async () => {
		const outFile = join(dir, 'silent.wav');
		const result = await joinWavChunks({outFile, silenceFormat, formatError, chunks: [{wav: null, texts: ['🔥'], spans: []}]});
		expect(result).toEqual({audioFile: outFile, durationMs: 500, words: [{text: '🔥', startMs: 0, endMs: 0}]});
		const wav = await readWav(outFile);
		expect(wav.sampleRate).toBe(22_050);
		expect(Math.round(wavDurationMs(wav))).toBe(500);
		expect(wav.data.every((b) => b === 0)).toBe(true);
	});

	it("refuses chunks in different wav formats with the engine's error", async () => {
		const chunks = [
			{wav: tone(200, 1, 16_000), texts: ['a'], spans: [{startMs: 0, endMs: 100}]},
			{wav: tone(200, 1, 22_050), texts: ['b'], spans: [{startMs: 0, endMs: 100}]},
		];
		await expect(joinWavChunks({outFile: join(dir, 'mixed.wav'), silenceFormat, formatError, chunks})).rejects.toThrow('different formats');
	});
});
