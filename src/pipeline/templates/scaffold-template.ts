import {existsSync} from 'node:fs';
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {PromptreelError} from '../errors';
import {registryLines, scaffoldFiles, scaffoldNames} from './scaffold-files';

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** Where the registry's list ends: the entry goes before it. */
const LIST_END = '];\n\nexport const templateIds';

export type ScaffoldResult = {id: string; files: string[]; registry: string};

/**
 * Writes a working template folder (options schema, calculateMetadata, component, index, a 16:9
 * sample) and a render test for it under `root`, and adds it to `src/compositions/registry.ts`
 * (docs/templates.md, "A template folder"). Refuses an id that is not kebab-case or already used.
 */
export const scaffoldTemplate = async ({
	id,
	root,
	knownIds,
}: {
	id: string;
	root: string;
	knownIds: readonly string[];
}): Promise<ScaffoldResult> => {
	if (!ID.test(id)) {
		throw new PromptreelError(
			'INVALID_OPTION',
			`Template id "${id}" is not allowed: use lower-case letters and digits in words joined by "-", e.g. "title-card".`,
		);
	}
	const folder = join(root, 'src/compositions/templates', id);
	if (knownIds.includes(id) || existsSync(folder)) {
		throw new PromptreelError('TEMPLATE_EXISTS', `A template "${id}" already exists (${folder}): choose another id.`);
	}
	const registry = join(root, 'src/compositions/registry.ts');
	const source = await readFile(registry, 'utf8');
	const lastImport = source.lastIndexOf("from './templates/");
	const importEnd = lastImport < 0 ? -1 : source.indexOf('\n', lastImport);
	if (importEnd < 0 || !source.includes(LIST_END)) {
		throw new PromptreelError(
			'INTERNAL',
			`${registry} does not have the shape the scaffold edits (template imports, then the list ending in "${LIST_END.split('\n')[0]}"): add the template by hand (docs/templates.md).`,
		);
	}
	const names = scaffoldNames(id);
	const lines = registryLines(names);
	const files = scaffoldFiles(names);
	for (const [path, text] of Object.entries(files)) {
		await mkdir(dirname(join(root, path)), {recursive: true});
		await writeFile(join(root, path), text, {flag: 'wx'});
	}
	const withImports = `${source.slice(0, importEnd + 1)}${lines.imports}\n${source.slice(importEnd + 1)}`;
	await writeFile(registry, withImports.replace(LIST_END, `${lines.entry}\n${LIST_END}`));
	return {id, files: Object.keys(files), registry: 'src/compositions/registry.ts'};
};
