import {measureText} from '@remotion/layout-utils';
import type React from 'react';

/**
 * Text whose digits are tabular figures, drawn as boxes: each digit is centred in a box one tabular
 * figure wide. CSS `font-variant-numeric: tabular-nums` gives nearly the same picture, but the web
 * renderer draws text with canvas text, which has no tabular figures (docs/web-fidelity.md), so the
 * data-story counter's unit stood a gap away from the number (16 dB). `letterSpacingEm` is the
 * parent's letter spacing in em (the boxes take it into their width).
 */
export const TabularDigits: React.FC<{text: string; fontFamily: string; fontWeight: number; letterSpacingEm?: number}> = ({
	text,
	fontFamily,
	fontWeight,
	letterSpacingEm = 0,
}) => {
	const digitEm = measureText({text: '0', fontFamily, fontSize: 100, fontWeight, fontVariantNumeric: 'tabular-nums'}).width / 100;
	const box: React.CSSProperties = {
		display: 'inline-block',
		width: `${digitEm + letterSpacingEm}em`,
		textAlign: 'center',
		letterSpacing: 0,
	};
	return (
		<>
			{[...text].map((c, i) =>
				/\d/.test(c) ? (
					<span key={`${i}${c}`} style={box}>
						{c}
					</span>
				) : (
					c
				),
			)}
		</>
	);
};
