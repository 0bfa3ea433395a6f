import type React from 'react';
import type {FitWord, FittedWords} from '../../components/fit-words';

/**
 * Text laid out by `fitWords`: one flex row per fitted line, each word its own inline block (so a
 * template can move words one by one) with the measured space before it. The caller sets the
 * font family and colour on a parent; `dir` on a parent orders the words of a right-to-left line.
 */
export const FittedLines: React.FC<{
	words: readonly FitWord[];
	fitted: FittedWords;
	fontWeight: number;
	lineHeight: number;
	/** Where the lines sit in their box. */
	align?: 'start' | 'center' | 'end';
	/** Extra style of word `wordIndex` on line `lineIndex` (its entrance, colour...). */
	wordStyle?: (wordIndex: number, lineIndex: number) => React.CSSProperties;
	lineStyle?: (lineIndex: number) => React.CSSProperties;
}> = ({words, fitted, fontWeight, lineHeight, align = 'start', wordStyle, lineStyle}) => (
	<>
		{fitted.lines.map((line, li) => (
			<div
				key={li}
				style={{
					display: 'flex',
					justifyContent: align === 'center' ? 'center' : align === 'end' ? 'flex-end' : 'flex-start',
					fontSize: fitted.fontSize,
					fontWeight,
					lineHeight,
					whiteSpace: 'pre',
					...lineStyle?.(li),
				}}
			>
				{line.map((wi) => (
					<span
						key={wi}
						style={{
							display: 'inline-block',
							marginInlineStart: words[wi]?.space && line[0] !== wi ? fitted.spaceWidth : 0,
							...wordStyle?.(wi, li),
						}}
					>
						{words[wi]?.word}
					</span>
				))}
			</div>
		))}
	</>
);
