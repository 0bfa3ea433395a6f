import {describe, expect, it} from 'vitest';
import {fitByTransform} from './fit-by-transform';

describe('fitByTransform', () => {
	it('covers a landscape box with a square picture: scaled to the width, centred vertically', () => {
		const css = fitByTransform({width: 1920, height: 1080}, {width: 640, height: 640}, 'cover');
		expect(css.width).toBe('640px');
		expect(css.height).toBe('640px');
		// 640 * 3 = 1920 wide and high; (1080 - 1920) / 2 = -420 above the box.
		expect(css.transform).toBe('translate(0px, -420px) scale(3)');
	});

	it('contains a landscape picture in a portrait box: bars above and below', () => {
		const css = fitByTransform({width: 1080, height: 1920}, {width: 1280, height: 720}, 'contain');
		// 1080 / 1280 = 0.84375; 720 * 0.84375 = 607.5 high; (1920 - 607.5) / 2 = 656.25.
		expect(css.transform).toBe('translate(0px, 656.25px) scale(0.84375)');
	});
});
