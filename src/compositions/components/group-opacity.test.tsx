import type {TransitionPresentationComponentProps} from '@remotion/transitions';
import type React from 'react';
import {renderToStaticMarkup} from 'react-dom/server';
import {describe, expect, it} from 'vitest';
import {GroupEffectsContext, type GroupEffects, groupFade, groupOpacityFor, textShadowFor, useGroupEffects} from './group-opacity';

/** A fade midway, as the transition series draws the entering scene, under the given effects (none: the default). */
const fadeMarkup = (effects?: GroupEffects) => {
	const Presentation = groupFade().component as React.FC<TransitionPresentationComponentProps<Record<string, never>>>;
	const fade = (
		<Presentation
			presentationDirection="entering"
			presentationProgress={0.25}
			passedProps={{}}
			presentationDurationInFrames={15}
			onElementImage={() => undefined}
			onUnmount={() => undefined}
			bothEnteringAndExiting={false}
		>
			<p>scene</p>
		</Presentation>
	);
	return renderToStaticMarkup(effects ? <GroupEffectsContext.Provider value={effects}>{fade}</GroupEffectsContext.Provider> : fade);
};

const Caption: React.FC = () => {
	const {textShadowStyle} = useGroupEffects();
	return <div style={textShadowStyle({y: 2, blur: 4, color: 'rgba(0,0,0,0.6)', opacity: 0.5})}>words</div>;
};

describe('group effects', () => {
	it('write CSS opacity and text-shadow for Chrome (capture, HTML-in-canvas) and filters for the composer', () => {
		expect(groupOpacityFor('css', 0.4)).toEqual({opacity: 0.4});
		expect(groupOpacityFor('filter', 0.4)).toEqual({filter: 'drop-shadow(0px 0px 0px transparent) opacity(0.4)'});
		expect(textShadowFor('css', {x: 1, y: 2, blur: 3, color: 'black', opacity: 0.5})).toEqual({
			textShadow: '1px 2px 3px black',
			opacity: 0.5,
		});
		expect(textShadowFor('filter', {y: 2, color: 'black'})).toEqual({filter: 'drop-shadow(0px 2px 0px black)'});
	});

	it('draw nothing at full opacity, so a resting layer has no effect at all', () => {
		expect([groupOpacityFor('css', 1), groupOpacityFor('filter', 1)]).toEqual([{}, {}]);
		expect(textShadowFor('css', {y: 2, color: 'black'})).toEqual({textShadow: '0px 2px 0px black'});
	});

	it('follow the render: CSS unless the web render page provides filters', () => {
		expect(fadeMarkup()).toContain('opacity:0.25');
		expect(fadeMarkup()).not.toContain('filter');
		expect(fadeMarkup('filter')).toContain('filter:drop-shadow(0px 0px 0px transparent) opacity(0.25)');
		expect(renderToStaticMarkup(<Caption />)).toContain('text-shadow:0px 2px 4px rgba(0,0,0,0.6);opacity:0.5');
		expect(
			renderToStaticMarkup(
				<GroupEffectsContext.Provider value="filter">
					<Caption />
				</GroupEffectsContext.Provider>,
			),
		).toContain('filter:drop-shadow(0px 2px 4px rgba(0,0,0,0.6)) opacity(0.5)');
	});
});
