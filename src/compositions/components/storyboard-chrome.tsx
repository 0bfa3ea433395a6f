import type React from 'react';
import {textDirectionOf, type CaptionStyle, type Palette, type Storyboard, type Timeline} from '../storyboard';
import {BrandLogo, type LogoCorner} from './brand-logo';
import {EndCard} from './end-card';
import {StoryboardAudio} from './storyboard-audio';
import {StoryboardCaptions} from './storyboard-captions';

/**
 * What sits over every scene of a template: the captions (in the storyboard's style, a template's
 * own style, or replaced by the template), the brand logo in the top corner away from the reading
 * start, and the sound (narration at its frames, music ducked under it).
 */
export const StoryboardChrome: React.FC<{
	storyboard: Storyboard;
	timeline: Timeline;
	palette: Palette;
	/** The captions in another style than the storyboard's (e.g. bigger for footage). */
	captionStyle?: CaptionStyle;
	/** Replaces the captions (e.g. kept inside a column); null when the words are the picture. */
	captions?: React.ReactNode;
	logoCorner?: LogoCorner;
}> = ({storyboard, timeline, palette, captionStyle, captions, logoCorner}) => (
	<>
		{captions === undefined ? (
			<StoryboardCaptions storyboard={storyboard} timeline={timeline} palette={palette} style={captionStyle} />
		) : (
			captions
		)}
		<BrandLogo
			src={storyboard.theme.logo}
			corner={logoCorner ?? (textDirectionOf(storyboard.language) === 'rtl' ? 'top-left' : 'top-right')}
		/>
		<StoryboardAudio storyboard={storyboard} timeline={timeline} />
	</>
);

/** The storyboard's end card: its title (or the video's), the credits, the fade to black. */
export const StoryboardEndCard: React.FC<{storyboard: Storyboard; palette: Palette; durationInFrames: number}> = ({
	storyboard,
	palette,
	durationInFrames,
}) => (
	<EndCard
		title={storyboard.endCard.title ?? storyboard.title}
		credits={storyboard.credits}
		palette={palette}
		durationInFrames={durationInFrames}
	/>
);
