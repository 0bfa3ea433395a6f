import {registerTemplates, templateIds} from '../../compositions/registry';
import {PromptreelError} from '../errors';
import {loadUserTemplate} from './load-user-templates';
import {userTemplateFolders} from './user-template-folders';

let active: string | null = null;
const sources = new Map<string, string>();

/**
 * Makes the templates of PROMPTREEL_TEMPLATES_DIR part of this process: loaded and added to the
 * registry (listing, validation, calculateMetadata), and remembered so every Remotion bundle made
 * here includes them (bundle-cache.ts). Once per process; later calls with the same dir do nothing.
 */
export const activateUserTemplates = async (dir: string): Promise<string[]> => {
	if (active !== null) {
		if (active !== dir) throw new Error(`Templates of ${active} are active already; one PROMPTREEL_TEMPLATES_DIR per process.`);
		return [];
	}
	const folders = userTemplateFolders(dir);
	const taken = folders.find((f) => templateIds.includes(f.id));
	if (taken) {
		throw new PromptreelError(
			'TEMPLATE_INVALID',
			`${taken.folder}: "${taken.id}" is the id of a built-in template; rename the folder and its id.`,
		);
	}
	const loaded = [];
	for (const folder of folders) {
		loaded.push(await loadUserTemplate(folder));
		sources.set(folder.id, folder.folder);
	}
	registerTemplates(loaded);
	active = dir;
	return loaded.map((t) => t.id);
};

/** The PROMPTREEL_TEMPLATES_DIR this process activated, or null. */
export const activeUserTemplatesDir = (): string | null => active;

/** The folder a template of PROMPTREEL_TEMPLATES_DIR came from; undefined for a built-in one. */
export const userTemplateSource = (id: string): string | undefined => sources.get(id);
