/** Relative luminance of a #rrggbb colour (WCAG 2.x, sRGB). */
const luminance = (hex: string): number => {
	const channel = (i: number): number => {
		const c = Number.parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
};

/**
 * The WCAG 2.x contrast ratio of two #rrggbb colours, from 1 (same) to 21 (black on white).
 * Body text needs at least 4.5 (success criterion 1.4.3, level AA).
 */
export const contrastRatio = (a: string, b: string): number => {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
};
