import {measureText} from '@remotion/layout-utils';

export type FitWord = {
	/** The word as shown, without a leading space. */
	word: string;
	/** Whether a space goes before it on its line (see captionWords). */
	space: boolean;
};

export type FitWordsOptions = {
	words: readonly FitWord[];
	/** A concrete CSS font stack (not a CSS variable: the measuring node sits outside the template). */
	fontFamily: string;
	fontWeight: number;
	/** The box the text must stay inside, in px. */
	maxWidth: number;
	maxHeight: number;
	/** Line height as a multiple of the font size. */
	lineHeight: number;
	maxFontSize: number;
	minFontSize: number;
	letterSpacing?: string;
	/** At most this many lines (default: as many as fit in maxHeight). */
	maxLines?: number;
};

export type FittedWords = {
	fontSize: number;
	/** Word indices of each line, in reading order. */
	lines: number[][];
	/** Width of a space at fontSize, px. */
	spaceWidth: number;
	/** Width of each word at fontSize, px. */
	widths: number[];
	/** False when even minFontSize overflows the box (the text is then shown at minFontSize). */
	fits: boolean;
};

// Words are measured once at this size; widths scale linearly with the font size.
const REFERENCE_SIZE = 100;
// Measurements are of unkerned single words: keep a little room for rounding and joins.
const SLACK = 0.97;

const wrap = (widths: number[], words: readonly FitWord[], space: number, maxWidth: number): number[][] => {
	const lines: number[][] = [];
	let line: number[] = [];
	let width = 0;
	widths.forEach((w, i) => {
		const gap = line.length > 0 && words[i]?.space ? space : 0;
		if (line.length > 0 && width + gap + w > maxWidth) {
			lines.push(line);
			line = [i];
			width = w;
			return;
		}
		line.push(i);
		width += gap + w;
	});
	if (line.length > 0) lines.push(line);
	return lines;
};

/**
 * The largest font size (between min and max) at which words, wrapped only between words, fit a
 * box; and the lines they wrap into. Each word is measured in the real font with
 * @remotion/layout-utils' measureText (so Arabic joining, Devanagari conjuncts and CJK widths are
 * the browser's own), then the size is found by bisection. Lines break only between the given
 * words, so a CJK phrase never breaks inside a word.
 */
export const fitWords = (o: FitWordsOptions): FittedWords => {
	const measure = (text: string) =>
		measureText({text, fontFamily: o.fontFamily, fontSize: REFERENCE_SIZE, fontWeight: o.fontWeight, letterSpacing: o.letterSpacing}).width;
	const base = o.words.map((w) => measure(w.word));
	const baseSpace = measure(' ');
	const maxWidth = o.maxWidth * SLACK;
	const layoutAt = (size: number) => {
		const k = size / REFERENCE_SIZE;
		const widths = base.map((w) => w * k);
		const lines = wrap(widths, o.words, baseSpace * k, maxWidth);
		const tooWide = widths.some((w) => w > maxWidth);
		const tooTall = lines.length * size * o.lineHeight > o.maxHeight || (o.maxLines !== undefined && lines.length > o.maxLines);
		return {fontSize: size, lines, widths, spaceWidth: baseSpace * k, fits: !tooWide && !tooTall};
	};
	let lo = o.minFontSize;
	let hi = o.maxFontSize;
	const top = layoutAt(hi);
	if (top.fits) return top;
	if (!layoutAt(lo).fits) return layoutAt(lo);
	// Half-pixel precision is plenty for text this size.
	while (hi - lo > 0.5) {
		const mid = (lo + hi) / 2;
		if (layoutAt(mid).fits) lo = mid;
		else hi = mid;
	}
	return layoutAt(lo);
};
