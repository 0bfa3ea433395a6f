export {scaffoldTemplate} from './scaffold-template';
export type {ScaffoldResult} from './scaffold-template';
export {scaffoldFiles, scaffoldNames, registryLines} from './scaffold-files';
export type {ScaffoldNames} from './scaffold-files';
