import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import {mkdir, readdir, readFile, rename, rm, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {type BuildOptions, build} from 'esbuild';
import {projectRoot} from '../../project-root';
import {hashBundleSources} from '../bundle-cache';
import {painterFixesPlugin} from './painter-fixes-plugin';

const PAGE_DIR = 'src/pipeline/render/web/page';
const ENTRY = `${PAGE_DIR}/web-render-entry.tsx`;
const PAINTER_FIXES_PLUGIN = 'src/pipeline/render/web/painter-fixes-plugin.ts';
// Bump when the build settings or HTML below change (they are not among the hashed sources).
const FORMAT_VERSION = 'web-2';

const HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>promptreel web render</title>
<link rel="icon" href="data:,"><style>html,body{margin:0;background:#000}</style></head>
<body><script type="module" src="./entry.js"></script></body></html>
`;

/** A hash of the compositions (as for the Remotion bundle) and of the page's own files. */
export const hashWebPageSources = async (root = projectRoot()): Promise<string> => {
	const hash = createHash('sha256')
		.update(FORMAT_VERSION)
		.update(await hashBundleSources(root));
	const files = (await readdir(join(root, PAGE_DIR))).filter((f) => !f.includes('.test.')).sort();
	// The plugin edits the painter (browser code) at build time: its source is part of the page.
	hash.update(await readFile(join(root, PAINTER_FIXES_PLUGIN)));
	for (const file of files)
		hash
			.update(file)
			.update('\0')
			.update(await readFile(join(root, PAGE_DIR, file)))
			.update('\0');
	return hash.digest('hex').slice(0, 16);
};

export type WebPageBundle = {dir: string; hash: string; cached: boolean; ms: number};

const inFlight = new Map<string, Promise<WebPageBundle>>();

/**
 * The web render page (index.html + entry.js + font files), built with esbuild once per source
 * hash into `<cacheDir>/web-bundles/<hash>` and reused by later renders and processes. Written to a
 * temporary folder and renamed, so a crash never leaves half a bundle.
 */
export const getWebPageBundle = (options: {cacheDir: string}): Promise<WebPageBundle> => {
	const existing = inFlight.get(options.cacheDir);
	if (existing) return existing;
	const promise = makeWebPageBundle(options).catch((error: unknown) => {
		inFlight.delete(options.cacheDir);
		throw error;
	});
	inFlight.set(options.cacheDir, promise);
	return promise;
};

/**
 * esbuild settings of a page that renders our compositions in Chromium (this web renderer page and
 * the layout audit's): ESM for a recent Chrome, React's automatic JSX, fonts as files beside it.
 */
export const BROWSER_PAGE_BUILD = {
	bundle: true,
	format: 'esm',
	platform: 'browser',
	target: 'chrome120',
	jsx: 'automatic',
	// Font imports become files next to the page; the import yields their relative URL.
	loader: {'.woff2': 'file'},
	assetNames: 'fonts/[name]-[hash]',
	define: {'process.env.NODE_ENV': '"production"'},
} as const satisfies BuildOptions;

const makeWebPageBundle = async ({cacheDir}: {cacheDir: string}): Promise<WebPageBundle> => {
	const started = performance.now();
	const root = projectRoot();
	const hash = await hashWebPageSources(root);
	const parent = join(cacheDir, 'web-bundles');
	const target = join(parent, hash);
	if (existsSync(join(target, 'index.html'))) return {dir: target, hash, cached: true, ms: performance.now() - started};
	const temp = join(parent, `.tmp-${hash}-${process.pid}-${Date.now()}`);
	await mkdir(temp, {recursive: true});
	try {
		await build({
			absWorkingDir: root,
			entryPoints: {entry: join(root, ENTRY)},
			outdir: temp,
			...BROWSER_PAGE_BUILD,
			minify: true,
			logLevel: 'silent',
			plugins: [painterFixesPlugin],
		});
		await writeFile(join(temp, 'index.html'), HTML);
		await rename(temp, target).catch((error: unknown) => {
			// Another process won the race: its bundle is identical.
			if (!existsSync(join(target, 'index.html'))) throw error;
		});
	} finally {
		await rm(temp, {recursive: true, force: true}).catch(() => undefined);
	}
	return {dir: target, hash, cached: false, ms: performance.now() - started};
};
