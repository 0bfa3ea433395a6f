import type {PcmWav} from './wav-file';

export type Interval = {startMs: number; endMs: number};

export type SpeechActivity = {
	/** Stretches of sound, in order, separated by silences of at least `minSilenceMs`. */
	speech: Interval[];
	/** Loudness per frame in dBFS (frame = `frameMs`), for finding dips between words. */
	envelopeDb: Float32Array;
	frameMs: number;
	durationMs: number;
};

export type SpeechActivityOptions = {
	/** Analysis frame, default 5 ms. */
	frameMs?: number;
	/** A frame is silent below peak minus this many dB (default 40) or below -60 dBFS. */
	silenceBelowPeakDb?: number;
	/** Shorter quiet stretches (stop closures inside words) do not split speech. Default 110 ms. */
	minSilenceMs?: number;
};

/** Mono loudness envelope of 16-bit PCM, in dBFS per frame. */
export const loudnessEnvelope = (wav: PcmWav, frameMs = 5): Float32Array => {
	if (wav.bitsPerSample !== 16) throw new Error(`Only 16-bit PCM is analysed, got ${wav.bitsPerSample}-bit.`);
	const frameSamples = Math.max(1, Math.round((wav.sampleRate * frameMs) / 1000));
	const samples = wav.data.length / 2 / wav.channels;
	const frames = Math.ceil(samples / frameSamples);
	const env = new Float32Array(frames);
	for (let f = 0; f < frames; f++) {
		let sum = 0;
		const from = f * frameSamples;
		const to = Math.min(samples, from + frameSamples);
		for (let s = from; s < to; s++) {
			// Channel 0 is enough for speech.
			const v = wav.data.readInt16LE(s * 2 * wav.channels) / 32768;
			sum += v * v;
		}
		env[f] = 10 * Math.log10(sum / Math.max(1, to - from) + 1e-12);
	}
	return env;
};

/**
 * Where there is sound in a recording: a loudness envelope thresholded relative to its peak,
 * with short quiet stretches (closures of stop consonants) kept inside the speech around them.
 * The same job as ffmpeg's silencedetect, on samples we already hold.
 */
export const speechActivity = (wav: PcmWav, options: SpeechActivityOptions = {}): SpeechActivity => {
	const frameMs = options.frameMs ?? 5;
	const env = loudnessEnvelope(wav, frameMs);
	const durationMs = (wav.data.length / 2 / wav.channels / wav.sampleRate) * 1000;
	let peak = -120;
	for (const v of env) peak = Math.max(peak, v);
	const threshold = Math.max(-60, peak - (options.silenceBelowPeakDb ?? 40));
	const minSilenceFrames = Math.round((options.minSilenceMs ?? 110) / frameMs);
	const speech: Interval[] = [];
	let start = -1;
	let quiet = 0;
	for (let f = 0; f <= env.length; f++) {
		const loud = f < env.length && (env[f] ?? -120) >= threshold;
		if (loud) {
			if (start < 0) start = f;
			quiet = 0;
			continue;
		}
		if (start < 0) continue;
		quiet++;
		if (quiet >= minSilenceFrames || f === env.length) {
			const end = f - quiet + 1;
			speech.push({startMs: start * frameMs, endMs: Math.min(durationMs, end * frameMs)});
			start = -1;
			quiet = 0;
		}
	}
	return {speech, envelopeDb: env, frameMs, durationMs};
};
