import type {TemplateDefinition} from './define-template';
import {storyboardSchema, storyboardV2Schema} from './storyboard';
import {calculateExplainerMetadata, explainerOptionsSchema, explainerPropsSchema, explainerSchema} from './templates/explainer';
import explainerLandscape from './templates/explainer/samples/landscape.json';
import explainerPortrait from './templates/explainer/samples/portrait.json';
import explainerSquare from './templates/explainer/samples/square.json';
import {calculateKineticMetadata, kineticOptionsSchema} from './templates/kinetic';
import kineticLandscape from './templates/kinetic/samples/landscape.json';
import kineticPortrait from './templates/kinetic/samples/portrait.json';
import kineticSquare from './templates/kinetic/samples/square.json';
import {calculateListicleMetadata, listicleOptionsSchema} from './templates/listicle';
import listicleLandscape from './templates/listicle/samples/landscape.json';
import listiclePortrait from './templates/listicle/samples/portrait.json';
import listicleSquare from './templates/listicle/samples/square.json';
import {calculateDataStoryMetadata, dataStoryOptionsSchema} from './templates/data-story';
import dataStoryLandscape from './templates/data-story/samples/landscape.json';
import dataStoryPortrait from './templates/data-story/samples/portrait.json';
import dataStorySquare from './templates/data-story/samples/square.json';
import {calculateHeadlineMetadata, headlineOptionsSchema} from './templates/headline';
import headlineLandscape from './templates/headline/samples/landscape.json';
import headlinePortrait from './templates/headline/samples/portrait.json';
import headlineSquare from './templates/headline/samples/square.json';
import {calculateCaptionedClipMetadata, captionedClipOptionsSchema} from './templates/captioned-clip';
import captionedClipLandscape from './templates/captioned-clip/samples/landscape.json';
import captionedClipPortrait from './templates/captioned-clip/samples/portrait.json';
import captionedClipSquare from './templates/captioned-clip/samples/square.json';
import {audiogramOptionsSchema, calculateAudiogramMetadata} from './templates/audiogram';
import audiogramLandscape from './templates/audiogram/samples/landscape.json';
import audiogramPortrait from './templates/audiogram/samples/portrait.json';
import audiogramSquare from './templates/audiogram/samples/square.json';
import {calculatePromoMetadata, promoMediaBoxes, promoOptionsSchema} from './templates/promo';
import promoLandscape from './templates/promo/samples/landscape.json';
import promoPortrait from './templates/promo/samples/portrait.json';
import promoSquare from './templates/promo/samples/square.json';

const allTemplates: TemplateDefinition[] = [
	{
		id: 'explainer',
		title: 'Explainer',
		description:
			'Narrated scenes (video, image with a Ken Burns move, or an animated background with an icon), a title per scene, word-highlighted captions, transitions, music ducked under the voice, and an end card with the credits.',
		schema: explainerPropsSchema,
		templateOptionsSchema: explainerOptionsSchema,
		calculateMetadata: calculateExplainerMetadata,
		samples: {
			landscape: explainerSchema.parse(explainerLandscape),
			portrait: explainerSchema.parse(explainerPortrait),
			square: explainerSchema.parse(explainerSquare),
		},
		lazyComponent: () => import('./templates/explainer/Explainer'),
	},
	{
		id: 'kinetic',
		title: 'Kinetic typography',
		description:
			"Kinetic typography and quote cards: the narration's words appear one by one as they are spoken, big and filling the frame, over drifting bands of colour. Needs no media; the scene title is a small kicker, and with quoteMarks the scene text is the attribution.",
		schema: storyboardV2Schema,
		templateOptionsSchema: kineticOptionsSchema,
		calculateMetadata: calculateKineticMetadata,
		samples: {
			landscape: storyboardSchema.parse(kineticLandscape),
			portrait: storyboardSchema.parse(kineticPortrait),
			square: storyboardSchema.parse(kineticSquare),
		},
		lazyComponent: () => import('./templates/kinetic/Kinetic'),
	},
	{
		id: 'listicle',
		title: 'Listicle',
		description:
			"Numbered items (top-N lists, tips, outlines): a big rolling numeral and a progress indicator in a panel that stays while the items slide past, each item's picture in a card and its title fitted to the frame. Scenes carry itemNumber; scenes without one (intro, outro) show the item count.",
		schema: storyboardV2Schema,
		templateOptionsSchema: listicleOptionsSchema,
		calculateMetadata: calculateListicleMetadata,
		samples: {
			landscape: storyboardSchema.parse(listicleLandscape),
			portrait: storyboardSchema.parse(listiclePortrait),
			square: storyboardSchema.parse(listicleSquare),
		},
		lazyComponent: () => import('./templates/listicle/Listicle'),
	},
	{
		id: 'data-story',
		title: 'Data story',
		description:
			"Numbers told as charts: a scene's data becomes a counter counting up, bars growing one after another or a line drawing itself (SVG), under a measured title; scenes wipe like slides of a report.",
		schema: storyboardV2Schema,
		templateOptionsSchema: dataStoryOptionsSchema,
		calculateMetadata: calculateDataStoryMetadata,
		samples: {
			landscape: storyboardSchema.parse(dataStoryLandscape),
			portrait: storyboardSchema.parse(dataStoryPortrait),
			square: storyboardSchema.parse(dataStorySquare),
		},
		lazyComponent: () => import('./templates/data-story/DataStory'),
	},
	{
		id: 'headline',
		title: 'Headline (news)',
		description:
			'News style over images or clips: the picture full frame, a corner label (kicker), and a lower third with the scene title as the headline, the scene text as a dek strip and a source line.',
		schema: storyboardV2Schema,
		templateOptionsSchema: headlineOptionsSchema,
		calculateMetadata: calculateHeadlineMetadata,
		samples: {
			landscape: storyboardSchema.parse(headlineLandscape),
			portrait: storyboardSchema.parse(headlinePortrait),
			square: storyboardSchema.parse(headlineSquare),
		},
		lazyComponent: () => import('./templates/headline/Headline'),
	},
	{
		id: 'captioned-clip',
		title: 'Captioned clip',
		description:
			"Your own footage (or a voice-over over the scene pictures) full frame with big captions, TikTok style: hard cuts with a punch-in, jump zooms at each new sentence, the first scene's title as a hook sticker and a progress bar along the top. Captions are drawn larger than the storyboard's size (captionScale).",
		schema: storyboardV2Schema,
		templateOptionsSchema: captionedClipOptionsSchema,
		calculateMetadata: calculateCaptionedClipMetadata,
		samples: {
			landscape: storyboardSchema.parse(captionedClipLandscape),
			portrait: storyboardSchema.parse(captionedClipPortrait),
			square: storyboardSchema.parse(captionedClipSquare),
		},
		lazyComponent: () => import('./templates/captioned-clip/CaptionedClip'),
	},
	{
		id: 'audiogram',
		title: 'Audiogram (podcast)',
		description:
			"An audio file (podcast, voice-over or music) as a video: one continuous player with cover art (the scenes' image or clip), the show name and episode title, the sound drawn as a mirrored spectrum or a waveform (@remotion/media-utils), a progress clock, the chapter (scene title) changing with each scene, and captions.",
		schema: storyboardV2Schema,
		templateOptionsSchema: audiogramOptionsSchema,
		calculateMetadata: calculateAudiogramMetadata,
		samples: {
			landscape: storyboardSchema.parse(audiogramLandscape),
			portrait: storyboardSchema.parse(audiogramPortrait),
			square: storyboardSchema.parse(audiogramSquare),
		},
		lazyComponent: () => import('./templates/audiogram/Audiogram'),
	},
	{
		id: 'promo',
		title: 'Product promo',
		description:
			'A product promo: the first scene is the hero (its picture full bleed under a slanted slab with the name), the middle scenes are feature callouts (a tilted card of the picture, a tick or number badge, punchy words), the last a call to action with a pulsing button (option cta); scenes wipe diagonally.',
		schema: storyboardV2Schema,
		templateOptionsSchema: promoOptionsSchema,
		mediaBoxes: promoMediaBoxes,
		calculateMetadata: calculatePromoMetadata,
		samples: {
			landscape: storyboardSchema.parse(promoLandscape),
			portrait: storyboardSchema.parse(promoPortrait),
			square: storyboardSchema.parse(promoSquare),
		},
		lazyComponent: () => import('./templates/promo/Promo'),
	},
];

/** The templates of this process: the built-in ones, then those registered from PROMPTREEL_TEMPLATES_DIR. */
export const templates: readonly TemplateDefinition[] = allTemplates;

export const templateIds: readonly string[] = allTemplates.map((t) => t.id);

/**
 * Adds templates from outside src/ (docs/templates.md, "Templates outside the project"). The lists
 * above are live: every reader sees them. An id that is taken fails, naming both.
 */
export const registerTemplates = (added: readonly TemplateDefinition[]): void => {
	for (const template of added) {
		if (templateIds.includes(template.id)) {
			throw new Error(`Template "${template.id}" is registered twice: a template with this id already exists. Rename its folder and id.`);
		}
		allTemplates.push(template);
		(templateIds as string[]).push(template.id);
	}
};

/** The template with this id, or undefined when there is none. */
export const findTemplate = (id: string): TemplateDefinition | undefined => templates.find((t) => t.id === id);

export type {MediaBox, TemplateDefinition} from './define-template';
