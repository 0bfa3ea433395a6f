import type React from 'react';
import {Sequence, useCurrentFrame} from 'remotion';
import type {CaptionStyle, Palette, Storyboard, Timeline} from '../storyboard';
import {showsAt} from './frame-window';
import {TikTokCaptions} from './tiktok-captions';

/**
 * Every scene's captions at absolute frames from the one timing helper, each scene's until the
 * next item starts (so a transition never shows two pages). `style` lets a template move them
 * (e.g. above its lower third) without changing the storyboard. Only the captions on screen are
 * mounted (`showsAt`).
 */
export const StoryboardCaptions: React.FC<{
	storyboard: Storyboard;
	timeline: Timeline;
	palette: Palette;
	style?: CaptionStyle;
	/** Width (px) of a caption line when the captions sit in a column (see TikTokCaptions). */
	lineWidth?: number;
}> = ({storyboard, timeline, palette, style = storyboard.captionStyle, lineWidth}) => {
	const frame = useCurrentFrame();
	if (!style.enabled) return null;
	const nextStart = (i: number): number => timeline.scenes[i + 1]?.startFrame ?? timeline.endCard?.startFrame ?? timeline.durationInFrames;
	return (
		<>
			{storyboard.scenes.map((scene, i) => {
				const timing = timeline.scenes[i];
				if (!timing || scene.captions.length === 0) return null;
				const durationInFrames = Math.max(1, nextStart(i) - timing.startFrame);
				if (!showsAt(frame, timing.startFrame, durationInFrames)) return null;
				return (
					<Sequence key={`captions-${scene.id}`} from={timing.startFrame} durationInFrames={durationInFrames} name={`captions ${scene.id}`}>
						<TikTokCaptions
							captions={scene.captions}
							style={style}
							palette={palette}
							language={storyboard.language}
							lineWidth={lineWidth}
						/>
					</Sequence>
				);
			})}
		</>
	);
};
