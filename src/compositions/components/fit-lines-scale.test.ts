import {describe, expect, it} from 'vitest';
import {fitLinesScale} from './fit-lines-scale';

describe('fitLinesScale (text kept to its lines by a smaller font)', () => {
	it('leaves text that fits at full size', () => {
		expect(fitLinesScale({words: ['Go', 'to', 'bed', 'at', 'ten.'], lineColumns: 20, maxLines: 2})).toBe(1);
	});

	it('shrinks a word wider than a line until it fits one line', () => {
		const word = 'Rechtsschutzversicherungsgesellschaften'; // 39 columns
		const scale = fitLinesScale({words: [word, 'verlangen'], lineColumns: 30, maxLines: 2});
		expect(scale).toBeCloseTo((0.92 * 30) / 39, 5);
		expect(39 * scale).toBeLessThan(30);
	});

	it('shrinks words that would take more lines than allowed, never below minScale', () => {
		const words = Array.from({length: 8}, () => 'words'); // 8 x 5 columns and 7 spaces
		expect(fitLinesScale({words, lineColumns: 20, maxLines: 2})).toBeCloseTo((0.85 * 40) / 47, 5);
		expect(fitLinesScale({words, lineColumns: 5, maxLines: 1, minScale: 0.6})).toBe(0.6);
	});

	it('lets CJK text break between its characters (only its length counts)', () => {
		expect(fitLinesScale({words: ['长江从青藏高原一路向东'], lineColumns: 12, maxLines: 2})).toBe(1);
		expect(fitLinesScale({words: ['长江从青藏高原一路向东流入东海的漫长旅程'], lineColumns: 12, maxLines: 2})).toBeCloseTo(
			(0.85 * 24) / 40,
			5,
		);
	});
});
