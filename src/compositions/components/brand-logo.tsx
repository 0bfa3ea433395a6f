import type React from 'react';
import {Img, interpolate, useCurrentFrame, useVideoConfig} from 'remotion';
import {resolveMediaSrc} from './resolve-media-src';
import {useFrameLayout} from './use-frame-layout';

export type LogoCorner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

/**
 * The brand logo (theme.logo) in a corner of the safe area, fading in; nothing when there is none.
 * Sized by the frame's short side, so it is the same share of the frame at every aspect.
 */
export const BrandLogo: React.FC<{src: string | null; corner?: LogoCorner; size?: number}> = ({src, corner = 'top-right', size = 7}) => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	const {unit, safe} = useFrameLayout();
	if (!src) return null;
	const [v, h] = corner.split('-') as ['top' | 'bottom', 'left' | 'right'];
	return (
		<Img
			src={resolveMediaSrc(src)}
			style={{
				position: 'absolute',
				[v]: v === 'top' ? safe.top * 0.6 : safe.bottom * 0.6,
				[h]: safe.side,
				height: unit * size,
				maxWidth: unit * size * 3,
				objectFit: 'contain',
				opacity: interpolate(frame, [0, fps * 0.5], [0, 0.92], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'}),
			}}
		/>
	);
};
