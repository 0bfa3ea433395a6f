import type {LayoutBox} from './layout-audit-protocol';

/** Roles that are words on screen; any two of them must not cover each other. */
const TEXT_ROLES = new Set(['title', 'text', 'caption', 'key-phrase', 'badge']);

/**
 * Whether two marked boxes may not overlap: text over text, or text over a picture's subject (an
 * illustration, a picture card, a framed photo). Pictures may overlap each other (a crossfade), and
 * a list's rolling numerals each other (one leaves as the next comes in, clipped by their panel).
 */
const mustNotOverlap = (a: LayoutBox, b: LayoutBox): boolean => {
	const textA = TEXT_ROLES.has(a.role);
	const textB = TEXT_ROLES.has(b.role);
	if (a.role === 'badge' && b.role === 'badge') return false;
	return (textA && textB) || (textA && b.role === 'picture') || (textB && a.role === 'picture');
};

/** Width and height of the area two boxes share (0 when apart). */
const shared = (a: LayoutBox, b: LayoutBox): {w: number; h: number} => ({
	w: Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)),
	h: Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y)),
});

export type Overlap = {a: LayoutBox; b: LayoutBox; w: number; h: number};

/**
 * The pairs of one frame's boxes that cover each other by more than `tolerancePx` both ways
 * (boxes that merely touch, or share a sliver of a line's leading, do not count).
 */
export const layoutOverlaps = (boxes: readonly LayoutBox[], tolerancePx: number): Overlap[] => {
	const found: Overlap[] = [];
	for (let i = 0; i < boxes.length; i++)
		for (let j = i + 1; j < boxes.length; j++) {
			const a = boxes[i]!;
			const b = boxes[j]!;
			if (!mustNotOverlap(a, b)) continue;
			const s = shared(a, b);
			if (s.w > tolerancePx && s.h > tolerancePx) found.push({a, b, ...s});
		}
	return found;
};
