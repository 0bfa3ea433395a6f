import type React from 'react';
import {AbsoluteFill, Img, spring, useCurrentFrame, useVideoConfig} from 'remotion';
import {resolveMediaSrc} from './resolve-media-src';
import {useFrameLayout} from './use-frame-layout';

/**
 * An illustration (SVG/PNG) over a procedural background: pops in, then floats gently. Its box
 * comes from `illustrationBox` (composed with the title and captions), else a centred square of
 * 34% of the short side at `centerY`.
 */
export const FloatingIcon: React.FC<{src: string; centerY?: number; box?: {cx: number; cy: number; size: number}}> = ({
	src,
	centerY = 0.5,
	box,
}) => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	const {unit, width, height} = useFrameLayout();
	const size = box?.size ?? unit * 34;
	const enter = spring({frame, fps, config: {damping: 14, mass: 0.8}, durationInFrames: Math.round(fps * 0.8)});
	const float = Math.sin((frame / fps) * 1.6) * unit * 1.6;
	const tilt = Math.sin((frame / fps) * 1.1) * 4;
	return (
		<AbsoluteFill>
			<Img
				data-layout="picture"
				src={resolveMediaSrc(src)}
				style={{
					position: 'absolute',
					width: size,
					height: size,
					objectFit: 'contain',
					left: box?.cx ?? width / 2,
					top: box?.cy ?? height * centerY,
					transform: `translate(-50%, -50%) translateY(${float}px) rotate(${tilt}deg) scale(${0.6 + 0.4 * enter})`,
					opacity: enter,
				}}
			/>
		</AbsoluteFill>
	);
};
