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

/**
 * Counts syllable nuclei: peaks of the smoothed loudness inside speech, each separated from the
 * previous one by a dip of at least `dipDb` (after de Jong & Wempe's speech-rate measure). Tells
 * how much was said in a recording whose words are unknown.
 */
export const syllableNuclei = (a: SpeechActivity, {dipDb = 2, smoothMs = 25}: {dipDb?: number; smoothMs?: number} = {}): number => {
	const env = a.envelopeDb;
	const k = Math.max(1, Math.round(smoothMs / a.frameMs / 2));
	const smooth = new Float32Array(env.length);
	for (let i = 0; i < env.length; i++) {
		let s = 0;
		let n = 0;
		for (let j = Math.max(0, i - k); j <= Math.min(env.length - 1, i + k); j++, n++) s += env[j]!;
		smooth[i] = s / n;
	}
	let peakDb = -120;
	for (const v of smooth) peakDb = Math.max(peakDb, v);
	let count = 0;
	for (const iv of a.speech) {
		const from = Math.floor(iv.startMs / a.frameMs);
		const to = Math.min(smooth.length, Math.ceil(iv.endMs / a.frameMs));
		// Track the running maximum since the last accepted dip.
		let high = -Infinity;
		let low = Infinity;
		let armed = true;
		for (let f = from; f < to; f++) {
			const v = smooth[f]!;
			if (armed) {
				if (v > high) high = v;
				if (high > peakDb - 30 && v < high - dipDb) {
					count++;
					armed = false;
					low = v;
				}
			} else {
				if (v < low) low = v;
				if (v > low + dipDb) {
					armed = true;
					high = v;
				}
			}
		}
		if (armed && high > peakDb - 30) count++;
	}
	return count;
};

/** Rough syllable count of a text: vowel groups in alphabetic scripts, characters in CJK. */
export const estimateSyllables = (text: string): number => {
	const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
	const latin = text.match(/[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýœ]+/giu)?.length ?? 0;
	// Devanagari: consonants carry an inherent vowel unless a virama (U+094D) follows.
	const deva = (text.match(/[\u0915-\u0939\u0958-\u095f\u0905-\u0914]/gu)?.length ?? 0) - (text.match(/\u094d/gu)?.length ?? 0);
	// Arabic is written without most vowels: about one syllable per two letters.
	const arabic = Math.round((text.match(/\p{Script=Arabic}/gu)?.length ?? 0) / 2);
	return Math.max(1, cjk + latin + Math.max(0, deva) + arabic);
};
