import {createHash} from 'node:crypto';
import {createReadStream} from 'node:fs';
import {stat} from 'node:fs/promises';
import type {Storyboard} from '../../../compositions/storyboard';
import {isRemoteMedia, mediaRefsOf} from '../../media/storyboard-media-refs';
import {findLocalMedia} from '../storyboard-media';

/** Hashes by file, size and modification time: a storyboard re-rendered after an edit reads no media twice. */
const memo = new Map<string, string>();

const hashFile = async (file: string): Promise<string> => {
	const info = await stat(file);
	const key = `${file}\0${info.size}\0${info.mtimeMs}`;
	const known = memo.get(key);
	if (known) return known;
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
	const digest = hash.digest('hex').slice(0, 32);
	memo.set(key, digest);
	return digest;
};

/**
 * A content hash for every media reference of a storyboard: a local file's bytes (found like the
 * render finds it), a URL as written, `missing` for a file that resolves nowhere.
 */
export const hashMediaFiles = async (o: {storyboard: Storyboard; mediaDir: string}): Promise<(src: string) => string> => {
	const hashes = new Map<string, string>();
	for (const ref of mediaRefsOf(structuredClone(o.storyboard))) {
		if (hashes.has(ref.src)) continue;
		if (isRemoteMedia(ref.src)) {
			hashes.set(ref.src, `url:${ref.src}`);
			continue;
		}
		const file = findLocalMedia(ref.src, o.mediaDir);
		hashes.set(ref.src, file ? await hashFile(file) : 'missing');
	}
	return (src) => hashes.get(src) ?? `unknown:${src}`;
};
