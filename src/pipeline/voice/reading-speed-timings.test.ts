import {describe, expect, it} from 'vitest';
import {readingSpeedTimings} from './reading-speed-timings';

describe('readingSpeedTimings', () => {
	it('reads at about 180 words per minute, longer words longer, pausing after sentences', () => {
		const text = 'Volcanoes form where magma rises. It cools into rock, slowly.';
		const {words, durationMs} = readingSpeedTimings({text});
		expect(words.map((w) => w.text)).toEqual(['Volcanoes', 'form', 'where', 'magma', 'rises.', 'It', 'cools', 'into', 'rock,', 'slowly.']);
		const wpm = words.length / (durationMs / 60_000);
		expect(wpm).toBeGreaterThan(130);
		expect(wpm).toBeLessThan(200);
		const dur = (i: number) => (words[i]?.endMs ?? 0) - (words[i]?.startMs ?? 0);
		expect(dur(0)).toBeGreaterThan(dur(5));
		const gap = (i: number) => (words[i + 1]?.startMs ?? 0) - (words[i]?.endMs ?? 0);
		expect(gap(4)).toBeGreaterThan(gap(8));
		expect(gap(8)).toBeGreaterThan(gap(0));
		for (let i = 1; i < words.length; i++) expect(words[i]!.startMs).toBeGreaterThanOrEqual(words[i - 1]!.endMs);
		expect(durationMs).toBeGreaterThan(words.at(-1)!.endMs);
	});
	it('follows the rate and handles empty text', () => {
		const slow = readingSpeedTimings({text: 'one two three four'}).durationMs;
		expect(readingSpeedTimings({text: 'one two three four', rate: 2}).durationMs).toBeCloseTo(slow / 2, -1);
		expect(readingSpeedTimings({text: ''})).toEqual({durationMs: 0, words: []});
	});
});
