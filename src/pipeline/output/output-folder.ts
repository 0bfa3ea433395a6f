import {existsSync} from 'node:fs';
import {mkdir, readdir} from 'node:fs/promises';
import {join, resolve} from 'node:path';
import {PromptreelError} from '../errors';

/** A file-system friendly slug of a title (keeps letters of every script, drops the rest). */
export const slugify = (text: string, max = 48): string => {
	const slug = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, max)
		.replace(/-+$/, '');
	return slug || 'video';
};

/**
 * The output folder of a run. An explicit `out` is used as given, but a folder that already holds
 * another run's files is refused unless `force`. Without `out`, `<base>/<slug>/` gets a numeric
 * suffix (-2, -3, ...) instead of overwriting an earlier run.
 */
export const prepareOutputFolder = async (o: {out?: string; base: string; title: string; force?: boolean}): Promise<string> => {
	if (o.out) {
		const dir = resolve(o.out);
		const entries = existsSync(dir) ? await readdir(dir) : [];
		if (entries.length > 0 && !o.force) {
			throw new PromptreelError(
				'OUTPUT_EXISTS',
				`The output folder ${dir} is not empty (another run?). Choose another --out or pass --force to overwrite.`);
		}
		await mkdir(dir, {recursive: true});
		return dir;
	}
	const slug = slugify(o.title);
	for (let n = 1; ; n++) {
		const dir = resolve(o.base, n === 1 ? slug : `${slug}-${n}`);
		if (!existsSync(dir) || (await readdir(dir)).length === 0) {
			await mkdir(dir, {recursive: true});
			return dir;
		}
	}
};

export const OUTPUT_FILES = {
	video: 'video.mp4',
	poster: 'poster.jpg',
	srt: 'captions.srt',
	vtt: 'captions.vtt',
	storyboard: 'storyboard.json',
	credits: 'credits.json',
	report: 'report.json',
} as const;
export type OutputFileKey = keyof typeof OUTPUT_FILES;

export const outputPaths = (dir: string): Record<OutputFileKey, string> =>
	Object.fromEntries(Object.entries(OUTPUT_FILES).map(([k, v]) => [k, join(dir, v)])) as Record<OutputFileKey, string>;
