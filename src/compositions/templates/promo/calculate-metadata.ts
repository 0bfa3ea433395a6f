import {storyboardMetadata} from '../../components/storyboard-metadata';
import {promoOptionsSchema} from './promo-schema';

/** Size, frame rate and length of a promo: the storyboard's, through the one timing helper. */
export const calculatePromoMetadata = storyboardMetadata({templateId: 'promo', optionsSchema: promoOptionsSchema});
