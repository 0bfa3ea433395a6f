import type React from 'react';
import {useMemo} from 'react';
import {AbsoluteFill, type CalculateMetadataFunction, Sequence, useCurrentFrame} from 'remotion';
import {showsAt} from '../components/frame-window';
import {SceneBackdrop} from '../components/scene-backdrop';
import {computeTimeline, frameSize, storyboardSchema, themePalette, type StoryboardInput} from '../storyboard';

/**
 * The benchmark's pictures alone: each scene's visual with its shots full frame, as a template's
 * backdrop draws it, cut from one scene to the next; no text, captions, transitions or chrome. A
 * template that draws its scenes' pictures full frame (explainer, headline, captioned clip, the
 * promo's hero) cannot cost less, so for those `template / pictures` is what the design costs and
 * `pictures / bare` what the media do (docs/templates.md, "Speed").
 */
export const VisualsComposition: React.FC<StoryboardInput> = (props) => {
	const frame = useCurrentFrame();
	const storyboard = useMemo(() => storyboardSchema.parse(props), [props]);
	const timeline = useMemo(() => computeTimeline(storyboard), [storyboard]);
	const palette = themePalette(storyboard.theme);
	return (
		<AbsoluteFill style={{background: palette.background}}>
			{timeline.scenes.map((timing, i) => {
				const scene = storyboard.scenes[i];
				// Until the next scene starts: a cut, one picture at a time.
				const until = timeline.scenes[i + 1]?.startFrame ?? timing.startFrame + timing.durationInFrames;
				if (!scene || !showsAt(frame, timing.startFrame, until - timing.startFrame)) return null;
				return (
					<Sequence key={scene.id} from={timing.startFrame} durationInFrames={timing.durationInFrames} name={`picture ${scene.id}`}>
						<SceneBackdrop scene={scene} index={i} seed={storyboard.seed} durationInFrames={timing.durationInFrames} palette={palette} />
					</Sequence>
				);
			})}
		</AbsoluteFill>
	);
};

/** The storyboard's size, frame rate and length, as every template has them (computeTimeline). */
export const calculateVisualsMetadata: CalculateMetadataFunction<StoryboardInput> = ({props}) => {
	const storyboard = storyboardSchema.parse(props);
	const {width, height} = frameSize(storyboard.format);
	return {width, height, fps: storyboard.format.fps, durationInFrames: computeTimeline(storyboard).durationInFrames, props: storyboard};
};

export const VISUALS_COMPOSITION_ID = 'bench-visuals';
