import {describe, expect, it} from 'vitest';
import {chooseGrouping, groupUnits} from './group-units';
import {scriptUnits} from './script-units';

describe('scriptUnits', () => {
	it('splits Spanish at ¿? and ¡!', () => {
		expect(scriptUnits('¿Qué es un volcán? Es una montaña. ¡Increíble! Fin.', 'es').map((u) => u.text)).toEqual([
			'¿Qué es un volcán?',
			'Es una montaña.',
			'¡Increíble!',
			'Fin.',
		]);
	});

	it('splits Japanese at 。 and counts its words without spaces', () => {
		const units = scriptUnits('火山はマグマが地表に出てくる場所にできます。溶岩はとても熱いです。', 'ja');
		expect(units.map((u) => u.text)).toEqual(['火山はマグマが地表に出てくる場所にできます。', '溶岩はとても熱いです。']);
		expect(units[0]!.words).toBeGreaterThan(5);
	});

	it('cuts a very long sentence at clauses, and unpunctuated text every ~20 words', () => {
		const long = `${'Magma rises through the crust, '.repeat(8)}and then it erupts.`;
		const units = scriptUnits(long, 'en');
		expect(units.length).toBeGreaterThan(1);
		for (const u of units) expect(u.words).toBeLessThanOrEqual(30);
		expect(units.map((u) => u.text).join(' ')).toBe(long);
		const bare = scriptUnits('word '.repeat(100), 'en');
		expect(bare.length).toBeGreaterThanOrEqual(4);
		for (const u of bare) expect(u.words).toBeLessThanOrEqual(30);
	});

	it('keeps paragraph numbers and joins hard-wrapped lines', () => {
		const units = scriptUnits('First line wraps\nhere. Second.\n\nNew paragraph.', 'en');
		expect(units).toEqual([
			{text: 'First line wraps here.', words: 4, paragraph: 0},
			{text: 'Second.', words: 1, paragraph: 0},
			{text: 'New paragraph.', words: 2, paragraph: 1},
		]);
	});
});

describe('groupUnits', () => {
	it('balances durations and prefers paragraph breaks', () => {
		const plan = chooseGrouping({units: 6, speechMs: 24_000, targetMs: null, maxScenes: 40});
		expect(plan).toEqual({sceneCount: 3, maxUnitsPerScene: 3});
		expect(groupUnits({durationsMs: [4000, 4000, 4000, 4000, 4000, 4000], paragraphs: [0, 0, 0, 0, 0, 0], plan})).toEqual([0, 2, 4]);
		// Equal sizes are traded for a boundary that follows the paragraphs.
		expect(
			groupUnits({
				durationsMs: [4000, 4000, 4000, 4000, 4000, 4000],
				paragraphs: [0, 0, 0, 1, 1, 1],
				plan: {sceneCount: 2, maxUnitsPerScene: 3},
			}),
		).toEqual([0, 3]);
	});

	it('merges more units per scene when the scene cap is reached', () => {
		expect(chooseGrouping({units: 400, speechMs: 1_200_000, targetMs: null, maxScenes: 40})).toEqual({
			sceneCount: 40,
			maxUnitsPerScene: 10,
		});
	});
});
