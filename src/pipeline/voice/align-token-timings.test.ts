import {describe, expect, it} from 'vitest';
import {alignTokenTimings} from './align-token-timings';

const w = (startMs: number, endMs: number) => ({startMs, endMs});

describe('alignTokenTimings', () => {
	it('gives a token that expanded into several words the start of the first and end of the last', () => {
		const spans = alignTokenTimings(
			['in', '1200', 'people'],
			[
				{key: 'in', words: [w(100, 200)]},
				{key: '1200', words: [w(200, 400), w(400, 700), w(700, 800), w(800, 1000)]},
				{key: 'people', words: [w(1000, 1400)]},
			],
		);
		expect(spans).toEqual([w(100, 200), w(200, 1000), w(1000, 1400)]);
	});
	it('joins engine tokens that make up one script token, and shares one engine token', () => {
		expect(
			alignTokenTimings(
				['ab'],
				[
					{key: 'a', words: [w(0, 100)]},
					{key: 'b', words: [w(100, 300)]},
				],
			),
		).toEqual([w(0, 300)]);
		expect(alignTokenTimings(['well', 'known'], [{key: 'wellknown', words: [w(0, 100), w(100, 300)]}])).toEqual([w(0, 100), w(100, 300)]);
	});
	it('resynchronises after a disagreement and interpolates the words in between', () => {
		const spans = alignTokenTimings(
			['one', 'ж', 'two'],
			[
				{key: 'one', words: [w(0, 100)]},
				{key: 'two', words: [w(300, 400)]},
			],
		);
		expect(spans).toEqual([w(0, 100), w(100, 300), w(300, 400)]);
	});
	it('never overlaps', () => {
		const spans = alignTokenTimings(
			['a', 'b'],
			[
				{key: 'a', words: [w(0, 200)]},
				{key: 'b', words: [w(150, 300)]},
			],
		);
		expect(spans[1]?.startMs).toBe(200);
	});
});
