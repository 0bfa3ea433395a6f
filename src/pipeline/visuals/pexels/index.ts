export {createPexelsClient, PexelsError, retryDelayMs, PEXELS_BASE_URL, PEXELS_HOURLY_LIMIT} from './pexels-client';
export type {PexelsClient, PexelsClientOptions, PexelsOrientation, SearchOptions} from './pexels-client';
export {createPexelsVisuals, PEXELS_CREDIT} from './pexels-visuals';
export type {PexelsVisualsOptions} from './pexels-visuals';
export {createRequestBudget} from './request-budget';
export type {RequestBudget, RequestBudgetOptions} from './request-budget';
export {rankPexels, pickVideoFile, pickPhotoSrc, photoSrcSize, slugWords} from './rank-pexels';
export type {PexelsCandidate, PexelsFile} from './rank-pexels';
export type {PexelsPhoto, PexelsVideo} from './pexels-api-schema';
