// Builds the web page (src/web) into dist/web with esbuild: index.html, entry.js (+ chunks of the
// templates, loaded when first shown), entry.css and the bundled fonts. Run by build-cli.mjs, so
// `npm ci` (prepare) and `npm run build` make it; `promptreel serve` serves it at / (README.md,
// "The web page"). Everything is local: the page loads nothing from another origin.
import {mkdir, rm, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/web');

const HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>promptreel</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/web/entry.css">
</head>
<body>
<div id="root"></div>
<script type="module" src="/web/entry.js"></script>
</body>
</html>
`;

/** Builds the page; resolves with the time it took in ms. */
export const buildWeb = async () => {
	const started = performance.now();
	await rm(outdir, {recursive: true, force: true});
	await mkdir(outdir, {recursive: true});
	await build({
		absWorkingDir: root,
		entryPoints: {entry: 'src/web/main.tsx'},
		outdir,
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'browser',
		target: 'chrome110',
		jsx: 'automatic',
		publicPath: '/web/',
		// Font imports of the templates become files next to the page.
		loader: {'.woff2': 'file', '.woff': 'file'},
		assetNames: 'fonts/[name]-[hash]',
		chunkNames: 'chunks/[name]-[hash]',
		define: {'process.env.NODE_ENV': '"production"'},
		minify: true,
		sourcemap: false,
		logLevel: 'warning',
	});
	await writeFile(join(outdir, 'index.html'), HTML);
	return performance.now() - started;
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const ms = await buildWeb();
	process.stderr.write(`web page built in ${Math.round(ms)} ms (dist/web)\n`);
}
