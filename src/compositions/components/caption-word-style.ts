import type React from 'react';
import {spring} from 'remotion';
import type {CaptionPreset, Palette} from '../storyboard';
import {withAlpha} from './with-alpha';

export type CaptionWordState = {
	preset: CaptionPreset;
	/** Index of the word on its page, and of the word being spoken (-1 before the first). */
	index: number;
	active: number;
	/** Frames since this word started being spoken (negative before). */
	sinceFrames: number;
	fps: number;
	fontSize: number;
	palette: Palette;
};

/** The dark outline every caption word has (except on a pill): readable on any picture. */
export const captionOutline = (fontSize: number): React.CSSProperties => ({
	WebkitTextStroke: `${fontSize * 0.14}px ${withAlpha('#000000', 0.85)}`,
	paintOrder: 'stroke fill',
});

/**
 * How one word of a caption page looks in each preset (see captionPresetSchema): by its place
 * relative to the spoken word. Words not shown yet keep their place (opacity 0), so a page never
 * reflows while it is read, in any script or direction.
 */
export const captionWordStyle = (s: CaptionWordState): React.CSSProperties => {
	const outlined = captionOutline(s.fontSize);
	const isActive = s.index === s.active;
	const spoken = s.index <= s.active;
	switch (s.preset) {
		case 'classic':
			return outlined;
		case 'highlight':
			return isActive ? {...outlined, color: s.palette.accent} : outlined;
		case 'boxed':
			// The pill is drawn by the word's own background: padding pulled back by a negative margin
			// so the line does not move when the pill changes word.
			return isActive
				? {
						background: s.palette.accent,
						color: s.palette.background,
						borderRadius: s.fontSize * 0.18,
						padding: `0 ${s.fontSize * 0.16}px`,
						margin: `0 ${-s.fontSize * 0.16}px`,
						boxDecorationBreak: 'clone',
						WebkitBoxDecorationBreak: 'clone',
					}
				: outlined;
		case 'reveal': {
			// Progressive: each word fades in over a few frames as it is spoken, then stays.
			const shown = spoken ? Math.min(1, (s.sinceFrames + 1) / 4) : 0;
			return {...outlined, color: isActive ? s.palette.accent : undefined, opacity: shown};
		}
		case 'bounce': {
			// Each word springs up into place (with an overshoot) as it is spoken, then stays.
			const lift = spoken ? spring({frame: s.sinceFrames, fps: s.fps, config: {damping: 9, stiffness: 220}, durationInFrames: 12}) : 0;
			return {
				...outlined,
				color: isActive ? s.palette.accent : undefined,
				display: 'inline-block',
				transform: `translateY(${(1 - lift) * s.fontSize * 0.6}px) scale(${0.6 + 0.4 * lift})`,
				opacity: spoken ? Math.min(1, lift * 2) : 0,
			};
		}
		case 'pop':
			// Drawn alone by the captions (one word at a time); here only its colour.
			return {...outlined, color: s.palette.accent};
	}
};
