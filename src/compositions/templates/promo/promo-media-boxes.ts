import {frameLayout} from '../../components/use-frame-layout';
import {sceneArea, type SceneArea} from '../../components/use-scene-layout';
import {parseTemplateOptions, type Storyboard} from '../../storyboard';
import type {MediaBox} from '../../define-template';
import {promoOptionsSchema} from './promo-schema';
import {promoRoles} from './promo-roles';

/** The feature card's size (px): half the safe area's width beside the callout, or its top half in portrait. */
export const featureCardSize = ({portrait, innerW, innerH}: SceneArea): MediaBox => {
	const width = portrait ? innerW : innerW * 0.5;
	return {width, height: portrait ? innerH * 0.5 : Math.min(innerH * 0.9, width * 0.75)};
};

/**
 * The box each promo scene draws its picture in: the whole frame for the hero and the call to
 * action, the card for a feature.
 */
export const promoMediaBoxes = (storyboard: Storyboard, frame: MediaBox): MediaBox[] => {
	const {options} = parseTemplateOptions({schema: promoOptionsSchema, templateId: 'promo', options: storyboard.templateOptions});
	const card = featureCardSize(sceneArea(frameLayout(frame.width, frame.height), storyboard.captionStyle));
	return promoRoles(storyboard.scenes.length, options.cta !== null).map((role) => (role.kind === 'feature' ? card : frame));
};
