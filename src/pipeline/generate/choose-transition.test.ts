import {describe, expect, it} from 'vitest';
import type {Transition, Visual} from '../../compositions/storyboard';
import {chooseTransition, framesDiffer} from './choose-transition';

const proc = (style: 'gradient' | 'orbs' | 'grid' | 'waves', icon = 'a.svg'): Visual => ({kind: 'procedural', style, icon, extraIcons: []});
const image = (src: string): Visual => ({kind: 'image', src, motion: 'zoom-in', fit: 'cover'});
const wipe: Transition = {type: 'wipe', direction: 'from-left', durationMs: 500};

describe('chooseTransition (wipes only between clearly different frames)', () => {
	it('tells near-identical backgrounds from different ones', () => {
		expect(framesDiffer(proc('orbs', 'a.svg'), proc('orbs', 'b.svg'))).toBe(false);
		// Two soft colour fields of one palette look alike, whatever the icon.
		expect(framesDiffer(proc('gradient'), proc('orbs'))).toBe(false);
		expect(framesDiffer(proc('orbs'), proc('grid'))).toBe(true);
		expect(framesDiffer(proc('grid'), image('a.jpg'))).toBe(true);
		expect(framesDiffer(image('a.jpg'), image('a.jpg'))).toBe(false);
		expect(framesDiffer(image('a.jpg'), image('b.jpg'))).toBe(true);
	});

	it('turns a wipe or slide between look-alikes into a fade, keeps it otherwise', () => {
		expect(chooseTransition({wanted: wipe, from: proc('orbs'), to: proc('gradient')})).toEqual({...wipe, type: 'fade'});
		expect(chooseTransition({wanted: {...wipe, type: 'slide'}, from: proc('waves'), to: proc('waves')}).type).toBe('fade');
		expect(chooseTransition({wanted: wipe, from: proc('orbs'), to: proc('waves')})).toEqual(wipe);
		expect(chooseTransition({wanted: wipe, from: image('a.jpg'), to: image('b.jpg')})).toEqual(wipe);
		// Into the end card (a drawn card like a procedural background): only footage wipes into it.
		expect(chooseTransition({wanted: wipe, from: proc('grid'), to: null}).type).toBe('fade');
		expect(chooseTransition({wanted: wipe, from: image('a.jpg'), to: null})).toEqual(wipe);
		const none: Transition = {type: 'none', direction: 'from-right', durationMs: 0};
		expect(chooseTransition({wanted: none, from: proc('orbs'), to: proc('orbs')})).toEqual(none);
	});
});
