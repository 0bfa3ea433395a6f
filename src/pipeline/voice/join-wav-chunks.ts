import type {WordTiming} from './voice-provider';
import {wavDurationMs, writeWav, type PcmWav} from './wav-file';

/** One utterance of an offline engine: its audio, its words and their times from the utterance's start. */
export type SpokenChunk = {
	/** Null when the engine had nothing to say for it (e.g. only emoji): its words keep zero length. */
	wav: PcmWav | null;
	/** The words as written in the script. */
	texts: readonly string[];
	/** Each word's time in the utterance; a word without one (the engine skipped it) is left out. */
	spans: readonly ({startMs: number; endMs: number} | null | undefined)[];
};

export type JoinWavChunksOptions = {
	chunks: readonly SpokenChunk[];
	outFile: string;
	/** Format of the half second of silence written when no chunk has audio. */
	silenceFormat: Omit<PcmWav, 'data'>;
	/** The error to throw when chunks come out in different wav formats (names the engine). */
	formatError: () => Error;
};

const SILENCE_MS = 500;

const sameFormat = (a: Omit<PcmWav, 'data'>, b: Omit<PcmWav, 'data'>) =>
	a.sampleRate === b.sampleRate && a.channels === b.channels && a.bitsPerSample === b.bitsPerSample;

/**
 * Writes the utterances of one narration one after another as one wav file (Festival and espeak-ng
 * speak a sentence per utterance) and moves each chunk's words by the audio before it. With no
 * audio at all (nothing the engine could pronounce) it writes half a second of silence instead of
 * failing, so a scene still gets its captions.
 */
export const joinWavChunks = async (o: JoinWavChunksOptions): Promise<{audioFile: string; durationMs: number; words: WordTiming[]}> => {
	const parts: PcmWav[] = [];
	const words: WordTiming[] = [];
	let offsetMs = 0;
	for (const chunk of o.chunks) {
		const at = Math.round(offsetMs);
		if (!chunk.wav) {
			for (const text of chunk.texts) words.push({text, startMs: at, endMs: at});
			continue;
		}
		chunk.texts.forEach((text, i) => {
			const s = chunk.spans[i];
			if (s) words.push({text, startMs: Math.round(offsetMs + s.startMs), endMs: Math.round(offsetMs + s.endMs)});
		});
		if (parts[0] && !sameFormat(parts[0], chunk.wav)) throw o.formatError();
		parts.push(chunk.wav);
		offsetMs += wavDurationMs(chunk.wav);
	}
	const format = parts[0] ?? o.silenceFormat;
	const data =
		parts.length === 0
			? Buffer.alloc(Math.round(format.sampleRate * format.channels * (format.bitsPerSample / 8) * (SILENCE_MS / 1000)))
			: Buffer.concat(parts.map((p) => p.data));
	await writeWav(o.outFile, {sampleRate: format.sampleRate, channels: format.channels, bitsPerSample: format.bitsPerSample, data});
	return {audioFile: o.outFile, durationMs: Math.round(parts.length === 0 ? SILENCE_MS : offsetMs), words};
};
