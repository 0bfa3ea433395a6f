import type React from 'react';
import {AbsoluteFill, interpolate, spring, useCurrentFrame, useVideoConfig} from 'remotion';
import type {Credit, Palette} from '../storyboard';
import {endCardCredits} from './end-card-credits';
import {headingStyle} from './heading-style';
import {RadialGradientSvg, farthestCornerEllipse} from './radial-gradient-svg';
import {FONT_STACK} from './load-fonts';
import {useFrameLayout} from './use-frame-layout';
import {withAlpha} from './with-alpha';

/**
 * The closing card: the title, one short credits line with the notices a provider requires, where
 * the full credits are (credits.json), and a short fade to black at the very end so the video never
 * stops abruptly.
 */
export const EndCard: React.FC<{title: string; credits: Credit[]; palette: Palette; durationInFrames: number}> = ({
	title,
	credits,
	palette,
	durationInFrames,
}) => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	const {unit, safe, orientation, width, height} = useFrameLayout();
	const enter = spring({frame, fps, config: {damping: 200}, durationInFrames: Math.round(fps * 0.8)});
	const fadeFrames = Math.max(1, Math.min(Math.round(fps * 0.6), Math.round(durationInFrames * 0.3)));
	const black = interpolate(frame, [durationInFrames - fadeFrames, durationInFrames - 1], [0, 1], {
		extrapolateLeft: 'clamp',
		extrapolateRight: 'clamp',
	});
	const lines = endCardCredits(credits);
	const creditSize = unit * (orientation === 'portrait' ? 3.4 : 2.9);
	const titleSize = unit * (orientation === 'landscape' ? 8 : 9);

	return (
		<AbsoluteFill>
			{/* Its own compositor layer, so the full-frame gradient is not rasterised again per frame.
			    radial-gradient(ellipse at 50% 35%, surface, background 75%), as SVG: the web renderer
			    drops CSS radial gradients. */}
			<AbsoluteFill style={{willChange: 'transform'}}>
				<RadialGradientSvg
					width={width}
					height={height}
					cx={width / 2}
					cy={height * 0.35}
					{...farthestCornerEllipse({width, height, cx: width / 2, cy: height * 0.35})}
					stops={[
						{offset: 0, color: palette.surface},
						{offset: 0.75, color: palette.background},
					]}
				/>
			</AbsoluteFill>
			<AbsoluteFill
				style={{
					fontFamily: FONT_STACK,
					color: palette.text,
					alignItems: 'center',
					justifyContent: 'center',
					textAlign: 'center',
					padding: `${safe.top}px ${safe.side}px ${safe.bottom}px`,
				}}
			>
				<div
					style={{
						...headingStyle(titleSize),
						opacity: enter,
						transform: `scale(${0.92 + 0.08 * enter})`,
					}}
				>
					{title}
				</div>
				<div
					style={{
						width: unit * 16,
						height: Math.max(2, unit * 0.9),
						borderRadius: unit,
						background: palette.accent,
						margin: `${unit * 3}px 0`,
						// Grows by transform, not width: no layout per frame.
						transform: `scaleX(${enter})`,
					}}
				/>
				{[lines.line, ...lines.required, lines.more].map((text, i) =>
					text ? (
						<div
							key={i}
							style={{
								fontSize: i === 0 ? creditSize : creditSize * 0.85,
								fontWeight: i === 0 ? 600 : 500,
								lineHeight: 1.35,
								marginTop: i === 0 ? 0 : unit * 1.2,
								maxWidth: '100%',
								textWrap: 'balance',
								overflowWrap: 'anywhere',
								color: withAlpha(palette.text, i === 0 ? 0.92 : 0.78),
								opacity: interpolate(frame, [8 + i * 4, 18 + i * 4], [0, 1], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'}),
							}}
						>
							{text}
						</div>
					) : null,
				)}
				<AbsoluteFill style={{background: '#000000', opacity: black}} />
			</AbsoluteFill>
		</AbsoluteFill>
	);
};
