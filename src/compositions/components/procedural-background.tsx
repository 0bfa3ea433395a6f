import type React from 'react';
import {useMemo} from 'react';
import {AbsoluteFill, random, useCurrentFrame, useVideoConfig} from 'remotion';
import type {Palette, Visual} from '../storyboard';
import {RadialGradientSvg, farthestCornerEllipse} from './radial-gradient-svg';
import {withAlpha} from './with-alpha';

type Style = Extract<Visual, {kind: 'procedural'}>['style'];
type Props = {palette: Palette; seed: number; frame: number; width: number; height: number; fps: number};

const TAU = Math.PI * 2;

// Everything below is cheap to paint on purpose (frame capture is the render bottleneck): no CSS
// blur, filters or large shadows, and every gradient sits in its own compositor layer. Paint that
// is not in such a layer is rasterised again for every captured frame (measured: a static
// full-frame gradient costs ~20 ms of CPU per frame in the page's own layer, ~0 in its own).
// Only what both renderers paint alike (web-paintable-css.ts in src/pipeline/render/web lists the
// rest): linear gradients with a position on
// every stop, radial ones as SVG (RadialGradientSvg), no CSS radial-gradient, filters or blend modes.

/**
 * A layer the compositor keeps as a texture: its paint is rasterised once and then only moved,
 * instead of being repainted (gradients are costly in software raster) on every captured frame.
 */
const LAYER: React.CSSProperties = {willChange: 'transform'};

/**
 * A slowly turning linear gradient under a drifting glow. Both are static textures moved by
 * transforms: the linear one is a horizontal gradient rotated to the angle and stretched to the
 * length CSS would give `linear-gradient(angle, ...)` on this frame, the glow a circle scaled to
 * the `farthest-corner` radius of `radial-gradient(circle at x y, ...)` - the same picture as
 * animating the gradients themselves, without a repaint per frame.
 */
const Gradient: React.FC<Props> = ({palette, seed, frame, fps, width, height}) => {
	const t = frame / fps;
	const phase = random(`${seed}-gradient`) * TAU;
	const angle = 135 + 25 * Math.sin(t * 0.35 + phase);
	const x = (0.5 + 0.3 * Math.sin(t * 0.25 + phase)) * width;
	const y = (0.4 + 0.2 * Math.cos(t * 0.2 + phase)) * height;
	const diagonal = Math.hypot(width, height);
	const rad = (angle * Math.PI) / 180;
	// Length of the gradient line of `linear-gradient(angle)` on a width x height box.
	const lineLength = Math.abs(width * Math.sin(rad)) + Math.abs(height * Math.cos(rad));
	const farthestCorner = Math.max(Math.hypot(x, y), Math.hypot(width - x, y), Math.hypot(x, height - y), Math.hypot(width - x, height - y));
	const glow = 0.55 * diagonal; // radius of the glow texture; scaled to 55% of the farthest corner
	return (
		// Both ends of the linear gradient are the background colour, so it needs to cover only its line.
		<AbsoluteFill style={{background: palette.background, overflow: 'hidden'}}>
			<div
				style={{
					...LAYER,
					position: 'absolute',
					left: (width - diagonal) / 2,
					top: (height - diagonal) / 2,
					width: diagonal,
					height: diagonal,
					background: `linear-gradient(90deg, ${palette.background} 0%, ${palette.surface} 60%, ${palette.background} 100%)`,
					transform: `rotate(${angle - 90}deg) scaleX(${lineLength / diagonal})`,
				}}
			/>
			<div
				style={{
					...LAYER,
					position: 'absolute',
					left: -glow,
					top: -glow,
					width: 2 * glow,
					height: 2 * glow,
					transform: `translate(${x}px, ${y}px) scale(${(0.55 * farthestCorner) / glow})`,
				}}
			>
				{/* radial-gradient(circle closest-side, primary 55%, transparent) */}
				<RadialGradientSvg
					width={2 * glow}
					height={2 * glow}
					cx={glow}
					cy={glow}
					rx={glow}
					ry={glow}
					stops={[
						{offset: 0, color: palette.primary, opacity: 0.55},
						{offset: 1, color: palette.primary, opacity: 0},
					]}
				/>
			</div>
		</AbsoluteFill>
	);
};

const Orbs: React.FC<Props> = ({palette, seed, frame, fps, width, height}) => {
	const orbs = useMemo(() => {
		const colours = [palette.primary, palette.accent, palette.surface, palette.primary, palette.text];
		return Array.from({length: 7}, (_, i) => {
			const r = (k: string) => random(`${seed}-orb-${i}-${k}`);
			return {
				colour: colours[i % colours.length] ?? palette.primary,
				size: (0.3 + 0.35 * r('size')) * Math.max(width, height),
				x: r('x') * width,
				y: r('y') * height,
				ampX: (0.05 + 0.08 * r('ax')) * width,
				ampY: (0.05 + 0.08 * r('ay')) * height,
				speed: 0.15 + 0.25 * r('speed'),
				phase: r('phase') * TAU,
				alpha: i % colours.length === 4 ? 0.15 : 0.45 + 0.3 * r('alpha'),
			};
		});
	}, [palette, seed, width, height]);
	const t = frame / fps;
	return (
		<AbsoluteFill style={{overflow: 'hidden'}}>
			<AbsoluteFill style={{...LAYER, background: `linear-gradient(160deg, ${palette.background} 0%, ${palette.surface} 100%)`}} />
			{orbs.map((o, i) => {
				const x = o.x + o.ampX * Math.sin(t * o.speed + o.phase) - o.size / 2;
				const y = o.y + o.ampY * Math.cos(t * o.speed * 0.8 + o.phase) - o.size / 2;
				return (
					<div
						key={i}
						style={{
							position: 'absolute',
							width: o.size,
							height: o.size,
							...LAYER,
							transform: `translate(${x}px, ${y}px)`,
						}}
					>
						{/* A radial gradient gives the soft edge a blur would, at a fraction of the cost:
						    radial-gradient(circle, colour, transparent 68%), whose radius is the farthest corner. */}
						<RadialGradientSvg
							width={o.size}
							height={o.size}
							cx={o.size / 2}
							cy={o.size / 2}
							rx={o.size * Math.SQRT1_2}
							ry={o.size * Math.SQRT1_2}
							stops={[
								{offset: 0, color: o.colour, opacity: o.alpha},
								{offset: 0.68, color: o.colour, opacity: 0},
							]}
						/>
					</div>
				);
			})}
		</AbsoluteFill>
	);
};

/**
 * A drifting grid with a few cells pulsing. The lines are thin boxes in a box moved by a transform,
 * painted again each frame: a composited SVG texture moved by a fractional translate is resampled
 * by Chrome's compositor and by the web renderer's painter in two different ways (every third frame
 * of a 1/3-scale render ~37.6 dB over the whole frame), where boxes are drawn at the moved place by
 * both (docs/web-fidelity.md, "grid lines"). Each lit cell is a small layer whose opacity changes.
 */
const Grid: React.FC<Props> = ({palette, seed, frame, fps, width, height}) => {
	const cell = Math.round(Math.min(width, height) / 9);
	const cols = Math.ceil(width / cell) + 2;
	const rows = Math.ceil(height / cell) + 2;
	const lit = useMemo(
		() =>
			Array.from({length: 12}, (_, i) => ({
				c: Math.floor(random(`${seed}-grid-${i}-c`) * cols),
				r: Math.floor(random(`${seed}-grid-${i}-r`) * rows),
				phase: random(`${seed}-grid-${i}-p`) * TAU,
				colour: i % 3 === 0 ? palette.accent : palette.primary,
			})),
		[seed, cols, rows, palette],
	);
	const lines = useMemo(() => {
		const stroke = Math.max(1, cell * 0.015);
		const colour = withAlpha(palette.text, 0.2);
		const l: React.ReactNode[] = [];
		// Centred on the grid line, as an SVG stroke is.
		for (let c = 0; c < cols; c++)
			l.push(
				<div
					key={`c${c}`}
					style={{position: 'absolute', left: c * cell - stroke / 2, top: 0, width: stroke, height: rows * cell, background: colour}}
				/>,
			);
		for (let r = 0; r < rows; r++)
			l.push(
				<div
					key={`r${r}`}
					style={{position: 'absolute', left: 0, top: r * cell - stroke / 2, width: cols * cell, height: stroke, background: colour}}
				/>,
			);
		return l;
	}, [cols, rows, cell, palette.text]);
	const t = frame / fps;
	const shift = (t * cell * 0.25) % cell; // drifts one cell every 4 s, endlessly
	return (
		<AbsoluteFill style={{overflow: 'hidden'}}>
			<AbsoluteFill style={{...LAYER, background: `linear-gradient(200deg, ${palette.surface} 0%, ${palette.background} 70%)`}} />
			<div
				style={{
					position: 'absolute',
					left: -cell,
					top: -cell,
					width: cols * cell,
					height: rows * cell,
					transform: `translate(${shift}px, ${shift}px)`,
				}}
			>
				{lit.map((l, i) => (
					<div
						key={i}
						style={{
							position: 'absolute',
							left: l.c * cell + 2,
							top: l.r * cell + 2,
							width: cell - 4,
							height: cell - 4,
							borderRadius: cell * 0.12,
							background: l.colour,
							opacity: 0.15 + 0.45 * (0.5 + 0.5 * Math.sin(t * 1.2 + l.phase)),
							willChange: 'opacity',
						}}
					/>
				))}
				{lines}
			</div>
			{/* The vignette: radial-gradient(ellipse at 50% 45%, transparent 40%, background 75%). */}
			<AbsoluteFill style={LAYER}>
				<RadialGradientSvg
					width={width}
					height={height}
					cx={width / 2}
					cy={height * 0.45}
					{...farthestCornerEllipse({width, height, cx: width / 2, cy: height * 0.45})}
					stops={[
						{offset: 0.4, color: palette.background, opacity: 0},
						{offset: 1, color: palette.background, opacity: 0.75},
					]}
				/>
			</AbsoluteFill>
		</AbsoluteFill>
	);
};

const Waves: React.FC<Props> = ({palette, seed, frame, fps, width, height}) => {
	const t = frame / fps;
	const layers = [palette.surface, palette.primary, palette.accent, palette.primary];
	const points = 40;
	return (
		<AbsoluteFill>
			<AbsoluteFill style={{...LAYER, background: `linear-gradient(180deg, ${palette.background} 0%, ${palette.surface} 100%)`}} />
			{/* Its own layer: the waves change every frame, the gradient under them does not. */}
			<svg width={width} height={height} style={{...LAYER, position: 'absolute'}}>
				{layers.map((colour, i) => {
					const base = height * (0.55 + i * 0.1);
					const amp = height * (0.05 - i * 0.007);
					const k = (1.3 + random(`${seed}-wave-${i}-k`)) * (TAU / width);
					const phase = random(`${seed}-wave-${i}-p`) * TAU;
					const speed = 0.5 + 0.4 * random(`${seed}-wave-${i}-s`);
					let d = `M 0 ${height}`;
					for (let p = 0; p <= points; p++) {
						const x = (p / points) * width;
						const y = base + amp * Math.sin(k * x + t * speed + phase) + amp * 0.4 * Math.sin(2.3 * k * x - t * speed * 1.3);
						d += ` L ${x.toFixed(1)} ${y.toFixed(1)}`;
					}
					d += ` L ${width} ${height} Z`;
					return <path key={i} d={d} fill={withAlpha(colour, i === 2 ? 0.35 : 0.5)} />;
				})}
			</svg>
		</AbsoluteFill>
	);
};

const STYLES: Record<Style, React.FC<Props>> = {gradient: Gradient, orbs: Orbs, grid: Grid, waves: Waves};

/** An animated background drawn from the palette; the seed makes every choice (never Math.random). */
export const ProceduralBackground: React.FC<{style: Style; palette: Palette; seed: number}> = ({style, palette, seed}) => {
	const frame = useCurrentFrame();
	const {width, height, fps} = useVideoConfig();
	const Component = STYLES[style];
	return <Component palette={palette} seed={seed} frame={frame} fps={fps} width={width} height={height} />;
};
