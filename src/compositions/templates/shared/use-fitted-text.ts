import {useMemo} from 'react';
import {fitWords, type FitWord, type FittedWords} from '../../components/fit-words';
import {textWords} from '../../components/text-words';

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
	const fitted = useMemo(
		() =>
			o.ready && words.length > 0
				? fitWords({
						words,
						fontFamily: o.fontStack,
						fontWeight: o.fontWeight,
						maxWidth: o.maxWidth,
						maxHeight: o.maxHeight,
						lineHeight: o.lineHeight,
						maxFontSize: o.maxFontSize,
						minFontSize: o.minFontSize,
						maxLines: o.maxLines,
					})
				: null,
		[o.ready, words, o.fontStack, o.fontWeight, o.maxWidth, o.maxHeight, o.lineHeight, o.maxFontSize, o.minFontSize, o.maxLines],
	);
	return {words, fitted};
};
