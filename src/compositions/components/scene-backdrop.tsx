import type React from 'react';
import type {Palette, Scene} from '../storyboard';
import {SceneVisual} from './scene-visual';

/**
 * A scene's picture as a backdrop for templates whose own text says the words (promo, captioned
 * clip, headline): its shots change and move the picture, no key-phrase chips, and a seed per scene.
 */
export const SceneBackdrop: React.FC<{
	scene: Scene;
	index: number;
	/** The storyboard's seed; each scene varies it by its index. */
	seed: number;
	durationInFrames: number;
	palette: Palette;
	iconCenterY?: number;
}> = ({scene, index, seed, durationInFrames, palette, iconCenterY}) => (
	<SceneVisual
		visual={scene.visual}
		shots={scene.shots}
		keyPhrases={false}
		durationInFrames={durationInFrames}
		palette={palette}
		seed={seed + index * 7919}
		iconCenterY={iconCenterY}
	/>
);
