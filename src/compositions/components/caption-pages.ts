/**
 * Caption pages and lines from timed words, shared by the on-screen captions and the SRT/VTT
 * cues. Pure and browser-safe. A page ends at every sentence end (also `।`, `؟`, `。`, `！`, `？`),
 * breaks inside a sentence where reading pauses (after a comma, never before a one-character
 * Chinese or Japanese word such as 年 or が, nor after a prefix such as お), and a page shorter
 * than `minPageMs` joins the page before it (or stays up that long). Words arrive already segmented (Intl.Segmenter words), so no word is ever split.
 */

export type TimedWord = {text: string; startMs: number; endMs: number};
export type CaptionPage<W extends TimedWord = TimedWord> = {startMs: number; endMs: number; words: W[]};

export type CaptionPageOptions = {
	/** Width of a page in columns (a CJK character takes two): about two lines. */
	maxColumns?: number;
	/** A page never lasts longer than this, in ms. */
	maxPageMs?: number;
	/** A page shorter than this, in ms, joins a neighbour (one-word flashes are unreadable). */
	minPageMs?: number;
	/** A silence longer than this, in ms, is a good place for a new page; twice as long always starts one. */
	breakOnGapMs?: number;
	/** When set, a page must also fit in `maxLines` lines of this many columns (subtitle cues). */
	lineColumns?: number;
	maxLines?: number;
};

type Resolved = Required<Omit<CaptionPageOptions, 'lineColumns'>> & {lineColumns: number | null};
const DEFAULTS: Resolved = {maxColumns: 42, maxPageMs: 3200, minPageMs: 800, breakOnGapMs: 700, lineColumns: null, maxLines: 2};

/** Sentence-final marks in the scripts we caption, optionally followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?…。！？।॥؟][\]"'”’)»」』]*$/u;
/** Where a reader pauses inside a sentence. */
const CLAUSE_END = /[,;:，、；：—–][\]"'”’)»」』]*$/u;
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6\u30fc]/u;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

export const isSentenceEnd = (text: string): boolean => SENTENCE_END.test(text.trim());

/** Columns a text takes on screen: code points, two for each wide (CJK) one. */
export const columnsOf = (text: string): number => {
	let n = 0;
	for (const ch of text.trim()) if (!/\p{M}/u.test(ch)) n += WIDE.test(ch) ? 2 : 1;
	return n;
};

/** Columns of words shown together: a space between words, none beside a CJK character. */
export const joinedColumns = (texts: readonly string[]): number => {
	let n = 0;
	texts.forEach((raw, i) => {
		const t = raw.trim();
		n += columnsOf(t);
		const prev = texts[i - 1]?.trim();
		if (prev && !CJK_CHAR.test(prev.slice(-1)) && !CJK_CHAR.test(t.slice(0, 1))) n += 1;
	});
	return n;
};

/** How many lines of `lineColumns` the words take, filled greedily. */
const lineCount = (texts: readonly string[], lineColumns: number): number => {
	let lines = 1;
	let from = 0;
	for (let i = 1; i < texts.length; i++) {
		if (joinedColumns(texts.slice(from, i + 1)) > lineColumns) {
			lines++;
			from = i;
		}
	}
	return lines;
};

const bare = (text: string): string => text.trim().replace(/[\p{P}\p{S}]/gu, '');
/** Honorific prefixes that belong to the word after them (お花見, ご飯). */
const PREFIX = /^[おご御]$/u;
/**
 * A one-character CJK word after another word (年 of 几千年, a particle が or 的) belongs with
 * the word before it: a break before it splits a phrase. A prefix belongs with the word after it.
 */
const clingsBack = (text: string): boolean => {
	const t = bare(text);
	return [...t].length === 1 && CJK_CHAR.test(t) && !PREFIX.test(t);
};

/** How bad a break is after word `i` (lower is better). */
export const breakCost = (words: readonly {text: string}[], i: number): number => {
	const here = words[i]!.text.trim();
	const next = words[i + 1]?.text.trim() ?? '';
	if (CLAUSE_END.test(here)) return 0;
	let cost = 2;
	if (clingsBack(next) || PREFIX.test(bare(here))) cost += 6;
	// Before a short function word ("by hand", "in the sun") a phrase has just ended.
	if (/^\p{Ll}{1,3}$/u.test(next) && /^\p{Script=Latin}+$/u.test(next)) cost -= 1;
	return cost;
};

/** Splits one sentence into pages that fit, choosing the cheapest breaks (dynamic programming). */
const splitSentence = <W extends TimedWord>(words: W[], o: Resolved): W[][] => {
	const n = words.length;
	const fits = (a: number, b: number): boolean => {
		const slice = words.slice(a, b);
		const texts = slice.map((w) => w.text);
		const ms = slice[slice.length - 1]!.endMs - slice[0]!.startMs;
		if (b - a === 1) return true;
		if (joinedColumns(texts) > o.maxColumns || ms > o.maxPageMs) return false;
		return o.lineColumns === null || lineCount(texts, o.lineColumns) <= o.maxLines;
	};
	// best[i]: cheapest way to page the first i words; each page also costs a little, and a short one more.
	const best: number[] = [0];
	const from: number[] = [0];
	for (let b = 1; b <= n; b++) {
		best[b] = Infinity;
		for (let a = b - 1; a >= 0; a--) {
			if (!fits(a, b)) break;
			const short = words[b - 1]!.endMs - words[a]!.startMs < o.minPageMs ? 4 : 0;
			const gap = b < n && words[b]!.startMs - words[b - 1]!.endMs > o.breakOnGapMs ? -1.5 : 0;
			const c = best[a]! + 1 + short + (b < n ? breakCost(words, b - 1) + gap : 0);
			if (c < best[b]!) {
				best[b] = c;
				from[b] = a;
			}
		}
	}
	const pages: W[][] = [];
	for (let b = n; b > 0; b = from[b]!) pages.unshift(words.slice(from[b]!, b));
	return pages;
};

/**
 * Groups timed words into caption pages: sentence ends always end a page, long sentences are
 * split at their cheapest breaks, and a page under `minPageMs` joins a neighbour in its sentence
 * (or, for a one-page sentence, the previous page when both fit on screen).
 */
export const captionPages = <W extends TimedWord>(words: readonly W[], options: CaptionPageOptions = {}): CaptionPage<W>[] => {
	const o: Resolved = {...DEFAULTS, ...options, lineColumns: options.lineColumns ?? null};
	const spoken = words.filter((w) => w.text.trim() !== '');
	const sentences: W[][] = [];
	let current: W[] = [];
	const gapAfter = (w: W | undefined, next: W | undefined) => (w && next ? next.startMs - w.endMs : 0);
	for (const [i, w] of spoken.entries()) {
		current.push(w);
		// A long silence ends a page like a sentence end does.
		if (isSentenceEnd(w.text) || gapAfter(w, spoken[i + 1]) > o.breakOnGapMs * 2) {
			sentences.push(current);
			current = [];
		}
	}
	if (current.length > 0) sentences.push(current);

	const pages: W[][] = [];
	for (const sentence of sentences) {
		const parts = splitSentence(sentence, o);
		// Short pages inside a sentence join the shorter neighbour.
		for (let i = 0; i < parts.length && parts.length > 1; ) {
			const p = parts[i]!;
			if (p[p.length - 1]!.endMs - p[0]!.startMs >= o.minPageMs) {
				i++;
				continue;
			}
			const prev = parts[i - 1];
			const next = parts[i + 1];
			const intoPrev = prev && (!next || prev.length <= next.length);
			if (intoPrev) parts.splice(i - 1, 2, [...prev, ...p]);
			else parts.splice(i, 2, [...p, ...next!]);
		}
		pages.push(...parts);
	}
	// A whole sentence shorter than minPageMs ("Yes.") joins the page before it when they fit
	// together and no pause separates them; the joined page still ends at a sentence end. Never
	// the page after it: that page would run across the sentence end ("seeds. The wet beans").
	const joinable = (a: W[], b: W[]) =>
		gapAfter(a[a.length - 1], b[0]) <= o.breakOnGapMs &&
		isSentenceEnd(b[b.length - 1]!.text) &&
		joinedColumns([...a, ...b].map((w) => w.text)) <= o.maxColumns * 1.25;
	for (let i = 1; i < pages.length; i++) {
		const p = pages[i]!;
		const prev = pages[i - 1]!;
		if (p[p.length - 1]!.endMs - p[0]!.startMs < o.minPageMs && joinable(prev, p)) {
			pages.splice(i - 1, 2, [...prev, ...p]);
			i--;
		}
	}
	// A page still shorter than minPageMs stays up that long, unless the next page starts sooner.
	return pages.map((ws, i) => {
		const startMs = ws[0]!.startMs;
		const last = ws[ws.length - 1]!.endMs;
		const nextStart = pages[i + 1]?.[0]?.startMs ?? Infinity;
		return {startMs, endMs: Math.max(last, Math.min(startMs + o.minPageMs, nextStart)), words: ws};
	});
};

/**
 * Breaks a page's words into at most `maxLines` lines of about even width, at the cheapest
 * breaks (after a comma, never beside a one-character CJK word); returns word index groups.
 */
export const captionLines = (words: readonly {text: string}[], maxColumns: number, maxLines = 2): number[][] => {
	const n = words.length;
	const width = (a: number, b: number) => joinedColumns(words.slice(a, b).map((w) => w.text));
	if (n === 0) return [];
	if (width(0, n) <= maxColumns || maxLines === 1 || n === 1) return [Array.from({length: n}, (_, i) => i)];
	// Two lines (or more, greedily, for text that would not fit in two): best single break first.
	let bestAt = -1;
	let bestCost = Infinity;
	for (let i = 1; i < n; i++) {
		const a = width(0, i);
		const b = width(i, n);
		if (Math.max(a, b) > maxColumns && maxLines === 2) continue;
		const cost = breakCost(words, i - 1) * 4 + (Math.abs(a - b) / Math.max(1, maxColumns)) * 10;
		if (cost < bestCost) {
			bestCost = cost;
			bestAt = i;
		}
	}
	if (bestAt < 0) {
		// Wider than two lines: greedy lines, each as full as fits.
		const lines: number[][] = [];
		let line: number[] = [];
		for (let i = 0; i < n; i++) {
			const start = line[0] ?? i;
			if (line.length > 0 && width(start, i + 1) > maxColumns) {
				lines.push(line);
				line = [];
			}
			line.push(i);
		}
		if (line.length > 0) lines.push(line);
		return lines;
	}
	return [Array.from({length: bestAt}, (_, i) => i), Array.from({length: n - bestAt}, (_, i) => bestAt + i)];
};
