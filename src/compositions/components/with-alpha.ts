/** `#rrggbb` + alpha (0..1) -> `rgba(...)`, for gradients that fade a palette colour out. */
export const withAlpha = (hex: string, alpha: number): string => {
	const n = Number.parseInt(hex.slice(1), 16);
	return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
};
