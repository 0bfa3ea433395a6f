import type {FrameLayout} from '../../components/use-frame-layout';
import type {Visual} from '../../storyboard';

// Average advance of a bold Latin glyph, as a share of the font size; wide scripts wrap sooner,
// which only makes the band we keep free larger.
const GLYPH_WIDTH = 0.56;

const linesOf = (text: string, fontSize: number, lineWidth: number): number =>
	Math.min(3, Math.max(1, Math.ceil((text.length * fontSize * GLYPH_WIDTH) / Math.max(1, lineWidth))));

/**
 * Height (px) of the band AnimatedTitle's title, underline and text take from their edge of the
 * frame, with the same sizes (1% of the short side per unit), for its lines as wrapped at that
 * width (at most three).
 */
export const titleBandPx = (o: {title: string | null; text: string | null; underline: boolean; layout: FrameLayout}): number => {
	const {unit, safe, orientation, width} = o.layout;
	if (!o.title && !o.text) return 0;
	const titleSize = unit * (orientation === 'landscape' ? 7.4 : 8.2);
	const textSize = titleSize * 0.5;
	const lineWidth = width - 2 * safe.side;
	const title = o.title ? linesOf(o.title, titleSize, lineWidth) * titleSize * 1.1 : 0;
	const bar = o.title && o.underline ? unit * 2.5 : 0;
	const text = o.text ? unit * 1.8 + linesOf(o.text, textSize, lineWidth) * textSize * 1.25 : 0;
	return Math.ceil(safe.top + title + bar + text + unit * 3);
};

/**
 * Where a scene's picture goes so the title never covers it (README.md, "Your own media"): a photo or
 * clip (yours or stock) fills the frame minus the title's band, which shows the scene's background;
 * an illustration keeps the whole frame (its icon is placed away from the title already).
 */
export const pictureInset = (o: {
	visual: Visual;
	title: string | null;
	text: string | null;
	underline: boolean;
	placement: 'top' | 'bottom';
	layout: FrameLayout;
}): {top: number; bottom: number} => {
	if (o.visual.kind === 'procedural') return {top: 0, bottom: 0};
	const band = titleBandPx(o);
	return o.placement === 'top' ? {top: band, bottom: 0} : {top: 0, bottom: band};
};
