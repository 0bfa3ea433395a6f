import type React from 'react';
import {AbsoluteFill, interpolate, useCurrentFrame, useVideoConfig} from 'remotion';
import {useGroupEffects} from '../../components/group-opacity';
import {SceneVisual} from '../../components/scene-visual';
import {useFrameLayout} from '../../components/use-frame-layout';
import {withAlpha} from '../../components/with-alpha';
import type {Palette, Visual} from '../../storyboard';
import type {AudiogramOptions} from './audiogram-schema';

/** Degrees the round cover turns per second (a slow record). */
const SPIN_PER_SECOND = 14;

/**
 * The cover art at `size` px: a rounded square that swells a little with the sound, or a round
 * record that turns, with a hole. A new cover (another scene's picture) fades in over the old one.
 */
export const CoverArt: React.FC<{
	visual: Visual;
	previous: Visual | null;
	shape: AudiogramOptions['cover'];
	size: number;
	level: number;
	palette: Palette;
	seed: number;
	durationInFrames: number;
	/** Frame of the video (the record keeps turning across scenes). */
	absoluteFrame: number;
}> = ({visual, previous, shape, size, level, palette, seed, durationInFrames, absoluteFrame}) => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	const {unit} = useFrameLayout();
	const {groupOpacity} = useGroupEffects();
	const round = shape === 'round';
	const fadeIn = previous ? interpolate(frame, [0, 10], [0, 1], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'}) : 1;
	const spin = round ? (absoluteFrame / fps) * SPIN_PER_SECOND : 0;
	const scale = round ? 1 : 1 + level * 0.035;
	// The record's dark rim, drawn over the art as a ring rather than as the clipping box's border:
	// the web renderer's painter clips the children of a bordered, rounded, overflow-hidden box to its
	// outer edge, so the art covered the border there (audiogram portrait: 35.5 dB every frame).
	const rim = round ? unit * 1.4 : 0;
	const art = (v: Visual, opacity: number) => (
		<AbsoluteFill style={groupOpacity(opacity)}>
			<SceneVisual visual={v} durationInFrames={durationInFrames} palette={palette} seed={seed} iconCenterY={0.5} />
		</AbsoluteFill>
	);
	return (
		<div
			style={{
				position: 'relative',
				width: size + 2 * rim,
				height: size + 2 * rim,
				flexShrink: 0,
				borderRadius: round ? '50%' : unit * 3,
				overflow: 'hidden',
				transform: `scale(${scale}) rotate(${spin}deg)`,
				// Its own layer: the cover turns or pulses every frame, and without one its blurred
				// shadow is painted again each frame (capture path: 2.85 -> 4.01 fps at 720p).
				willChange: 'transform',
				boxShadow: `0 ${unit * 2}px ${unit * 5}px ${withAlpha('#000000', 0.45)}`,
			}}
		>
			{previous && fadeIn < 1 ? art(previous, 1) : null}
			{art(visual, fadeIn)}
			{round ? (
				<AbsoluteFill style={{alignItems: 'center', justifyContent: 'center'}}>
					<div
						style={{
							width: size * 0.16,
							height: size * 0.16,
							borderRadius: '50%',
							background: palette.background,
							border: `${unit * 0.8}px solid ${withAlpha(palette.text, 0.8)}`,
						}}
					/>
				</AbsoluteFill>
			) : null}
			{round ? (
				<AbsoluteFill style={{boxSizing: 'border-box', borderRadius: '50%', border: `${rim}px solid ${withAlpha('#000000', 0.85)}`}} />
			) : null}
		</div>
	);
};
