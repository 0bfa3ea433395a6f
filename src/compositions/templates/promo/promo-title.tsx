import type React from 'react';
import {useCurrentFrame, useVideoConfig} from 'remotion';
import {FittedLines} from '../shared/fitted-lines';
import {useFittedText} from '../shared/use-fitted-text';
import {TITLE_LINE, TITLE_WEIGHT, punchyWord} from './promo-style';

/**
 * A promo title: measured to fit its box (at most three balanced lines), its words shooting up
 * into place one after another from `delay` frames on. Nothing before the fonts are ready.
 */
export const PromoTitle: React.FC<{
	text: string | null;
	language: string;
	fontStack: string;
	ready: boolean;
	maxWidth: number;
	maxHeight: number;
	maxFontSize: number;
	minFontSize: number;
	delay: number;
	align?: 'start' | 'center';
	style?: React.CSSProperties;
}> = ({text, language, fontStack, ready, maxWidth, maxHeight, maxFontSize, minFontSize, delay, align, style}) => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	const {words, fitted} = useFittedText({
		text,
		language,
		fontStack,
		ready,
		fontWeight: TITLE_WEIGHT,
		lineHeight: TITLE_LINE,
		maxWidth,
		maxHeight,
		maxFontSize,
		minFontSize,
		maxLines: 3,
	});
	if (!fitted) return null;
	return (
		<div style={style}>
			<FittedLines
				words={words}
				fitted={fitted}
				fontWeight={TITLE_WEIGHT}
				lineHeight={TITLE_LINE}
				align={align}
				wordStyle={punchyWord(frame, fps, delay)}
				lineStyle={() => ({overflow: 'hidden'})}
			/>
		</div>
	);
};
