import {randomBytes} from 'node:crypto';
import {existsSync} from 'node:fs';
import {copyFile, link, mkdir, readdir, rename, rm, stat, utimes} from 'node:fs/promises';
import {join} from 'node:path';

/** The files of one rendered chunk: h264 in MPEG-TS and AAC made for seamless joining. */
export type ChunkFiles = {video: string; audio: string};

export type ChunkCache = {
	/** Puts a cached chunk's files into `dir` (a hard link, or a copy across file systems); null when not cached. */
	take(fingerprint: string, dir: string): Promise<ChunkFiles | null>;
	/** Keeps a rendered chunk; failing to store never fails the render. */
	store(fingerprint: string, files: ChunkFiles): Promise<void>;
	/** Removes the least recently used chunks until the chunks take at most maxBytes, sparing `keep`. */
	evict(keep: ReadonlySet<string>): Promise<{removed: number; bytes: number}>;
};

const PREFIX = 'chunk-';
const FILES = {video: 'video.ts', audio: 'audio.wav'} as const;
/** A half-written entry of a crashed process is removed after this long. */
const STALE_TEMP_MS = 60 * 60 * 1000;

const linkOrCopy = async (from: string, to: string) => {
	await link(from, to).catch(() => copyFile(from, to));
};

const sizeOf = async (dir: string): Promise<number> => {
	const names = await readdir(dir).catch(() => [] as string[]);
	const sizes = await Promise.all(
		names.map((n) =>
			stat(join(dir, n)).then(
				(s) => s.size,
				() => 0,
			),
		),
	);
	return sizes.reduce((a, b) => a + b, 0);
};

/**
 * Rendered chunks kept in the render cache folder (`<dataDir>/renders`), one entry
 * `chunk-<fingerprint>/` each, beside the whole-video entries: the retention sweep removes
 * entries unused for its days, and evict() keeps the chunks under a size. Using a chunk touches
 * its entry, so both see it as recently used. Entries are written to a temporary folder and
 * renamed: a crash never leaves half a chunk.
 */
export const openChunkCache = (o: {dir: string; maxBytes: number}): ChunkCache => {
	const entry = (fingerprint: string) => join(o.dir, `${PREFIX}${fingerprint}`);
	return {
		async take(fingerprint, dir) {
			const from = entry(fingerprint);
			if (!existsSync(join(from, FILES.video)) || !existsSync(join(from, FILES.audio))) return null;
			const files = {video: join(dir, `${fingerprint}.ts`), audio: join(dir, `${fingerprint}.wav`)};
			try {
				await linkOrCopy(join(from, FILES.video), files.video);
				await linkOrCopy(join(from, FILES.audio), files.audio);
				const now = new Date();
				await utimes(from, now, now).catch(() => undefined);
				return files;
			} catch {
				// Evicted between the check and the link: render it again.
				await Promise.all([rm(files.video, {force: true}), rm(files.audio, {force: true})]);
				return null;
			}
		},
		async store(fingerprint, files) {
			const target = entry(fingerprint);
			const temp = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
			try {
				await mkdir(temp, {recursive: true});
				await linkOrCopy(files.video, join(temp, FILES.video));
				await linkOrCopy(files.audio, join(temp, FILES.audio));
				// Another render stored the same chunk first: its files are the same.
				if (existsSync(target)) return;
				await rename(temp, target);
			} catch {
				// A cache is an optimisation.
			} finally {
				await rm(temp, {recursive: true, force: true}).catch(() => undefined);
			}
		},
		async evict(keep) {
			const names = await readdir(o.dir).catch(() => [] as string[]);
			const now = Date.now();
			const entries: {path: string; mtime: number; bytes: number; keep: boolean}[] = [];
			for (const name of names.filter((n) => n.startsWith(PREFIX))) {
				const path = join(o.dir, name);
				const info = await stat(path).catch(() => null);
				if (!info) continue;
				if (name.includes('.tmp-')) {
					if (info.mtimeMs < now - STALE_TEMP_MS) await rm(path, {recursive: true, force: true}).catch(() => undefined);
					continue;
				}
				entries.push({path, mtime: info.mtimeMs, bytes: await sizeOf(path), keep: keep.has(name.slice(PREFIX.length))});
			}
			let total = entries.reduce((a, e) => a + e.bytes, 0);
			let removed = 0;
			let bytes = 0;
			for (const e of entries.sort((a, b) => a.mtime - b.mtime)) {
				if (total <= o.maxBytes) break;
				if (e.keep) continue;
				await rm(e.path, {recursive: true, force: true}).catch(() => undefined);
				total -= e.bytes;
				bytes += e.bytes;
				removed++;
			}
			return {removed, bytes};
		},
	};
};
