export {scaffoldTemplate} from './scaffold-template';
export type {ScaffoldResult} from './scaffold-template';
export {scaffoldFiles, scaffoldNames, scaffoldOutsideFiles, registryLines} from './scaffold-files';
export type {ScaffoldNames} from './scaffold-files';
export {activateUserTemplates, activeUserTemplatesDir, userTemplateSource} from './user-templates';
export {userTemplateFolders} from './user-template-folders';
export type {UserTemplateFolder} from './user-template-folders';
