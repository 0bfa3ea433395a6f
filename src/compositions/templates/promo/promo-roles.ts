export type PromoRole =
	/** The opening: the product's picture full frame, its name big. */
	| {kind: 'hero'}
	/** A feature callout; `number` counts features from 1. */
	| {kind: 'feature'; number: number}
	/** The closing call to action (only when the template has a `cta`). */
	| {kind: 'cta'};

/**
 * What each scene of a promo is: the first the hero, the last the call to action when there is a
 * button to show (and more than one scene), every other one a numbered feature.
 */
export const promoRoles = (sceneCount: number, hasCta: boolean): PromoRole[] =>
	Array.from({length: sceneCount}, (_, i): PromoRole => {
		if (i === 0) return {kind: 'hero'};
		if (hasCta && i === sceneCount - 1) return {kind: 'cta'};
		return {kind: 'feature', number: i};
	});
