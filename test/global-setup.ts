import {execFileSync} from 'node:child_process';
import {getBundle} from '../src/pipeline/render/bundle-cache';
import {ROOT, TEST_DATA_DIR} from './support/test-env';

/** Builds the CLI and bundles the Remotion project once for every test file. */
export default async function setup(): Promise<void> {
	execFileSync(process.execPath, ['scripts/build-cli.mjs'], {cwd: ROOT, stdio: 'inherit'});
	const started = performance.now();
	const result = await getBundle({cacheDir: TEST_DATA_DIR});
	process.stderr.write(`[global-setup] bundle ${result.cached ? 'reused' : 'built'} in ${Math.round(performance.now() - started)} ms\n`);
}
