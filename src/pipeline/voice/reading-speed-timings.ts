import {tokenizeScript} from './tokenize-script';
import type {WordTiming} from './voice-provider';

export type ReadingSpeedOptions = {
	text: string;
	language?: string;
	/** Default 180 words per minute, the pace of a calm narrator. */
	wordsPerMinute?: number;
	/** Speed factor like a voice's rate: 1.25 reads 25% faster. Default 1. */
	rate?: number;
};

const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const SENTENCE_END = /[.!?…。！？]["'”’»)\]]*$/u;
const CLAUSE_END = /[,;:、，；：—–-]["'”’»)\]]*$/u;

/**
 * Word timings at a reading pace, for silent videos (`--voice none`) or when no speech engine is
 * installed: long words take longer, and sentences and clauses leave a pause, so captions still
 * move like speech. Same shape as a voice's timings.
 */
export const readingSpeedTimings = (opts: ReadingSpeedOptions): {durationMs: number; words: WordTiming[]} => {
	const msPerWord = 60_000 / (opts.wordsPerMinute ?? 180) / (opts.rate ?? 1);
	const words: WordTiming[] = [];
	let cursor = 0;
	for (const token of tokenizeScript(opts.text, opts.language ?? 'en')) {
		const letters = Math.max(1, [...token.key].length);
		const typical = SPACELESS.test(token.key) ? 2 : 5;
		const weight = 0.45 + 0.55 * (Math.min(letters, 3 * typical) / typical);
		const endMs = Math.round(cursor + msPerWord * weight);
		words.push({text: token.text, startMs: Math.round(cursor), endMs});
		cursor = endMs + (SENTENCE_END.test(token.text) ? 1.35 * msPerWord : CLAUSE_END.test(token.text) ? 0.6 * msPerWord : 0);
	}
	const last = words[words.length - 1];
	return {durationMs: last ? last.endMs + Math.round(0.6 * msPerWord) : 0, words};
};
