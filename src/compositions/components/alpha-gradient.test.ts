import {describe, expect, it} from 'vitest';
import {alphaGradient, alphaGradientStops} from './alpha-gradient';

/** The stops of a gradient string as [r, g, b, alpha, position %]. */
const stopsOf = (css: string): number[][] =>
	[...css.matchAll(/rgba\(([^)]+)\) ([\d.]+)%/g)].map((m) => [...(m[1] ?? '').split(',').map(Number), Number(m[2])]);

describe('alphaGradient', () => {
	it('cuts a span of different colour and alpha into stops on the premultiplied line', () => {
		const stops = stopsOf(
			alphaGradientStops([
				{color: '#1f2a5a', alpha: 0.9, at: 0},
				{color: '#4f46e5', alpha: 0.35, at: 100},
			]),
		);
		expect(stops).toHaveLength(9);
		expect(stops[0]).toEqual([31, 42, 90, 0.9, 0]);
		expect(stops[8]).toEqual([79, 70, 229, 0.35, 100]);
		// Halfway: alpha 0.625; blue premultiplied (90 * 0.9 + 229 * 0.35) / 2 = 80.575, / 0.625 = 128.92
		// (straight interpolation would give 159.5: the painter's lighter card).
		expect(stops[4]).toEqual([44.44, 49.84, 128.92, 0.63, 50]);
	});

	it('keeps spans of one colour or one alpha as they are, and writes the direction', () => {
		expect(
			alphaGradient('90deg', [
				{color: '#4f46e5', alpha: 0, at: 0},
				{color: '#4f46e5', alpha: 0.55, at: 40},
				{color: '#1f2a5a', alpha: 0.55, at: 100},
			]),
		).toBe('linear-gradient(90deg, rgba(79, 70, 229, 0) 0%, rgba(79, 70, 229, 0.55) 40%, rgba(31, 42, 90, 0.55) 100%)');
	});

	it('fades to transparent in the colour it fades from (no darkening through black)', () => {
		const stops = stopsOf(
			alphaGradientStops([
				{color: '#ffffff', alpha: 1, at: 20},
				{color: '#000000', alpha: 0, at: 60},
			]),
		);
		expect(stops.map((s) => s[4])).toEqual([20, 25, 30, 35, 40, 45, 50, 55, 60]);
		for (const s of stops.slice(0, -1)) expect(s.slice(0, 3)).toEqual([255, 255, 255]);
	});
});
