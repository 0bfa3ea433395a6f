import {TransitionSeries} from '@remotion/transitions';
import type React from 'react';
import {Fragment} from 'react';
import type {Palette, Scene, SceneTiming, Storyboard, Timeline} from '../../storyboard';
import {StoryboardEndCard} from './storyboard-chrome';

export type SceneSlot = {
	scene: Scene;
	index: number;
	timing: SceneTiming;
	/** Frames of the transition into this scene (the previous scene's overlap), 0 for the first. */
	enterFrames: number;
};

/**
 * Every scene of a storyboard in a TransitionSeries at the frames of the one timing helper, then
 * the end card. `renderScene` draws a scene; `renderTransition` returns the
 * `<TransitionSeries.Transition>` after it (called only when the scene overlaps the next one), so
 * each template keeps its own motion between scenes while the timing stays the shared one
 * (docs/architecture.md, "The storyboard": one timing helper).
 */
export const SceneSeries: React.FC<{
	storyboard: Storyboard;
	timeline: Timeline;
	palette: Palette;
	renderScene: (slot: SceneSlot) => React.ReactNode;
	renderTransition: (slot: SceneSlot) => React.ReactNode;
}> = ({storyboard, timeline, palette, renderScene, renderTransition}) => (
	<TransitionSeries>
		{storyboard.scenes.map((scene, index) => {
			const timing = timeline.scenes[index];
			if (!timing) return null;
			const slot: SceneSlot = {scene, index, timing, enterFrames: timeline.scenes[index - 1]?.transitionInFrames ?? 0};
			return (
				<Fragment key={scene.id}>
					<TransitionSeries.Sequence durationInFrames={timing.durationInFrames} name={`scene ${scene.id}`}>
						{renderScene(slot)}
					</TransitionSeries.Sequence>
					{timing.transitionInFrames > 0 ? renderTransition(slot) : null}
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
