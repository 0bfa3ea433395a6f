import {useMemo} from 'react';
import {fitWords, type FitWord, type FittedWords} from '../../components/fit-words';
import {textWords} from '../../components/text-words';

/**
 * The same lines made even (CSS text-wrap: balance for measured text): the narrowest width that
 * keeps the font size and the line count, found by bisection, so no line is a lone word.
 */
const balanced = (best: FittedWords, fitAt: (maxWidth: number) => FittedWords, maxWidth: number): FittedWords => {
	let lo = maxWidth * 0.4;
	let hi = maxWidth;
	let result = best;
	for (let i = 0; i < 10; i++) {
		const mid = (lo + hi) / 2;
		const trial = fitAt(mid);
		if (trial.fits && trial.lines.length === best.lines.length) {
			result = trial;
			hi = mid;
		} else lo = mid;
	}
	return result;
};

export type FittedText = {words: FitWord[]; fitted: FittedWords | null};

/**
 * A text split into words and fitted (measured with @remotion/layout-utils) into a box once the
 * fonts are ready; `fitted` is null before that or for empty text, so nothing is measured with a
 * fallback font.
 */
export const useFittedText = (o: {
	text: string | null;
	language: string;
	fontStack: string;
	ready: boolean;
	fontWeight: number;
	lineHeight: number;
	maxWidth: number;
	maxHeight: number;
	maxFontSize: number;
	minFontSize: number;
	maxLines?: number;
}): FittedText => {
	const words = useMemo(() => textWords(o.text ?? '', o.language), [o.text, o.language]);
	const fitted = useMemo(() => {
		if (!o.ready || words.length === 0) return null;
		const fitAt = (maxWidth: number, size?: number) =>
			fitWords({
				words,
				fontFamily: o.fontStack,
				fontWeight: o.fontWeight,
				maxWidth,
				maxHeight: o.maxHeight,
				lineHeight: o.lineHeight,
				maxFontSize: size ?? o.maxFontSize,
				minFontSize: size ?? o.minFontSize,
				maxLines: o.maxLines,
			});
		const best = fitAt(o.maxWidth);
		return best.fits && best.lines.length > 1 ? balanced(best, (w) => fitAt(w, best.fontSize), o.maxWidth) : best;
	}, [o.ready, words, o.fontStack, o.fontWeight, o.maxWidth, o.maxHeight, o.lineHeight, o.maxFontSize, o.minFontSize, o.maxLines]);
	return {words, fitted};
};
