/** A "nice" axis maximum and tick step for values up to `max` (1, 2, 2.5 or 5 times a power of ten). */
export const niceScale = (max: number, ticks = 5): {top: number; step: number} => {
	if (!(max > 0)) return {top: 1, step: 0.25};
	const rough = max / ticks;
	const power = 10 ** Math.floor(Math.log10(rough));
	const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
	return {top: Math.ceil(max / step) * step, step};
};

/** Digits after the decimal point the values need (at most 2), so a counter never shows 4.6000001. */
export const decimalsOf = (values: number[]): number =>
	Math.min(2, Math.max(0, ...values.map((v) => (Number.isInteger(v) ? 0 : (String(v).split('.')[1]?.length ?? 0)))));

/** A value written the language's way, in full (grouped) or compact (2.4M) form. */
export const formatValue = (value: number, o: {language: string; compact: boolean; decimals: number}): string =>
	new Intl.NumberFormat(
		o.language,
		o.compact ? {notation: 'compact', maximumFractionDigits: 1} : {minimumFractionDigits: o.decimals, maximumFractionDigits: o.decimals},
	).format(value);
