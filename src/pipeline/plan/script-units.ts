import {countWords, splitSentences, wordTokens} from './text-tokens';

/** A piece of narration that is never split across scenes: a sentence, or a clause of a long one. */
export type ScriptUnit = {text: string; words: number; paragraph: number};

/** Sentences longer than this are cut at clauses (or, lacking punctuation, every ~20 words). */
const MAX_UNIT_WORDS = 30;
const TARGET_PIECE_WORDS = 20;
const MIN_PIECE_WORDS = 8;
const clausePunctuation = /[,;:、，；：—–)]/u;

const splitLongSentence = (sentence: string, language: string): string[] => {
	const tokens = wordTokens(sentence, language);
	if (tokens.length <= MAX_UNIT_WORDS) return [sentence];
	const pieces: string[] = [];
	let from = 0;
	let count = 0;
	for (let i = 0; i < tokens.length - 1; i++) {
		count++;
		const next = tokens[i + 1]!;
		const atClause = clausePunctuation.test(sentence.slice(tokens[i]!.end, next.start));
		const remaining = tokens.length - 1 - i;
		if ((atClause && count >= MIN_PIECE_WORDS) || count >= TARGET_PIECE_WORDS + 5) {
			if (remaining < MIN_PIECE_WORDS) break;
			pieces.push(sentence.slice(from, next.start).trim());
			from = next.start;
			count = 0;
		}
	}
	pieces.push(sentence.slice(from).trim());
	return pieces.filter((p) => p !== '');
};

/**
 * Joins hard-wrapped lines ("...molten\nrock...") but keeps a line break where a heading-like line
 * without final punctuation ends, so the sentence splitter sees it as a boundary.
 */
const unwrap = (paragraph: string): string =>
	paragraph
		.split('\n')
		.map((l) => l.trim())
		.filter((l) => l !== '')
		.reduce((acc, line) => {
			if (acc === '') return line;
			const wrapped = /\p{Ll}/u.test(line[0]!) && !/[.!?。！？:]$/u.test(acc);
			return wrapped ? `${acc} ${line}` : `${acc}\n${line}`;
		}, '');

/** The prompt as narration units, in order, with paragraph numbers for grouping. */
export const scriptUnits = (text: string, language: string): ScriptUnit[] => {
	const units: ScriptUnit[] = [];
	text.split(/\n\s*\n/).forEach((para, paragraph) => {
		for (const sentence of splitSentences(unwrap(para), language)) {
			for (const piece of splitLongSentence(sentence, language)) {
				const words = countWords(piece, language);
				const prev = units[units.length - 1];
				// An emoji-only or punctuation-only "sentence" belongs to the one before it.
				if (words === 0 && prev) prev.text = `${prev.text} ${piece}`;
				else units.push({text: piece, words, paragraph});
			}
		}
	});
	return units;
};
