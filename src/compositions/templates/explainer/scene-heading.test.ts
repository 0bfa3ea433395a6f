import {describe, expect, it} from 'vitest';
import {sceneHeading} from './scene-heading';

describe('sceneHeading (explainer)', () => {
	it.each([
		[{title: '2. Caffeine', itemNumber: 2}, '2. Caffeine'],
		[{title: '', itemNumber: 1}, '1.'],
		[{title: null, itemNumber: 3}, '3.'],
		[{title: 'Volcanoes', itemNumber: null}, 'Volcanoes'],
		[{title: '', itemNumber: null}, null],
	])('%j -> %j', (scene, heading) => {
		expect(sceneHeading(scene)).toBe(heading);
	});
});
