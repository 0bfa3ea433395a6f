import {restingWipe} from '../../components/resting-wipe';
import type React from 'react';
import {useTemplateFonts} from '../../components/use-template-fonts';
import {useTemplateStoryboard} from '../../components/use-template-storyboard';
import {textDirectionOf, type StoryboardInput} from '../../storyboard';
import {TemplateFrame} from '../../components/template-frame';
import {linearTransition} from '../../components/scene-series';
import {CtaScene} from './cta-scene';
import {FeatureScene} from './feature-scene';
import {HeroScene} from './hero-scene';
import {promoOptionsSchema} from './promo-schema';
import {promoRoles} from './promo-roles';
import type {SceneProps} from './promo-style';

/**
 * A product promo: a hero opening (the picture full bleed under a slanted slab with the name),
 * feature callouts (a tilted card of the picture swinging in, a badge, the feature in punchy
 * words), and a call to action with a pulsing button; scenes wipe diagonally into one another.
 */
const Promo: React.FC<StoryboardInput> = (props) => {
	const {storyboard, timeline, palette, options} = useTemplateStoryboard(props, 'promo', promoOptionsSchema);
	const {fontStack, ready} = useTemplateFonts(storyboard);
	const roles = promoRoles(storyboard.scenes.length, options.cta !== null);
	const rtl = textDirectionOf(storyboard.language) === 'rtl';
	return (
		<TemplateFrame
			fontStack={fontStack}
			storyboard={storyboard}
			timeline={timeline}
			palette={palette}
			renderScene={(scene, index, timing) => {
				const role = roles[index] ?? {kind: 'hero'};
				const common: SceneProps = {
					scene,
					index,
					role,
					storyboard,
					palette,
					options,
					fontStack,
					ready,
					durationInFrames: timing.durationInFrames,
				};
				switch (role.kind) {
					case 'hero':
						return <HeroScene {...common} />;
					case 'feature':
						return <FeatureScene {...common} number={role.number} />;
					case 'cta':
						return <CtaScene {...common} />;
				}
			}}
			// Diagonal wipes in the reading direction: the next scene sweeps in from the corner the eye goes to.
			transition={(_scene, _i, frames) =>
				linearTransition(restingWipe({direction: rtl ? 'from-bottom-left' : 'from-bottom-right'}), frames)
			}
		/>
	);
};

export default Promo;
