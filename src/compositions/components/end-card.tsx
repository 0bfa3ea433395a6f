import type React from 'react';
import {AbsoluteFill, interpolate, spring, useCurrentFrame, useVideoConfig} from 'remotion';
import type {Credit, Palette} from '../storyboard';
import {headingStyle} from './heading-style';
import {RadialGradientSvg, farthestCornerEllipse} from './radial-gradient-svg';
import {FONT_STACK} from './load-fonts';
import {useFrameLayout} from './use-frame-layout';
import {withAlpha} from './with-alpha';

const creditLine = (c: Credit): string =>
	[c.title, c.author ? `by ${c.author}` : null, c.source && c.source !== c.author ? `via ${c.source}` : null, c.license]
		.filter(Boolean)
		// A no-break space before each dot keeps the separator at the end of a line, never at the start.
		.join('\u00a0· ');

/**
 * The closing card: a title, the credits of every third-party asset, and a short fade to black at
 * the very end so the video never stops abruptly.
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
	// Many credits get a smaller font, so the list fits in the half of the frame left under the title
	// (a credit wraps to about two lines in portrait).
	const expectedLines = credits.length * (orientation === 'portrait' ? 2 : 1.3) + 2;
	const available = (height - safe.top - safe.bottom) * 0.5;
	const creditSize = Math.max(unit * 1.2, Math.min(unit * (orientation === 'portrait' ? 3.2 : 2.7), available / (expectedLines * 1.4)));
	// Every credit is in by 40% of the card, however many there are.
	const stagger = Math.min(3, (durationInFrames * 0.4) / Math.max(1, credits.length));
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
				{credits.length > 0 ? (
					<div
						style={{
							fontSize: creditSize,
							lineHeight: 1.4,
							maxWidth: '100%',
							maxHeight: available * 1.2,
							overflow: 'hidden',
							color: withAlpha(palette.text, 0.85),
						}}
					>
						<div
							style={{
								fontWeight: 700,
								letterSpacing: '0.12em',
								textTransform: 'uppercase',
								fontSize: creditSize * 0.8,
								marginBottom: unit * 1.2,
								opacity: interpolate(frame, [6, 16], [0, 1], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'}),
							}}
						>
							Credits
						</div>
						{credits.map((c, i) => (
							<div
								key={i}
								style={{
									fontWeight: 500,
									textWrap: 'balance',
									overflowWrap: 'anywhere',
									opacity: interpolate(frame, [10 + i * stagger, 20 + i * stagger], [0, 1], {
										extrapolateLeft: 'clamp',
										extrapolateRight: 'clamp',
									}),
								}}
							>
								{creditLine(c)}
							</div>
						))}
					</div>
				) : null}
				<AbsoluteFill style={{background: '#000000', opacity: black}} />
			</AbsoluteFill>
		</AbsoluteFill>
	);
};
