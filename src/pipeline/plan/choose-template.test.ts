import {describe, expect, it} from 'vitest';
import {chooseTemplate} from './choose-template';
import {figuresToChart} from './figures-to-chart';

describe('chooseTemplate: the template a prompt suits when none is named', () => {
	it.each([
		['3 tips for sleep: 1. Keep a schedule. 2. Cut caffeine. 3. Dim the lights.', 'en', 'listicle'],
		['- Nimm den Zug\n- Iss regional\n- Spar Wasser', 'de', 'listicle'],
		['"The best time to plant a tree was twenty years ago. The second best time is now." — Chinese proverb', 'en', 'kinetic'],
		['«La vie est un mystère qu’il faut vivre.»', 'fr', 'kinetic'],
		['Coal made 40% of our power in 2010 and 20% in 2024. Solar grew from 2% to 15%. Wind doubled to 12%.', 'en', 'data-story'],
		['Volcanoes grow where hot magma rises. Lava cools into new rock.', 'en', 'explainer'],
		['How volcanoes form', 'en', 'explainer'],
		['In 1889 the tower opened in Paris. It was the tallest building in the world.', 'en', 'explainer'],
	])('%s -> %s', (prompt, language, id) => {
		const choice = chooseTemplate({prompt, language});
		expect(choice.id).toBe(id);
		expect(choice.reason.length).toBeGreaterThan(10);
	});

	it('your own recording -> audiogram; a video among your media -> captioned-clip, before the prompt shape', () => {
		const outline = '1. One. 2. Two.';
		expect(chooseTemplate({prompt: outline, language: 'en', hints: {voiceoverFile: true}}).id).toBe('audiogram');
		expect(chooseTemplate({prompt: outline, language: 'en', hints: {mediaKinds: ['image', 'video']}}).id).toBe('captioned-clip');
		expect(chooseTemplate({prompt: outline, language: 'en', hints: {mediaKinds: ['image']}}).id).toBe('listicle');
	});
});

describe('figuresToChart: the numbers a data-story scene charts', () => {
	it('one subject through the years: a line, labelled by subject and year, with the unit', () => {
		expect(figuresToChart('Coal made 40% of our power in 2010 and 20% in 2024.')).toEqual({
			chart: 'line',
			unit: '%',
			points: [
				{label: 'Coal 2010', value: 40},
				{label: 'Coal 2024', value: 20},
			],
		});
	});

	it('several subjects: bars by subject; thousands and decimals read; repeated labels numbered', () => {
		expect(figuresToChart('Trains emit 14 grams. Cars emit 1,200 grams. Planes emit 285.5 grams, or 290.')).toEqual({
			chart: 'bar',
			unit: null,
			points: [
				{label: 'Trains', value: 14},
				{label: 'Cars', value: 1200},
				{label: 'Planes', value: 285.5},
				{label: 'Planes (2)', value: 290},
			],
		});
	});

	it('one figure: a counter; Arabic-Indic and Devanagari digits; no figure: null', () => {
		expect(figuresToChart('Il y a 3 volcans actifs.')).toEqual({chart: 'counter', unit: null, points: [{label: 'Il', value: 3}]});
		expect(figuresToChart('ارتفع إلى ٤٥٪')).toMatchObject({unit: '%', points: [{value: 45}]});
		expect(figuresToChart('बारिश ९० प्रतिशत')?.points[0]?.value).toBe(90);
		expect(figuresToChart('No numbers here.')).toBeNull();
	});
});
