export {kineticOptionsSchema} from './kinetic-schema';
export type {KineticOptions} from './kinetic-schema';
export {calculateKineticMetadata} from './calculate-metadata';
export {kineticPages, sceneWords} from './kinetic-pages';
export type {KineticPage, TimedWord} from './kinetic-pages';
