import type {TransitionPresentationComponentProps} from '@remotion/transitions';
import type {WipeProps} from '@remotion/transitions/wipe';
import type React from 'react';
import {renderToStaticMarkup} from 'react-dom/server';
import {describe, expect, it} from 'vitest';
import {isResting, restingWipe} from './resting-wipe';

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
});
