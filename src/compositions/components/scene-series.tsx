import {TransitionSeries, linearTiming, type TransitionPresentation} from '@remotion/transitions';
import type React from 'react';
import {Fragment, useMemo} from 'react';
import {useCurrentFrame} from 'remotion';
import type {Palette, Scene, SceneTiming, Storyboard, Timeline} from '../storyboard';
import {blockAt, seriesBlocks} from './series-blocks';
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
 * How many scenes one TransitionSeries holds. A frame costs in proportion to a series' items
 * (docs/architecture.md, "Long renders"), and the scene that opens a block mounts afresh when its
 * block takes over, once per block: 8 keeps both small.
 */
export const SCENES_PER_BLOCK = 8;

type SceneSeriesProps = {
	storyboard: Storyboard;
	timeline: Timeline;
	palette: Palette;
	/** What a scene shows for its whole length. */
	renderScene: (scene: Scene, index: number, timing: SceneTiming) => React.ReactNode;
	/** The handover from this scene to the next (e.g. `linearTransition(fade(), frames)`); null for a cut. */
	transition: (scene: Scene, index: number, durationInFrames: number) => React.ReactNode;
	/** Scenes per TransitionSeries (tests set it low to cross blocks in a short storyboard). */
	scenesPerBlock?: number;
};

/**
 * Every template's spine: the scenes in order at the lengths the one timing helper computed, the
 * template's own handover between them, then the end card with the credits when the storyboard has one.
 * Narration, captions and music sit outside it at absolute frames, so transitions never shift them.
 *
 * Only the block of scenes around the current frame is mounted (`seriesBlocks`): a block is a
 * TransitionSeries placed at its first scene's start, drawing from where the scene before it has
 * ended to where its own last scene ends, the next scene's entrance included. Within a block every
 * frame is what one series over all scenes draws; the block's first scene lacks only the
 * presentation of its entrance, which rests as a no-op (opacity 1, no translation, no clip) by then.
 */
export const SceneSeries: React.FC<SceneSeriesProps> = ({
	storyboard,
	timeline,
	palette,
	renderScene,
	transition,
	scenesPerBlock = SCENES_PER_BLOCK,
}) => {
	const frame = useCurrentFrame();
	const items = useMemo(() => [...timeline.scenes, ...(timeline.endCard ? [timeline.endCard] : [])], [timeline]);
	const blocks = useMemo(() => seriesBlocks(items, scenesPerBlock), [items, scenesPerBlock]);
	const block = blockAt(blocks, frame);
	if (!block) return null;
	const children: React.ReactNode[] = [];
	for (let i = block.first; i <= block.last; i++) {
		const scene = storyboard.scenes[i];
		const timing = timeline.scenes[i];
		const handover = i < block.last && timing && timing.transitionInFrames > 0;
		if (scene && timing) {
			children.push(
				<Fragment key={scene.id}>
					<TransitionSeries.Sequence durationInFrames={timing.durationInFrames} name={`scene ${scene.id}`}>
						{renderScene(scene, i, timing)}
					</TransitionSeries.Sequence>
					{handover ? transition(scene, i, timing.transitionInFrames) : null}
				</Fragment>,
			);
		} else if (timeline.endCard && i === timeline.scenes.length) {
			children.push(
				<TransitionSeries.Sequence key="end card" durationInFrames={timeline.endCard.durationInFrames} name="end card">
					<StoryboardEndCard storyboard={storyboard} palette={palette} durationInFrames={timeline.endCard.durationInFrames} />
				</TransitionSeries.Sequence>,
			);
		}
	}
	const first = items[block.first];
	return (
		// The key remounts the series when the next block takes over: TransitionSeries keys its
		// sequences by position, so without it a scene would inherit another scene's state.
		<TransitionSeries key={block.first} from={first?.startFrame ?? 0} name={`scenes ${block.first + 1}-${block.last + 1}`}>
			{children}
		</TransitionSeries>
	);
};
