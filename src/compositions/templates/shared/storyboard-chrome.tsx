import type React from 'react';
import {BrandLogo} from '../../components/brand-logo';
import {EndCard} from '../../components/end-card';
import {StoryboardAudio} from '../../components/storyboard-audio';
import {StoryboardCaptions} from '../../components/storyboard-captions';
import {textDirectionOf, type CaptionStyle, type Palette, type Storyboard, type Timeline} from '../../storyboard';

/**
 * What sits over every scene of a template: the captions (optionally in a template's own style),
 * the brand logo in the top corner away from the reading start, and the sound (narration at its
 * frames, music ducked under it).
 */
export const StoryboardChrome: React.FC<{storyboard: Storyboard; timeline: Timeline; palette: Palette; captionStyle?: CaptionStyle}> = ({
	storyboard,
	timeline,
	palette,
	captionStyle,
}) => (
	<>
		<StoryboardCaptions storyboard={storyboard} timeline={timeline} palette={palette} style={captionStyle} />
		<BrandLogo src={storyboard.theme.logo} corner={textDirectionOf(storyboard.language) === 'rtl' ? 'top-left' : 'top-right'} />
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
