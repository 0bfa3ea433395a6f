import type {VoiceProvider} from '../../src/pipeline/voice';
import {writeWav} from '../../src/pipeline/voice/wav-file';

/**
 * A test voice that speaks a 300 Hz tone per word (a real 16 kHz WAV: words 300 ms apart, the
 * first at 100 ms, 200 ms of tail) and counts its calls; `overrides` replace any field.
 */
export const toneVoice = (overrides: Partial<VoiceProvider> = {}) => {
	const calls = {synthesize: 0};
	const provider: VoiceProvider = {
		id: 'fake',
		name: 'Fake',
		languages: ['en'],
		voice: 'tone',
		isAvailable: async () => ({ok: true}),
		synthesize: async ({text, outFile}) => {
			calls.synthesize++;
			const words = text
				.split(/\s+/)
				.filter(Boolean)
				.map((w, i) => ({text: w, startMs: 100 + i * 300, endMs: 350 + i * 300}));
			const rate = 16_000;
			const samples = new Int16Array(Math.round((rate * (words.length * 300 + 200)) / 1000));
			for (const w of words) {
				for (let i = Math.round((w.startMs * rate) / 1000); i < Math.round((w.endMs * rate) / 1000); i++) {
					samples[i] = Math.round(3000 * Math.sin((2 * Math.PI * 300 * i) / rate));
				}
			}
			await writeWav(outFile, {sampleRate: rate, channels: 1, bitsPerSample: 16, data: Buffer.from(samples.buffer)});
			return {audioFile: outFile, durationMs: words.length * 300 + 200, words};
		},
		...overrides,
	};
	return {provider, calls};
};
