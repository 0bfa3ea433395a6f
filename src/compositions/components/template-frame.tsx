import type React from 'react';
import {AbsoluteFill} from 'remotion';
import type {CaptionStyle, Palette, Scene, SceneTiming, Storyboard, Timeline} from '../storyboard';
import type {LogoCorner} from './brand-logo';
import {FONT_VARIABLE} from './load-fonts';
import {SceneSeries} from './scene-series';
import {StoryboardChrome} from './storyboard-chrome';

/**
 * What every template draws around its scenes: the font stack as a CSS variable, the scenes and
 * end card (SceneSeries), whatever stays put over them, then StoryboardChrome: captions, brand logo, sound.
 * A template only says how one scene looks and how scenes hand over.
 */
export const TemplateFrame: React.FC<{
	storyboard: Storyboard;
	timeline: Timeline;
	palette: Palette;
	fontStack: string;
	/** Behind everything (default the palette's background). */
	background?: string;
	renderScene: (scene: Scene, index: number, timing: SceneTiming) => React.ReactNode;
	transition: (scene: Scene, index: number, durationInFrames: number) => React.ReactNode;
	/** Drawn over the scenes and under the captions, e.g. a panel that stays while scenes pass. */
	overlay?: React.ReactNode;
	/** The captions in another style than the storyboard's (e.g. bigger for footage). */
	captionStyle?: CaptionStyle;
	/** Replaces the storyboard's captions (e.g. kept inside a column); null when the words are the picture. */
	captions?: React.ReactNode;
	logoCorner?: LogoCorner;
}> = ({storyboard, timeline, palette, fontStack, background, renderScene, transition, overlay, captionStyle, captions, logoCorner}) => (
	<AbsoluteFill style={{background: background ?? palette.background, [FONT_VARIABLE]: fontStack} as React.CSSProperties}>
		<SceneSeries storyboard={storyboard} timeline={timeline} palette={palette} renderScene={renderScene} transition={transition} />
		{overlay}
		<StoryboardChrome
			storyboard={storyboard}
			timeline={timeline}
			palette={palette}
			captionStyle={captionStyle}
			captions={captions}
			logoCorner={logoCorner}
		/>
	</AbsoluteFill>
);
