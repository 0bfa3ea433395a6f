export {promoOptionsSchema} from './promo-schema';
export type {PromoOptions} from './promo-schema';
export {calculatePromoMetadata} from './calculate-metadata';
export {promoRoles} from './promo-roles';
export type {PromoRole} from './promo-roles';
export {featureCardSize, promoMediaBoxes} from './promo-media-boxes';
