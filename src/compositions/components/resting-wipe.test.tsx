import type {TransitionPresentationComponentProps} from '@remotion/transitions';
import type {WipeProps} from '@remotion/transitions/wipe';
import type React from 'react';
import {renderToStaticMarkup} from 'react-dom/server';
import {describe, expect, it} from 'vitest';
import {isResting, restingWipe, snapWipeProgress} from './resting-wipe';

const markup = (direction: 'entering' | 'exiting', progress: number, passedProps: WipeProps = {direction: 'from-bottom-right'}) => {
	const Presentation = restingWipe().component as React.FC<TransitionPresentationComponentProps<WipeProps>>;
	return renderToStaticMarkup(
		<Presentation
			presentationDirection={direction}
			presentationProgress={progress}
			passedProps={passedProps}
			presentationDurationInFrames={15}
			onElementImage={() => undefined}
			onUnmount={() => undefined}
			bothEnteringAndExiting={false}
		>
			<p>scene</p>
		</Presentation>,
	);
};

describe('restingWipe', () => {
	it('rests before its wipe (exiting at 0) and after it (entering at 1), and only then', () => {
		expect([isResting('exiting', 0), isResting('entering', 1)]).toEqual([true, true]);
		expect([isResting('exiting', 0.01), isResting('entering', 0.99), isResting('entering', 0), isResting('exiting', 1)]).toEqual([
			false,
			false,
			false,
			false,
		]);
	});

	it('clips the scene only while it wipes, with the same elements either way', () => {
		const before = markup('exiting', 0);
		const during = markup('exiting', 0.4);
		const after = markup('entering', 1);
		expect(before).not.toContain('clip-path');
		expect(after).not.toContain('clip-path');
		expect(during).toMatch(/clip-path:polygon\(/);
		expect(markup('entering', 0.5)).toMatch(/clip-path:polygon\(/);
		// Nothing remounts when the wipe starts: the tree is the same but for the clip.
		expect(during.replace(/;?clip-path:polygon\([^)]*\)/, '')).toBe(before);
	});

	it('keeps the caller inner styles while resting', () => {
		expect(markup('entering', 1, {direction: 'from-left', innerEnterStyle: {backgroundColor: 'red'}})).toContain('background-color:red');
	});

	it('moves a straight wipe edge onto whole pixels of every render size, and leaves diagonal ones', () => {
		const portrait = {width: 1080, height: 1920};
		// 14/15 of 1920 is 1792 CSS px (597.33 draft pixels): snapped to 1791 (597 draft, 1194 standard).
		const snapped = snapWipeProgress(14 / 15, 'from-top', portrait);
		expect(snapped * 1920).toBeCloseTo(1791, 9);
		for (const p of [0.05, 0.31, 0.5, 0.77]) {
			const edge = snapWipeProgress(p, 'from-left', {width: 1920, height: 1080}) * 1920;
			expect(edge % 3).toBeCloseTo(0, 9);
			expect(Math.abs(edge - p * 1920)).toBeLessThanOrEqual(1.5);
		}
		// A 720-short frame renders at 1/2 and 1: every 2 CSS pixels.
		expect((snapWipeProgress(0.3, 'from-bottom', {width: 1280, height: 720}) * 720) % 2).toBeCloseTo(0, 9);
		expect(snapWipeProgress(0.3, 'from-bottom-left', portrait)).toBe(0.3);
		expect(snapWipeProgress(0.3, 'from-top', null)).toBe(0.3);
		expect([snapWipeProgress(0, 'from-top', portrait), snapWipeProgress(1, 'from-top', portrait)]).toEqual([0, 1]);
	});
});
