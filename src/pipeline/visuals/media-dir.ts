import {readdir, stat} from 'node:fs/promises';
import {extname, join, resolve} from 'node:path';
import {PromptreelError} from '../errors';

export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp'] as const;
export const VIDEO_EXTENSIONS = ['.mp4', '.webm', '.mov'] as const;

export type MediaFile = {kind: 'image' | 'video'; path: string};
export type MediaMatch = MediaFile & {
	/** Why this file went to this scene: its number, a keyword in its name, or its place in order. */
	matchedBy: 'number' | 'keyword' | 'order';
};

export class MediaDirError extends PromptreelError {
	override name = 'MediaDirError';
	constructor(dir: string, problem: string) {
		super('MEDIA_DIR_INVALID', `--media: "${dir}" ${problem}. Pass a folder of images (jpg, png, webp) and videos (mp4, webm, mov).`);
	}
}

const kindOf = (file: string): MediaFile['kind'] | null => {
	const ext = extname(file).toLowerCase();
	if ((IMAGE_EXTENSIONS as readonly string[]).includes(ext)) return 'image';
	if ((VIDEO_EXTENSIONS as readonly string[]).includes(ext)) return 'video';
	return null;
};

const naturalOrder = new Intl.Collator('en', {numeric: true, sensitivity: 'base'});

/** The images and videos of a folder (not its subfolders), in natural order ("2" before "10"). */
export const listMediaFiles = async (dir: string): Promise<MediaFile[]> => {
	const root = resolve(dir);
	let entries;
	try {
		if (!(await stat(root)).isDirectory()) throw new MediaDirError(dir, 'is not a folder');
		entries = await readdir(root, {withFileTypes: true});
	} catch (error) {
		if (error instanceof MediaDirError) throw error;
		throw new MediaDirError(dir, 'does not exist or cannot be read');
	}
	return entries
		.filter((e) => e.isFile() && !e.name.startsWith('.'))
		.map((e) => ({name: e.name, kind: kindOf(e.name)}))
		.filter((e): e is {name: string; kind: MediaFile['kind']} => e.kind !== null)
		.sort((a, b) => naturalOrder.compare(a.name, b.name))
		.map((e) => ({kind: e.kind, path: join(root, e.name)}));
};

const baseName = (path: string): string => {
	const name = path.split(/[\\/]/).pop()!;
	return name.slice(0, name.length - extname(name).length).toLowerCase();
};

/** "01-intro.jpg", "1.png", "scene-2.mp4", "scene_03 lava.webm" -> the scene number. */
const sceneNumber = (name: string): number | null => {
	const m = /^(?:scene|shot|clip)?[\s_-]*0*(\d{1,3})(?=$|[\s_.-])/.exec(name);
	return m ? Number(m[1]) : null;
};

const singular = (w: string): string => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
const wordsOf = (text: string): string[] =>
	text
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w.length > 0)
		.map(singular);

/** How well a file name matches a scene's keywords: earlier keywords count more; 0 for none. */
const keywordScore = (name: string, keywords: readonly string[]): number => {
	const nameWords = new Set(wordsOf(name));
	let score = 0;
	keywords.forEach((keyword, i) => {
		const words = wordsOf(keyword);
		if (words.length > 0 && words.every((w) => nameWords.has(w))) score += words.length / (1 + 0.2 * i);
	});
	return score;
};

export type MatchMediaDirOptions = {
	dir: string;
	scenes: readonly {keywords: readonly string[]}[];
};

/**
 * Brings your own media: assigns the folder's images and videos to scenes, first by number in the
 * file name ("01-*", "scene-2.*"), then by a scene keyword in the name, then the rest in order to
 * the scenes still without one. Returns one entry per scene (null: no file left for it).
 * Paths are absolute; video durations are for the caller to probe.
 */
export const matchMediaDir = async (opts: MatchMediaDirOptions): Promise<(MediaMatch | null)[]> => {
	const files = await listMediaFiles(opts.dir);
	const result: (MediaMatch | null)[] = opts.scenes.map(() => null);
	const pool: MediaFile[] = [];
	for (const file of files) {
		const n = sceneNumber(baseName(file.path));
		if (n !== null && n >= 1 && n <= result.length && result[n - 1] === null) result[n - 1] = {...file, matchedBy: 'number'};
		else pool.push(file);
	}
	const rest: MediaFile[] = [];
	for (const file of pool) {
		let best = -1;
		let bestScore = 0;
		result.forEach((match, i) => {
			if (match !== null) return;
			const score = keywordScore(baseName(file.path), opts.scenes[i]!.keywords);
			if (score > bestScore) {
				best = i;
				bestScore = score;
			}
		});
		if (best >= 0) result[best] = {...file, matchedBy: 'keyword'};
		else rest.push(file);
	}
	for (const file of rest) {
		const free = result.indexOf(null);
		if (free < 0) break;
		result[free] = {...file, matchedBy: 'order'};
	}
	return result;
};
