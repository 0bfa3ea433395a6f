import {columnsOf} from './caption-pages';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * The factor (<= 1) a text's font size is scaled by so its words fit in `maxLines` lines of
 * `lineColumns` columns (a CJK character takes two; see columnsOf): a word wider than a line (a long
 * German compound) would else break inside itself, and too many words would take more lines than
 * the layout keeps free. An estimate by columns, with a margin for wide glyphs; never below
 * `minScale`. CJK text breaks between its characters, so only its length counts.
 */
export const fitLinesScale = (o: {words: readonly string[]; lineColumns: number; maxLines: number; minScale?: number}): number => {
	const words = o.words.map((w) => w.trim()).filter((w) => w.length > 0);
	if (words.length === 0) return 1;
	const longest = Math.max(...words.map((w) => (CJK.test(w) ? 2 : columnsOf(w))));
	// Words and the spaces between them; greedy wrapping leaves a line partly empty, hence the margin.
	const total = words.reduce((n, w) => n + columnsOf(w), 0) + words.length - 1;
	const byWord = longest > o.lineColumns ? (0.92 * o.lineColumns) / longest : 1;
	const byTotal = total > o.maxLines * o.lineColumns ? (0.85 * o.maxLines * o.lineColumns) / total : 1;
	return Math.max(o.minScale ?? 0.5, Math.min(1, byWord, byTotal));
};
