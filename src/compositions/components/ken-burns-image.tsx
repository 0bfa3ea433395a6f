import type React from 'react';
import {AbsoluteFill, Img, interpolate, useCurrentFrame} from 'remotion';
import type {Palette, Visual} from '../storyboard';
import {useLayerStyle} from './compositor-layers';
import {resolveMediaSrc} from './resolve-media-src';

type ImageVisual = Extract<Visual, {kind: 'image'}>;

const ZOOM = 0.12;
const PAN = 4; // % of the image's width

/** Scale and horizontal shift (in %) of a picture at progress p (0..1) of a camera move (the scene's, or a shot's). */
export const cameraAt = (motion: ImageVisual['motion'], p: number): {scale: number; x: number} => {
	switch (motion) {
		case 'zoom-in':
			return {scale: 1 + ZOOM * p, x: 0};
		case 'zoom-out':
			return {scale: 1 + ZOOM * (1 - p), x: 0};
		case 'pan-left':
			return {scale: 1 + ZOOM, x: PAN - 2 * PAN * p};
		case 'pan-right':
			return {scale: 1 + ZOOM, x: -PAN + 2 * PAN * p};
		case 'none':
			return {scale: 1, x: 0};
	}
};

/** A still image with a gentle Ken Burns move over the whole scene. */
export const KenBurnsImage: React.FC<{visual: ImageVisual; durationInFrames: number; palette: Palette}> = ({
	visual,
	durationInFrames,
	palette,
}) => {
	const frame = useCurrentFrame();
	const p = interpolate(frame, [0, Math.max(1, durationInFrames - 1)], [0, 1], {
		extrapolateLeft: 'clamp',
		extrapolateRight: 'clamp',
	});
	const {scale, x} = cameraAt(visual.motion, p);
	const layer = useLayerStyle();
	return (
		<AbsoluteFill style={{overflow: 'hidden'}}>
			{/* Shows around a `contain` image; a layer of its own so it is not repainted per frame. A
			    `cover` image (moved only by scales >= 1) hides it on every frame, and a hidden full-frame
			    layer still costs a blend per compositor draw (docs/templates.md). */}
			{visual.fit === 'contain' ? (
				<AbsoluteFill style={{background: `linear-gradient(160deg, ${palette.surface} 0%, ${palette.background} 100%)`, ...layer}} />
			) : null}
			<Img
				src={resolveMediaSrc(visual.src)}
				style={{
					width: '100%',
					height: '100%',
					objectFit: visual.fit,
					transform: `translateX(${x}%) scale(${scale})`,
					...layer,
				}}
			/>
		</AbsoluteFill>
	);
};
