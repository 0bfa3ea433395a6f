import {describe, expect, it} from 'vitest';
import {contrastRatio} from './contrast-ratio';
import {PALETTES, pickPalette} from './palettes';

describe('palettes (one per video, from its topic)', () => {
	it('computes WCAG contrast ratios', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
		// The WCAG reference pair: #767676 on white is just above 4.5.
		expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
	});

	it('has 12 distinct palettes whose text reads at >= 4.5:1 on background and surface', () => {
		expect(PALETTES.length).toBe(12);
		expect(new Set(PALETTES.map((p) => p.palette.background)).size).toBe(12);
		const ratios = PALETTES.flatMap(({id, palette}) => [
			[id, 'text/background', contrastRatio(palette.text, palette.background)] as const,
			[id, 'text/surface', contrastRatio(palette.text, palette.surface)] as const,
			// The spoken caption word is drawn in the accent colour.
			[id, 'accent/background', contrastRatio(palette.accent, palette.background)] as const,
		]);
		const low = ratios.filter(([, , r]) => r < 4.5);
		expect(low).toEqual([]);
		process.stdout.write(`[palettes] minimum contrast ${Math.min(...ratios.map(([, , r]) => r)).toFixed(2)}:1\n`);
	});

	it('picks by topic words, the mood breaking ties, and spreads unknown topics by title', () => {
		expect(pickPalette({mood: 'calm', topicWords: ['hot beverage', 'coffee'], title: 'From Farm to Cup'}).id).toBe('roast');
		expect(pickPalette({mood: 'serious', topicWords: ['volcano'], title: 'Volcanoes'}).id).toBe('ember');
		expect(pickPalette({mood: 'calm', topicWords: ['Volcanoes'], title: 'x'}).id).toBe('ember');
		expect(pickPalette({mood: 'calm', topicWords: ['water_wave', 'ocean'], title: 'Tides'}).id).toBe('lagoon');
		expect(pickPalette({mood: 'upbeat', topicWords: ['seedling', 'garden'], title: 'Raised beds'}).id).toBe('forest');
		// Same input, same palette (no randomness).
		const a = pickPalette({mood: 'calm', topicWords: ['zzz'], title: 'Something'});
		expect(pickPalette({mood: 'calm', topicWords: ['zzz'], title: 'Something'})).toBe(a);
		const spread = new Set(
			['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Eta', 'Theta'].map(
				(title) => pickPalette({mood: 'calm', topicWords: [], title}).id,
			),
		);
		expect(spread.size).toBeGreaterThanOrEqual(3);
		for (const id of spread) expect(PALETTES.find((p) => p.id === id)!.moods).toContain('calm');
	});
});
