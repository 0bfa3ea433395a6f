import {createHash} from 'node:crypto';
import {mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {build, type Plugin} from 'esbuild';
import type {TemplateDefinition} from '../../compositions/define-template';
import {PromptreelError} from '../errors';
import {projectRoot} from '../project-root';
import {TEMPLATE_KIT, templateKitPath} from './template-kit-alias';
import type {UserTemplateFolder} from './user-template-folders';

/** Asset files a template (or a font package) imports: the browser bundle serves them; in Node they are nothing. */
const ASSET = /\.(css|woff2?|ttf|otf|png|jpe?g|webp|gif|svg|mp3|wav|mp4|webm)$/;

/** Every asset import, from the template's files or from a package, becomes an empty module. */
const emptyAssets: Plugin = {
	name: 'empty-assets',
	setup(b) {
		b.onResolve({filter: ASSET}, (args) => ({path: args.path, namespace: 'empty-asset'}));
		b.onLoad({filter: /.*/, namespace: 'empty-asset'}, () => ({contents: 'export default "";', loader: 'js'}));
	},
};

const invalid = (folder: string, why: string) => new PromptreelError('TEMPLATE_INVALID', `${folder}: ${why}`);

/**
 * Compiles one template folder for Node with esbuild (its files and `@promptreel/template-kit`
 * bundled, packages left to promptreel's node_modules) into the project's cache and imports it, so
 * the CLI, server and MCP know its id, options, samples and calculateMetadata. The component is
 * never called here: Remotion's bundle renders it (user-templates-webpack.ts).
 */
export const loadUserTemplate = async (t: UserTemplateFolder): Promise<TemplateDefinition> => {
	const root = projectRoot();
	const built = await build({
		entryPoints: [t.entry],
		bundle: true,
		write: false,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		jsx: 'automatic',
		packages: 'external',
		alias: {[TEMPLATE_KIT]: templateKitPath(root)},
		plugins: [emptyAssets],
		logLevel: 'silent',
	}).catch((error: {errors?: {text: string; location?: {file: string; line: number}}[]}) => {
		const first = error.errors?.[0];
		const where = first?.location ? ` (${first.location.file}:${first.location.line})` : '';
		throw invalid(t.folder, `does not compile: ${first?.text ?? String(error)}${where}`);
	});
	const code = built.outputFiles[0]?.text ?? '';
	// Inside promptreel's node_modules, so the bundle's package imports resolve to promptreel's copies.
	const cacheDir = join(root, 'node_modules', '.cache', 'promptreel-templates');
	await mkdir(cacheDir, {recursive: true});
	const file = join(cacheDir, `${t.id}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
	await writeFile(file, code);
	const module = (await import(pathToFileURL(file).href).catch((error: unknown) => {
		throw invalid(t.folder, `fails to load: ${error instanceof Error ? error.message : String(error)}`);
	})) as {default?: Partial<TemplateDefinition>};
	const template = module.default;
	if (!template || typeof template !== 'object' || typeof template.lazyComponent !== 'function') {
		throw invalid(t.folder, `index must \`export default defineTemplate({...})\` from '${TEMPLATE_KIT}' (docs/templates.md).`);
	}
	if (template.id !== t.id) {
		throw invalid(t.folder, `declares the id "${template.id}", but a template folder is named by its id: rename one of them.`);
	}
	return template as TemplateDefinition;
};
