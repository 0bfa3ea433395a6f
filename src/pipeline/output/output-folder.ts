import {existsSync} from 'node:fs';
import {mkdir, readdir, readFile, rm} from 'node:fs/promises';
import {dirname, join, resolve} from 'node:path';
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
export const prepareOutputFolder = async (o: {
	out?: string | undefined;
	base: string;
	title: string;
	force?: boolean | undefined;
	/** With `force` and no `out`: `<base>/<slug>/` itself, its earlier run's files removed (plan --force). */
	replaceSlug?: boolean;
}): Promise<string> => {
	if (!o.out && o.force && o.replaceSlug) {
		const dir = resolve(o.base, slugify(o.title));
		if (existsSync(dir) && (await readdir(dir)).length > 0 && !(await isRunFolder(dir))) {
			throw new PromptreelError(
				'OUTPUT_EXISTS',
				`The output folder ${dir} holds files promptreel did not write. Choose another folder with --out.`,
			);
		}
		await clearRunFiles(dir);
		await mkdir(dir, {recursive: true});
		return dir;
	}
	if (o.out) {
		const dir = resolve(o.out);
		const entries = existsSync(dir) ? await readdir(dir) : [];
		if (entries.length > 0 && !o.force) {
			throw new PromptreelError(
				'OUTPUT_EXISTS',
				`The output folder ${dir} is not empty (another run?). Choose another --out or pass --force to overwrite.`,
			);
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

/** A folder plan, generate or render wrote: it holds their report.json. */
export const isRunFolder = async (dir: string): Promise<boolean> => {
	try {
		const report = JSON.parse(await readFile(join(dir, OUTPUT_FILES.report), 'utf8')) as {command?: unknown};
		return report.command === 'plan' || report.command === 'generate' || report.command === 'render';
	} catch {
		return false;
	}
};

/**
 * Where `render <storyboard>` writes (README.md, "Plan, edit, render"): `--out` when given; else the
 * storyboard's own folder when plan, generate or render made it (its earlier outputs are
 * replaced); else `<base>/<slug>/`, the same folder each time. A folder that holds other files is
 * refused. `created` says the folder is new, so a failed run can remove it again.
 */
export const chooseRenderFolder = async (o: {
	storyboardFile: string;
	out?: string | undefined;
	base: string;
	title: string;
}): Promise<{dir: string; created: boolean}> => {
	const own = dirname(resolve(o.storyboardFile));
	const dir = o.out ? resolve(o.out) : (await isRunFolder(own)) ? own : resolve(o.base, slugify(o.title));
	const entries = existsSync(dir) ? await readdir(dir) : null;
	if (entries && entries.length > 0 && dir !== own && !(await isRunFolder(dir))) {
		throw new PromptreelError(
			'OUTPUT_EXISTS',
			`The output folder ${dir} holds files promptreel did not write (no report.json of plan, generate or render). Choose another folder with --out.`,
		);
	}
	await mkdir(dir, {recursive: true});
	return {dir, created: entries === null};
};

/** Removes the files a run writes (outputs and media/) from a folder, keeping anything else. */
const clearRunFiles = async (dir: string): Promise<void> => {
	for (const name of [...Object.values(OUTPUT_FILES), 'media']) await rm(join(dir, name), {recursive: true, force: true});
};
