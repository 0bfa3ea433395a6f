import {describe, expect, it} from 'vitest';
import type {FrameLayout} from '../../components/use-frame-layout';
import {pictureInset, titleBandPx} from './title-band';

// 9:16 at 360p, as useFrameLayout computes it.
const portrait: FrameLayout = {width: 360, height: 640, unit: 3.6, orientation: 'portrait', safe: {top: 64, bottom: 102.4, side: 25.2}};
const landscape: FrameLayout = {width: 640, height: 360, unit: 3.6, orientation: 'landscape', safe: {top: 28.8, bottom: 32.4, side: 38.4}};
const photo = {kind: 'image', src: 'media/scene-01-beach.jpg', motion: 'zoom-in', fit: 'cover'} as const;

describe('a title never covers your picture (explainer)', () => {
	it('moves a photo or clip out of the title band; an illustration keeps the frame', () => {
		const o = {title: 'Coffee Beans', text: null, underline: true, placement: 'top', layout: portrait} as const;
		const inset = pictureInset({...o, visual: photo});
		// Below the safe margin plus one title line (8.2 units at 1.1 line height) and the bar.
		expect(inset.bottom).toBe(0);
		expect(inset.top).toBeGreaterThan(64 + 3.6 * 8.2 * 1.1 + 3.6 * 2.5);
		expect(inset.top).toBeLessThan(640 * 0.3);
		expect(
			pictureInset({
				...o,
				placement: 'bottom',
				visual: {kind: 'video', src: 'a.mp4', durationMs: 3000, trimStartMs: 0, loop: true, fit: 'cover'},
			}),
		).toEqual({
			top: 0,
			bottom: inset.top,
		});
		expect(pictureInset({...o, visual: {kind: 'procedural', style: 'waves', icon: 'media/x.svg', extraIcons: []}})).toEqual({
			top: 0,
			bottom: 0,
		});
	});

	it('grows with the lines the title and text wrap to, and is empty without them', () => {
		const one = titleBandPx({title: 'Beach', text: null, underline: false, layout: landscape});
		const two = titleBandPx({title: 'We walked along the beach at sunrise today', text: null, underline: false, layout: landscape});
		const withText = titleBandPx({title: 'Beach', text: 'At sunrise', underline: false, layout: landscape});
		expect(two).toBeGreaterThan(one + 3.6 * 7.4);
		expect(withText).toBeGreaterThan(one);
		expect(titleBandPx({title: null, text: null, underline: true, layout: landscape})).toBe(0);
	});
});
