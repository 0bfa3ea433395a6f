// Builds the `promptreel` command into dist/cli.mjs (run by `npm ci` through `prepare`).
// Dependencies stay external; React components (reached only through the registry's lazy imports)
// are replaced by a stub, so the CLI never loads React.
import {build} from 'esbuild';

const stubReactComponents = {
	name: 'stub-react-components',
	setup(b) {
		b.onLoad({filter: /\.tsx$/}, () => ({
			contents: 'export default function Unavailable() { throw new Error("React components are rendered by Remotion, not by the CLI."); }',
			loader: 'js',
		}));
	},
};

await build({
	entryPoints: ['src/cli/bin.ts'],
	outfile: 'dist/cli.mjs',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	sourcemap: true,
	logLevel: 'warning',
	plugins: [stubReactComponents],
	loader: {'.woff2': 'empty', '.woff': 'empty', '.css': 'empty'},
});

// The web page that `promptreel serve` serves at / (scripts/build-web.mjs).
const {buildWeb} = await import('./build-web.mjs');
await buildWeb();
