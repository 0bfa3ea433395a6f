import type React from 'react';

/** The look of big headings (scene titles, the end card title): bold, tight, balanced lines. */
export const headingStyle = (fontSize: number): React.CSSProperties => ({
	fontSize,
	fontWeight: 800,
	lineHeight: 1.1,
	letterSpacing: '-0.02em',
	textWrap: 'balance',
	overflowWrap: 'anywhere',
	maxWidth: '100%',
});

/** The font size of a scene's title (AnimatedTitle): a share of the frame's short side, larger where the frame is narrow. */
export const sceneTitleSize = (layout: {unit: number; orientation: 'landscape' | 'portrait' | 'square'}): number =>
	layout.unit * (layout.orientation === 'landscape' ? 7.4 : 8.2);
