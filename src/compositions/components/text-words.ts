import {isSpacelessLanguage} from '../storyboard';
import type {FitWord} from './fit-words';

/**
 * A line of text split into the words it may wrap between: at spaces, or, in languages written
 * without spaces (Japanese, Chinese, Thai), at Intl.Segmenter word boundaries, with punctuation
 * kept on the word before it (a line never starts with "、" or "。").
 */
export const textWords = (text: string, language: string): FitWord[] => {
	const trimmed = text.trim();
	if (!trimmed) return [];
	if (!isSpacelessLanguage(language)) return trimmed.split(/\s+/).map((word, i) => ({word, space: i > 0}));
	const words: FitWord[] = [];
	for (const s of new Intl.Segmenter(language, {granularity: 'word'}).segment(trimmed)) {
		const piece = s.segment.trim();
		const last = words[words.length - 1];
		if (!piece) {
			// A space inside CJK text (e.g. around a Latin word) is kept as a space before the next word.
			continue;
		}
		if (!s.isWordLike && last) last.word += piece;
		else words.push({word: piece, space: last !== undefined && /\s$/.test(trimmed.slice(0, s.index))});
	}
	return words;
};
