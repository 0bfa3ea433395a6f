import type React from 'react';
import {AbsoluteFill} from 'remotion';
import {withAlpha} from './with-alpha';

export type ScrimEdge = 'top' | 'bottom' | 'left' | 'right';

/** The gradient's angle from an edge inwards (CSS: 0deg points up, so it starts at the bottom). */
const ANGLE: Record<ScrimEdge, string> = {bottom: '0deg', top: '180deg', left: '90deg', right: '270deg'};

/** Where the band sits: against its edge, `depth` of the frame deep. */
const band = (edge: ScrimEdge, depth: string): React.CSSProperties => {
	switch (edge) {
		case 'bottom':
			return {top: 'auto', height: depth};
		case 'top':
			return {bottom: 'auto', height: depth};
		case 'left':
			return {right: 'auto', width: depth};
		case 'right':
			return {left: 'auto', width: depth};
	}
};

/**
 * A scrim: `color` at `alpha` on one edge of the frame, fading to clear at `extent` (0..1) of the
 * frame. The picture of `linear-gradient(angle, color 0%, clear extent)` over the whole frame, drawn
 * as a band only as deep as the fade, in a compositor layer of its own (rasterised once, not on
 * every captured frame). A full-frame layer costs the compositor a blend of every pixel on each
 * draw, about five a captured frame, its transparent part too (docs/templates.md).
 */
export const EdgeScrim: React.FC<{edge: ScrimEdge; color: string; alpha: number; extent: number}> = ({edge, color, alpha, extent}) => {
	const angle = ANGLE[edge];
	return (
		<AbsoluteFill
			style={{
				...band(edge, `${extent * 100}%`),
				// Every stop has a position (docs/web-fidelity.md: unpositioned stops are spread differently).
				background: `linear-gradient(${angle}, ${withAlpha(color, alpha)} 0%, ${withAlpha(color, 0)} 100%)`,
				willChange: 'transform',
			}}
		/>
	);
};
