import {describe, expect, it} from 'vitest';
import {ASPECTS, RESOLUTIONS, frameSize} from '../../compositions/storyboard';
import {QUALITIES, resolveQuality} from './quality';

const combos = ASPECTS.flatMap((aspect) => RESOLUTIONS.flatMap((resolution) => QUALITIES.map((q) => [aspect, resolution, q] as const)));

describe('resolveQuality', () => {
	it.each(combos)('%s %s %s gives even integer sides and never upscales', (aspect, resolution, quality) => {
		const size = frameSize({aspect, resolution});
		const q = resolveQuality(quality, size);
		expect(q.scale).toBeLessThanOrEqual(1);
		expect(Number.isInteger(size.width * q.scale + 1e-9 - ((size.width * q.scale + 1e-9) % 1))).toBe(true);
		expect(Math.abs(size.width * q.scale - q.width)).toBeLessThan(1e-6);
		expect(Math.abs(size.height * q.scale - q.height)).toBeLessThan(1e-6);
		expect(q.width % 2).toBe(0);
		expect(q.height % 2).toBe(0);
	});

	it('maps presets to the expected short side', () => {
		const size = frameSize({aspect: '9:16', resolution: '1080p'});
		expect(resolveQuality('draft', size)).toMatchObject({width: 360, height: 640});
		expect(resolveQuality('standard', size)).toMatchObject({width: 720, height: 1280});
		expect(resolveQuality('high', size)).toMatchObject({width: 1080, height: 1920, scale: 1});
	});

	it('lowers an odd scale to the nearest even size', () => {
		const q = resolveQuality('draft', {width: 1000, height: 750});
		expect(q.width % 2).toBe(0);
		expect(q.height % 2).toBe(0);
		expect(q.height).toBeLessThanOrEqual(360);
	});
});
