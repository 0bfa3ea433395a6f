import {createReadStream} from 'node:fs';
import {copyFile, link, mkdir, readdir, rm, stat} from 'node:fs/promises';
import {dirname, isAbsolute, join} from 'node:path';
import {Readable} from 'node:stream';
import type {FileStore} from './file-store';

/** Hard-links a file (or copies it, across file systems), making the target's folder. */
const linkOrCopy = async (from: string, to: string): Promise<void> => {
	await mkdir(dirname(to), {recursive: true});
	await link(from, to).catch(() => copyFile(from, to));
};

/**
 * The data dir as the file store: outputs stay where the render wrote them, and the recorded
 * output folder is their absolute path (as before a file store existed, so old jobs still serve).
 */
export const createLocalFileStore = (o: {dataDir: string}): FileStore => {
	const pathOf = (key: string) => (isAbsolute(key) ? key : join(o.dataDir, key));
	return {
		kind: 'local',
		async saveDir({localDir, stored}) {
			// outputObject answers null, so no renderer writes elsewhere: a stored file here is a bug.
			const elsewhere = Object.keys(stored ?? {});
			if (elsewhere.length > 0) throw new Error(`The data dir store was handed files written elsewhere: ${elsewhere.join(', ')}.`);
			return localDir;
		},
		outputObject: () => null,
		async listDirs(prefix) {
			const root = pathOf(prefix);
			const names = await readdir(root).catch(() => [] as string[]);
			const dirs = await Promise.all(names.map(async (name) => ({name, info: await stat(join(root, name)).catch(() => null)})));
			return dirs.flatMap((d) => (d.info?.isDirectory() ? [{name: d.name, mtimeMs: d.info.mtimeMs}] : []));
		},
		keyOf: (outputDir, name) => join(outputDir, name),
		dirOf: (prefix) => pathOf(prefix),
		async putFile({key, file}) {
			if (pathOf(key) !== file) await linkOrCopy(file, pathOf(key));
		},
		async stat(key) {
			const info = await stat(pathOf(key)).catch(() => null);
			return info?.isFile() ? {size: info.size, mtimeMs: info.mtimeMs} : null;
		},
		async read(key, range) {
			const stream = createReadStream(pathOf(key), range ? {start: range.start, end: range.end} : {});
			return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
		},
		async download(key, file) {
			if (!(await this.stat(key))) return false;
			await linkOrCopy(pathOf(key), file);
			return true;
		},
		copy: (from, to) => linkOrCopy(pathOf(from), pathOf(to)),
		removePrefix: (prefix) => rm(pathOf(prefix), {recursive: true, force: true}),
		redirectUrl: async () => null,
	};
};
