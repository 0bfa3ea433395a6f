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
