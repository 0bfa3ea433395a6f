import type {CaptionStyle} from '../storyboard';
import {captionBandHeight} from './caption-band';
import type {FrameLayout} from './use-frame-layout';

/**
 * Where a scene's illustration goes: its centre and the side of its square, in px; `chipTop`: where
 * the key-phrase chip goes, under the square (when the options ask for room for one).
 */
export type IllustrationBox = {cx: number; cy: number; size: number; chipTop?: number};

export type IllustrationBoxOptions = {
	layout: FrameLayout;
	/** Where the scene's title sits (null: the scene has no title and no text). */
	title: {placement: 'top' | 'bottom'; lines: number; textLines: number; size: number} | null;
	captions: Pick<CaptionStyle, 'enabled' | 'position' | 'fontScale'>;
	/** Keep room under the picture for a key-phrase chip (the scene's shots have key phrases). */
	keyPhraseChip?: boolean;
};

/**
 * The smallest illustration square, as a share of the frame's short side: emoji art fills ~90% of
 * its square, so the drawn picture stays >= 0.3 of the short side (issue #15: a small icon reads as
 * clip art) even when a key-phrase chip takes room under it.
 */
export const MIN_ILLUSTRATION_SHARE = 0.34;
/** The largest, so the picture never crowds the frame. */
const MAX_ILLUSTRATION_SHARE = 0.56;
/** Room between the picture and the title or captions, in units. */
const GAP_UNITS = 2;
/** Room between the picture's sway and its key-phrase chip, in units (the chip belongs to the picture). */
const CHIP_GAP_UNITS = 1;
/** Height of a key-phrase chip (key-phrase-chip.tsx: one line of 4.6 units at 1.15, 0.9 units of padding each side), in units. */
export const CHIP_HEIGHT_UNITS = 4.6 * 1.15 + 2 * 0.9;
/**
 * How far the floating, tilting picture reaches past its square (floating-icon.tsx: 1.6 units up
 * and down, a tilt of up to 4 degrees), as a share of its side and in units.
 */
const SWAY_SHARE = 0.04;
const SWAY_UNITS = 1.6;

/** Height (px) a title block takes: its lines, the accent bar, the line of text under it (see animated-title.tsx). */
const titleBlockHeight = (t: NonNullable<IllustrationBoxOptions['title']>, unit: number): number =>
	t.lines * t.size * 1.1 + (t.lines > 0 ? unit * 2.5 : 0) + t.textLines * t.size * 0.5 * 1.25 + (t.textLines > 0 ? unit * 1.8 : 0);

/**
 * The illustration's square, composed with the title and the captions: the largest free stretch
 * of the safe area's height between them, the picture centred in it and as large as it allows
 * (at least MIN_ILLUSTRATION_SHARE of the short side, at most MAX_ILLUSTRATION_SHARE). Pure, so a
 * test measures it at 16:9, 9:16 and 1:1.
 */
export const illustrationBox = (o: IllustrationBoxOptions): IllustrationBox => {
	const {layout} = o;
	const {width, height, unit, safe} = layout;
	const top = safe.top;
	const bottom = height - safe.bottom;
	const taken: [number, number][] = [];
	if (o.title) {
		const h = titleBlockHeight(o.title, unit);
		taken.push(o.title.placement === 'top' ? [top, top + h] : [bottom - h, bottom]);
	}
	const band = captionBandHeight(layout, o.captions);
	if (band > 0) {
		const mid = (top + bottom) / 2;
		taken.push(
			o.captions.position === 'top'
				? [top, top + band]
				: o.captions.position === 'bottom'
					? [bottom - band, bottom]
					: [mid - band / 2, mid + band / 2],
		);
	}
	taken.sort((a, b) => a[0] - b[0]);
	// The free stretches of [top, bottom] around what the title and captions take.
	let best: [number, number] = [top, bottom];
	let cursor = top;
	let bestLength = -1;
	for (const [from, to] of [...taken, [bottom, bottom] as [number, number]]) {
		if (from - cursor > bestLength) {
			best = [cursor, from];
			bestLength = from - cursor;
		}
		cursor = Math.max(cursor, to);
	}
	const short = Math.min(width, height);
	// A chip goes under the picture, clear of its sway: the picture and the chip share the stretch.
	const chip = o.keyPhraseChip ? SWAY_UNITS * unit + CHIP_GAP_UNITS * unit + CHIP_HEIGHT_UNITS * unit : 0;
	const room = Math.min((bestLength - 2 * GAP_UNITS * unit - chip) / (o.keyPhraseChip ? 1 + SWAY_SHARE : 1), width - 2 * safe.side);
	const size = Math.max(MIN_ILLUSTRATION_SHARE * short, Math.min(MAX_ILLUSTRATION_SHARE * short, room));
	if (!o.keyPhraseChip) return {cx: width / 2, cy: (best[0] + best[1]) / 2, size};
	const block = size * (1 + SWAY_SHARE) + chip;
	const cy = (best[0] + best[1]) / 2 - block / 2 + size / 2;
	return {cx: width / 2, cy, size, chipTop: cy + size * (0.5 + SWAY_SHARE) + SWAY_UNITS * unit + CHIP_GAP_UNITS * unit};
};
