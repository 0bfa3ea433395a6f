import {build} from 'esbuild';
await build({entryPoints: ['.perf/measure.ts'], outfile: '.perf/measure.mjs', bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external',
  plugins: [{name: 'stub', setup(b) { b.onLoad({filter: /\.tsx$/}, () => ({contents: 'export default function U(){}', loader: 'js'})); }}],
  loader: {'.woff2': 'empty', '.woff': 'empty', '.css': 'empty'}, logLevel: 'warning'});
