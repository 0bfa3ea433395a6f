import {copyFile, mkdir} from 'node:fs/promises';
import {dirname, join, resolve} from 'node:path';
import type {Storyboard} from '../../compositions/storyboard';
import {findLocalMedia, localMediaPaths} from '../render';

/**
 * Copies the relative media a storyboard names, as found from `from` (its file's folder, then
 * promptreel's public/: bundled music and samples), into `to` at the same relative paths, so `to`
 * becomes the storyboard's self-contained home (README.md, "Output"). Returns the paths copied.
 */
export const importLocalMedia = async (o: {storyboard: Storyboard; from: string; to: string}): Promise<string[]> => {
	const copied: string[] = [];
	for (const src of new Set(localMediaPaths(o.storyboard))) {
		const file = findLocalMedia(src, o.from);
		if (!file) continue;
		const target = join(o.to, src);
		if (resolve(file) === resolve(target)) continue;
		await mkdir(dirname(target), {recursive: true});
		await copyFile(file, target);
		copied.push(src);
	}
	return copied;
};
