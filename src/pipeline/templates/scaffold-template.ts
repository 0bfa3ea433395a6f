import {existsSync} from 'node:fs';
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {PromptreelError} from '../errors';
import {TEMPLATE_ID} from '../../compositions/define-template';
import {registryLines, scaffoldFiles, scaffoldNames, scaffoldOutsideFiles} from './scaffold-files';

/** Where the registry's list ends: the entry goes before it. */
const LIST_END = '];\n\n/** The templates of this process';

const writeFiles = async (base: string, files: Record<string, string>) => {
	for (const [path, text] of Object.entries(files)) {
		await mkdir(dirname(join(base, path)), {recursive: true});
		await writeFile(join(base, path), text, {flag: 'wx'});
	}
};

export type ScaffoldResult = {id: string; files: string[]; registry: string | null};

/**
 * Writes a working template folder (options schema, calculateMetadata, component, index, a 16:9
 * sample) and a render test for it under `root`, and adds it to `src/compositions/registry.ts`
 * (docs/templates.md, "A template folder"). Refuses an id that is not kebab-case or already used.
 * With `templatesDir`, the folder goes there instead, importing from the template kit ("Templates
 * outside the project").
 */
export const scaffoldTemplate = async ({
	id,
	root,
	knownIds,
	templatesDir,
}: {
	id: string;
	root: string;
	knownIds: readonly string[];
	/** Write the template into this PROMPTREEL_TEMPLATES_DIR instead of the project (no registry edit). */
	templatesDir?: string | undefined;
}): Promise<ScaffoldResult> => {
	if (!TEMPLATE_ID.test(id)) {
		throw new PromptreelError(
			'INVALID_OPTION',
			`Template id "${id}" is not allowed: use lower-case letters and digits in words joined by "-", e.g. "title-card".`,
		);
	}
	const folder = templatesDir ? join(templatesDir, id) : join(root, 'src/compositions/templates', id);
	if (knownIds.includes(id) || existsSync(folder)) {
		throw new PromptreelError('TEMPLATE_EXISTS', `A template "${id}" already exists (${folder}): choose another id.`);
	}
	if (templatesDir) {
		const files = scaffoldOutsideFiles(scaffoldNames(id));
		await writeFiles(templatesDir, files);
		return {id, files: Object.keys(files), registry: null};
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
	await writeFiles(root, files);
	const withImports = `${source.slice(0, importEnd + 1)}${lines.imports}\n${source.slice(importEnd + 1)}`;
	await writeFile(registry, withImports.replace(LIST_END, `${lines.entry}\n${LIST_END}`));
	return {id, files: Object.keys(files), registry: 'src/compositions/registry.ts'};
};
