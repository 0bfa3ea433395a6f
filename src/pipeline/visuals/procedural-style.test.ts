import {describe, expect, it} from 'vitest';
import {PROCEDURAL_STYLES} from '../../compositions/storyboard';
import {pickProceduralStyles} from './procedural-style';

describe('pickProceduralStyles', () => {
	it('gives every scene a style that differs from its neighbour, the same for the same seed', () => {
		for (const seed of [0, 1, 2, 99, 123456]) {
			const styles = pickProceduralStyles({count: 30, seed});
			expect(styles).toHaveLength(30);
			for (const s of styles) expect(PROCEDURAL_STYLES).toContain(s);
			for (let i = 1; i < styles.length; i++) expect(styles[i]).not.toBe(styles[i - 1]);
			expect(pickProceduralStyles({count: 30, seed})).toEqual(styles);
		}
	});

	it('varies with the seed and uses every style over a long video', () => {
		const a = pickProceduralStyles({count: 12, seed: 1});
		const b = pickProceduralStyles({count: 12, seed: 2});
		expect(a).not.toEqual(b);
		expect(new Set(pickProceduralStyles({count: 40, seed: 5})).size).toBe(PROCEDURAL_STYLES.length);
		expect(pickProceduralStyles({count: 0, seed: 1})).toEqual([]);
	});
});
