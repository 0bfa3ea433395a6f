import type {Scene, Visual} from '../../storyboard';

/**
 * The cover art of a scene: its own image or clip, else the first image or clip of the storyboard
 * (a podcast keeps one cover), else its procedural background.
 */
export const coverOf = (scenes: readonly Pick<Scene, 'visual'>[], index: number): Visual => {
	const own = scenes[index]?.visual;
	if (own && own.kind !== 'procedural') return own;
	const any = scenes.find((s) => s.visual.kind !== 'procedural')?.visual;
	return any ?? own ?? {kind: 'procedural', style: 'orbs', icon: null, extraIcons: []};
};
