// The promo's look shared by its scenes: title weight and leading, the slant, the title words' entrance.
import type React from 'react';
import {spring} from 'remotion';
import type {Palette, Scene, Storyboard} from '../../storyboard';
import type {PromoOptions} from './promo-schema';
import type {PromoRole} from './promo-roles';

export const TITLE_WEIGHT = 900;
export const TITLE_LINE = 1.04;
export const clamp = {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'} as const;
/** The slant of the promo's shapes and entrances, in degrees. */
export const SLANT = 10;

/** What every scene of a promo is drawn from. */
export type SceneProps = {
	scene: Scene;
	index: number;
	role: PromoRole;
	storyboard: Storyboard;
	palette: Palette;
	options: PromoOptions;
	fontStack: string;
	ready: boolean;
	durationInFrames: number;
};

/** Words of a title that shoot up into place one after another, tilted until they land. */
export const punchyWord =
	(frame: number, fps: number, delay: number) =>
	(wi: number): React.CSSProperties => {
		const p = spring({frame: frame - delay - wi * 2, fps, config: {damping: 14, stiffness: 180}, durationInFrames: 14});
		return {transform: `translateY(${(1 - p) * 60}%) skewY(${(1 - p) * -SLANT}deg)`, opacity: Math.min(1, p * 1.5)};
	};
