import type {Transition, Visual} from '../../compositions/storyboard';

/**
 * How a procedural background looks at a glance: the gradient and the orbs are both soft colour
 * fields of the same palette, the grid and the waves have lines and shapes of their own.
 */
const LOOK = {gradient: 'soft', orbs: 'soft', grid: 'grid', waves: 'waves'} as const;

/** What a frame looks like behind its title: the footage, or the kind of drawn background. */
const lookOf = (v: Visual): string => (v.kind === 'procedural' ? `procedural:${LOOK[v.style]}` : `${v.kind}:${v.src}`);

/**
 * Whether two scenes' frames are clearly different. A wipe or slide between near-identical
 * backgrounds (the same palette, the same kind of drawn background) shows only its seam, which
 * reads as a glitch line (issue #15), so those get a fade instead.
 */
export const framesDiffer = (from: Visual, to: Visual): boolean => lookOf(from) !== lookOf(to);

export type ChooseTransitionOptions = {
	/** The transition the cycle proposes. */
	wanted: Transition;
	from: Visual;
	/** The next scene's visual, or null for the end card (a drawn card of its own). */
	to: Visual | null;
};

/** The transition out of a scene: a wipe or slide only between clearly different frames, otherwise a fade. */
export const chooseTransition = (o: ChooseTransitionOptions): Transition => {
	if (o.wanted.type !== 'wipe' && o.wanted.type !== 'slide') return o.wanted;
	const differ = o.to === null ? o.from.kind !== 'procedural' : framesDiffer(o.from, o.to);
	return differ ? o.wanted : {...o.wanted, type: 'fade'};
};
