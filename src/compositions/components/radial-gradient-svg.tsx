import type React from 'react';
import {useId} from 'react';

export type GradientStop = {
	/** 0..1 along the radius. */
	offset: number;
	/** `#rrggbb`. */
	color: string;
	/** 0..1. */
	opacity?: number;
};

/**
 * A radial gradient drawn as SVG instead of CSS `radial-gradient()`: the web renderer's painter
 * (@remotion/web-renderer) paints CSS linear gradients only and silently drops radial ones, but it
 * rasterises inline SVG, so both renderers draw this the same. Fills a `width` x `height` box; the
 * gradient is an ellipse centred at (cx, cy) with radii (rx, ry), all in pixels of that box, as
 * `radial-gradient(rx ry at cx cy, stops)`. Both stops of every caller share one colour (only the
 * opacity changes) or are opaque, so SVG's unpremultiplied interpolation equals CSS's premultiplied one.
 */
export const RadialGradientSvg: React.FC<{
	width: number;
	height: number;
	cx: number;
	cy: number;
	rx: number;
	ry: number;
	stops: GradientStop[];
	style?: React.CSSProperties;
}> = ({width, height, cx, cy, rx, ry, stops, style}) => {
	// useId's characters (":", "«") are not valid in url(#...): keep letters and digits.
	const id = `rg${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
	return (
		<svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} style={{position: 'absolute', left: 0, top: 0, ...style}}>
			<defs>
				<radialGradient
					id={id}
					gradientUnits="userSpaceOnUse"
					cx={0}
					cy={0}
					r={1}
					gradientTransform={`translate(${cx} ${cy}) scale(${rx} ${ry})`}
				>
					{stops.map((s, i) => (
						<stop key={i} offset={s.offset} stopColor={s.color} stopOpacity={s.opacity ?? 1} />
					))}
				</radialGradient>
			</defs>
			<rect width={width} height={height} fill={`url(#${id})`} />
		</svg>
	);
};

/**
 * Radii of CSS `radial-gradient(ellipse at cx cy, ...)` (its default size, `farthest-corner`) in a
 * width x height box: the ellipse with the aspect ratio of the `closest-side` one that passes
 * through the farthest corner (CSS Images 3, "farthest-corner").
 */
export const farthestCornerEllipse = (o: {width: number; height: number; cx: number; cy: number}): {rx: number; ry: number} => {
	const sideX = Math.min(o.cx, o.width - o.cx);
	const sideY = Math.min(o.cy, o.height - o.cy);
	const cornerX = Math.max(o.cx, o.width - o.cx);
	const cornerY = Math.max(o.cy, o.height - o.cy);
	const k = Math.hypot(cornerX / sideX, cornerY / sideY);
	return {rx: sideX * k, ry: sideY * k};
};
