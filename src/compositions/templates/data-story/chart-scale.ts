import type {SceneData} from '../../storyboard';

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

/**
 * A chart's value axis and how its values are written: the nice maximum and step, the tick values,
 * and a formatter with the data's unit (a short unit such as % or $ sticks to the number).
 */
export const chartScale = (o: {data: SceneData; language: string; compact: boolean}) => {
	const values = o.data.points.map((p) => p.value);
	const {top, step} = niceScale(Math.max(...values, 0));
	const decimals = decimalsOf(values);
	const unit = o.data.unit ? (o.data.unit.length <= 2 ? o.data.unit : ` ${o.data.unit}`) : '';
	const format = (v: number) => `${formatValue(v, {language: o.language, compact: o.compact, decimals})}${unit}`;
	const ticks = Array.from({length: Math.round(top / step) + 1}, (_, i) => i * step);
	return {top, step, ticks, format};
};
