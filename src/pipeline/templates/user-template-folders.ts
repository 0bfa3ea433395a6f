import {existsSync, readdirSync, statSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {TEMPLATE_ID} from '../../compositions/define-template';
import {PromptreelError} from '../errors';

export type UserTemplateFolder = {id: string; folder: string; entry: string};

const ENTRIES = ['index.ts', 'index.tsx'];

/**
 * The template folders of PROMPTREEL_TEMPLATES_DIR: each sub-folder holding an index.ts or
 * index.tsx, named by its template id (docs/templates.md, "Templates outside the project"). A
 * missing dir, or a folder whose name is not an id, fails with what to do.
 */
export const userTemplateFolders = (dir: string): UserTemplateFolder[] => {
	const root = resolve(dir);
	if (!existsSync(root) || !statSync(root).isDirectory()) {
		throw new PromptreelError(
			'INVALID_CONFIG',
			`PROMPTREEL_TEMPLATES_DIR is ${root}, which is not a folder. Point it at a folder of template folders (promptreel templates new <id> --templates-dir <dir> makes one).`,
		);
	}
	const folders: UserTemplateFolder[] = [];
	for (const name of readdirSync(root).sort()) {
		const folder = join(root, name);
		if (name.startsWith('.') || name === 'node_modules' || !statSync(folder).isDirectory()) continue;
		const entry = ENTRIES.map((e) => join(folder, e)).find((e) => existsSync(e));
		if (!entry) continue;
		if (!TEMPLATE_ID.test(name)) {
			throw new PromptreelError(
				'TEMPLATE_INVALID',
				`${folder}: a template folder is named by its id, in lower-case words joined by "-" (e.g. "title-card"); rename it.`,
			);
		}
		folders.push({id: name, folder, entry});
	}
	return folders;
};
