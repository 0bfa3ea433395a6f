import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import {mkdir, readdir, readFile, rename, rm, stat} from 'node:fs/promises';
import {join, relative} from 'node:path';
import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {bundle} from '@remotion/bundler';
import {projectRoot} from '../project-root';
import {activeUserTemplatesDir} from '../templates/user-templates';
import {userTemplatesWebpackOverride} from './user-templates-webpack';

/** Folders and files whose content changes what the bundle contains. */
const BUNDLE_INPUTS = ['src/compositions', 'src/index.ts', 'public', 'package-lock.json', 'tsconfig.json'];
const BUNDLE_FORMAT_VERSION = '1';

const listFiles = async (path: string): Promise<string[]> => {
	const info = await stat(path).catch(() => null);
	if (!info) return [];
	if (info.isFile()) return [path];
	const entries = await readdir(path, {withFileTypes: true});
	const nested = await Promise.all(
		entries
			.filter((e) => !e.name.startsWith('.') && e.name !== 'node_modules' && !e.name.endsWith('.test.ts') && !e.name.endsWith('.test.tsx'))
			.map((e) => listFiles(join(path, e.name))),
	);
	return nested.flat().sort();
};

/**
 * A hash of every source the bundle is made of: the project's, and the templates of the
 * PROMPTREEL_TEMPLATES_DIR this process activated (they are in the bundle too).
 */
export const hashBundleSources = async (root = projectRoot(), templatesDir = activeUserTemplatesDir()): Promise<string> => {
	const hash = createHash('sha256').update(BUNDLE_FORMAT_VERSION);
	const inputs = BUNDLE_INPUTS.map((input) => ({base: root, path: join(root, input)}));
	if (templatesDir) {
		hash.update(`templates-dir\0${templatesDir}\0`);
		inputs.push({base: templatesDir, path: templatesDir});
	}
	for (const input of inputs) {
		for (const file of await listFiles(input.path)) {
			hash
				.update(relative(input.base, file))
				.update('\0')
				.update(await readFile(file))
				.update('\0');
		}
	}
	return hash.digest('hex').slice(0, 16);
};

export type BundleResult = {serveUrl: string; cached: boolean; ms: number; hash: string};

const inFlight = new Map<string, Promise<BundleResult>>();

/**
 * Returns a Remotion bundle of the project, made once per source hash and kept on disk in
 * `<cacheDir>/bundles/<hash>`; later calls (and later processes) reuse it. Written to a temporary
 * folder and renamed, so a crash never leaves a half bundle behind.
 */
export const getBundle = (options: {cacheDir: string; onProgress?: (progress: number) => void}): Promise<BundleResult> => {
	const key = options.cacheDir;
	const existing = inFlight.get(key);
	if (existing) return existing;
	const promise = makeBundle(options).catch((error: unknown) => {
		inFlight.delete(key);
		throw error;
	});
	inFlight.set(key, promise);
	return promise;
};

/** Bundles (or finds on disk) without the in-process memo of getBundle; used by the benchmark. */
export const bundleProject = (options: {cacheDir: string; onProgress?: (p: number) => void}): Promise<BundleResult> => makeBundle(options);

const makeBundle = async ({cacheDir, onProgress}: {cacheDir: string; onProgress?: (p: number) => void}): Promise<BundleResult> => {
	const started = performance.now();
	const root = projectRoot();
	const hash = await hashBundleSources(root);
	const bundlesDir = join(cacheDir, 'bundles');
	const target = join(bundlesDir, hash);
	if (existsSync(join(target, 'index.html'))) {
		onProgress?.(1);
		return {serveUrl: target, cached: true, ms: performance.now() - started, hash};
	}
	await mkdir(bundlesDir, {recursive: true});
	const temp = join(bundlesDir, `.tmp-${hash}-${process.pid}-${Date.now()}`);
	try {
		await bundle({
			entryPoint: join(root, 'src/index.ts'),
			outDir: temp,
			publicDir: join(root, 'public'),
			rootDir: root,
			enableCaching: true,
			webpackOverride: userTemplatesWebpackOverride(root, activeUserTemplatesDir()),
			onProgress: (percent) => onProgress?.(percent / 100),
		});
		await rename(temp, target).catch(async (error: unknown) => {
			// Another process won the race: its bundle is identical.
			if (existsSync(join(target, 'index.html'))) return;
			throw error;
		});
	} finally {
		await rm(temp, {recursive: true, force: true}).catch(() => undefined);
	}
	await pruneOldBundles(bundlesDir, hash);
	collectBundlerGarbage();
	return {serveUrl: target, cached: false, ms: performance.now() - started, hash};
};

/**
 * Webpack leaves ~190 MB of garbage on the heap of the process that bundled, and a render that
 * follows allocates too little to make V8 collect it: the process kept ~550 MB (PSS) instead of
 * ~200 MB through the whole render (docs/architecture.md, "Memory of a render"). One full
 * collection after a fresh bundle gives it back; `gc` is reached the way jest-leak-detector
 * reaches it, without starting node with --expose-gc.
 */
const collectBundlerGarbage = () => {
	setFlagsFromString('--expose-gc');
	const gc = runInNewContext('gc') as () => void;
	setFlagsFromString('--no-expose-gc');
	gc();
};

/** Keeps the newest few bundles so the cache does not grow without end. */
const pruneOldBundles = async (bundlesDir: string, keep: string): Promise<void> => {
	const entries = await readdir(bundlesDir, {withFileTypes: true}).catch(() => []);
	const dirs = await Promise.all(
		entries
			.filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== keep)
			.map(async (e) => ({path: join(bundlesDir, e.name), mtime: (await stat(join(bundlesDir, e.name))).mtimeMs})),
	);
	dirs.sort((a, b) => b.mtime - a.mtime);
	for (const old of dirs.slice(2)) await rm(old.path, {recursive: true, force: true}).catch(() => undefined);
};
