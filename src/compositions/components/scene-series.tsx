import {TransitionSeries, linearTiming, type TransitionPresentation} from '@remotion/transitions';
import type React from 'react';
import {Fragment} from 'react';
import type {Palette, Scene, SceneTiming, Storyboard, Timeline} from '../storyboard';
import {StoryboardEndCard} from './storyboard-chrome';

/**
 * A transition element with linear timing. A plain function, not a component: TransitionSeries
 * reads the type of its direct children, so the element itself must be a TransitionSeries.Transition.
 */
export const linearTransition = <P extends Record<string, unknown>>(
	presentation: TransitionPresentation<P>,
	durationInFrames: number,
): React.ReactNode => <TransitionSeries.Transition presentation={presentation} timing={linearTiming({durationInFrames})} />;

/**
 * Every template's spine: the scenes in order at the lengths the one timing helper computed, the
 * template's own handover between them, then the end card with the credits when the storyboard has one.
 * Narration, captions and music sit outside it at absolute frames, so transitions never shift them.
 */
export const SceneSeries: React.FC<{
	storyboard: Storyboard;
	timeline: Timeline;
	palette: Palette;
	/** What a scene shows for its whole length. */
	renderScene: (scene: Scene, index: number, timing: SceneTiming) => React.ReactNode;
	/** The handover from this scene to the next (e.g. `linearTransition(fade(), frames)`); null for a cut. */
	transition: (scene: Scene, index: number, durationInFrames: number) => React.ReactNode;
}> = ({storyboard, timeline, palette, renderScene, transition}) => (
	<TransitionSeries>
		{storyboard.scenes.map((scene, i) => {
			const timing = timeline.scenes[i];
			if (!timing) return null;
			return (
				<Fragment key={scene.id}>
					<TransitionSeries.Sequence durationInFrames={timing.durationInFrames} name={`scene ${scene.id}`}>
						{renderScene(scene, i, timing)}
					</TransitionSeries.Sequence>
					{timing.transitionInFrames > 0 ? transition(scene, i, timing.transitionInFrames) : null}
				</Fragment>
			);
		})}
		{timeline.endCard ? (
			<TransitionSeries.Sequence durationInFrames={timeline.endCard.durationInFrames} name="end card">
				<StoryboardEndCard storyboard={storyboard} palette={palette} durationInFrames={timeline.endCard.durationInFrames} />
			</TransitionSeries.Sequence>
		) : null}
	</TransitionSeries>
);
