import type React from 'react';
import {AbsoluteFill} from 'remotion';
import type {Palette, Visual} from '../storyboard';
import {FloatingIcon} from './floating-icon';
import {KenBurnsImage} from './ken-burns-image';
import {ProceduralBackground} from './procedural-background';
import {SceneVideo} from './scene-video';

/** What a scene shows: a clip, an image with a camera move, or a procedural background (+ icon). */
export const SceneVisual: React.FC<{
	visual: Visual;
	durationInFrames: number;
	palette: Palette;
	seed: number;
	/** Vertical centre of the icon as a fraction of the height, chosen to avoid title and captions. */
	iconCenterY?: number;
}> = ({visual, durationInFrames, palette, seed, iconCenterY}) => {
	switch (visual.kind) {
		case 'video':
			return <SceneVideo visual={visual} durationInFrames={durationInFrames} palette={palette} />;
		case 'image':
			return <KenBurnsImage visual={visual} durationInFrames={durationInFrames} palette={palette} />;
		case 'procedural':
			return (
				<AbsoluteFill>
					<ProceduralBackground style={visual.style} palette={palette} seed={seed} />
					{visual.icon ? <FloatingIcon src={visual.icon} centerY={iconCenterY} /> : null}
				</AbsoluteFill>
			);
	}
};
