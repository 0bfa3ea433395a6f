export {listicleOptionsSchema} from './listicle-schema';
export type {ListicleOptions} from './listicle-schema';
export {calculateListicleMetadata} from './calculate-metadata';
export {listPositions, formatItemNumber} from './list-items';
export type {ListPosition} from './list-items';
