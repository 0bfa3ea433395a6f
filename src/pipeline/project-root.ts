import {existsSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

let cached: string | null = null;

/** The promptreel package folder (holds src/index.ts and public/), found from this file upward. */
export const projectRoot = (): string => {
	if (cached) return cached;
	let dir = dirname(fileURLToPath(import.meta.url));
	for (;;) {
		const pkg = join(dir, 'package.json');
		if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'promptreel') {
			cached = dir;
			return dir;
		}
		const parent = dirname(dir);
		if (parent === dir) throw new Error('Could not find the promptreel package folder.');
		dir = parent;
	}
};
