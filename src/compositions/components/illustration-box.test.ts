import {describe, expect, it} from 'vitest';
import {captionBandHeight} from './caption-band';
import {sceneTitleSize} from './heading-style';
import {CHIP_HEIGHT_UNITS, illustrationBox, MIN_ILLUSTRATION_SHARE} from './illustration-box';
import type {FrameLayout} from './use-frame-layout';

/** The layout useFrameLayout gives a frame of this size (kept in step with use-frame-layout.ts). */
const layoutOf = (width: number, height: number): FrameLayout => {
	const orientation = width > height * 1.1 ? 'landscape' : height > width * 1.1 ? 'portrait' : 'square';
	const safe =
		orientation === 'portrait'
			? {top: height * 0.1, bottom: height * 0.16, side: width * 0.07}
			: {top: height * 0.08, bottom: height * 0.09, side: width * (orientation === 'landscape' ? 0.06 : 0.07)};
	return {width, height, unit: Math.min(width, height) / 100, orientation, safe};
};

// The explainer's layouts of generated videos: captions at the bottom (centre in portrait), a
// two-line title on top, and the other placements a storyboard may choose.
const CASES = [
	{aspect: '16:9', w: 1920, h: 1080, captions: 'bottom', title: 'top'},
	{aspect: '1:1', w: 1080, h: 1080, captions: 'bottom', title: 'top'},
	{aspect: '9:16', w: 1080, h: 1920, captions: 'center', title: 'top'},
	{aspect: '16:9', w: 1920, h: 1080, captions: 'top', title: 'bottom'},
	{aspect: '9:16', w: 1080, h: 1920, captions: 'bottom', title: 'top'},
] as const;

describe('illustrationBox (the picture composed with the title and captions)', () => {
	it.each(CASES)(
		'is >= 0.3 of the short side and clear of title and captions at $aspect ($captions captions)',
		({w, h, captions, title}) => {
			const layout = layoutOf(w, h);
			const size = sceneTitleSize(layout);
			const style = {enabled: true, position: captions, fontScale: 1} as const;
			const box = illustrationBox({layout, title: {placement: title, lines: 2, textLines: 0, size}, captions: style});
			const short = Math.min(w, h);
			process.stdout.write(`[illustration] ${w}x${h} ${captions} captions: ${(box.size / short).toFixed(2)} of the short side\n`);
			expect(box.size / short).toBeGreaterThanOrEqual(MIN_ILLUSTRATION_SHARE);
			const top = box.cy - box.size / 2;
			const bottom = box.cy + box.size / 2;
			// Title block: two lines of 1.1 line height and the accent bar under them.
			const titleBlock = 2 * size * 1.1 + layout.unit * 2.5;
			if (title === 'top') expect(top).toBeGreaterThanOrEqual(layout.safe.top + titleBlock);
			else expect(bottom).toBeLessThanOrEqual(h - layout.safe.bottom - titleBlock);
			const band = captionBandHeight(layout, style);
			const mid = (layout.safe.top + h - layout.safe.bottom) / 2;
			const [capTop, capBottom] =
				captions === 'bottom'
					? [h - layout.safe.bottom - band, h]
					: captions === 'top'
						? [0, layout.safe.top + band]
						: [mid - band / 2, mid + band / 2];
			expect(bottom <= capTop || top >= capBottom).toBe(true);
			expect(box.size).toBeLessThanOrEqual(w - 2 * layout.safe.side);
		},
	);

	it.each(CASES)(
		'keeps room under the picture for a key-phrase chip, clear of the captions, at $aspect ($captions captions)',
		({w, h, captions}) => {
			const layout = layoutOf(w, h);
			const style = {enabled: true, position: captions, fontScale: 1} as const;
			const title = {placement: 'top', lines: 2, textLines: 0, size: sceneTitleSize(layout)} as const;
			const box = illustrationBox({layout, title, captions: style, keyPhraseChip: true});
			const plain = illustrationBox({layout, title, captions: style});
			expect(box.chipTop).toBeGreaterThan(box.cy + box.size / 2);
			expect(box.size).toBeLessThanOrEqual(plain.size);
			const chipBottom = (box.chipTop ?? 0) + CHIP_HEIGHT_UNITS * layout.unit;
			const band = captionBandHeight(layout, style);
			const mid = (layout.safe.top + h - layout.safe.bottom) / 2;
			if (captions === 'bottom') expect(chipBottom).toBeLessThanOrEqual(h - layout.safe.bottom - band);
			if (captions === 'center' && box.cy > mid) expect(box.cy - box.size / 2).toBeGreaterThanOrEqual(mid + band / 2);
			if (captions === 'center' && box.cy < mid) expect(chipBottom).toBeLessThanOrEqual(mid - band / 2);
		},
	);

	it('takes the whole safe height when there is no title and no caption', () => {
		const layout = layoutOf(1920, 1080);
		const box = illustrationBox({layout, title: null, captions: {enabled: false, position: 'bottom', fontScale: 1}});
		expect(box.size).toBeCloseTo(0.56 * 1080, 5);
		expect(box.cy).toBeCloseTo((layout.safe.top + 1080 - layout.safe.bottom) / 2, 5);
	});
});
