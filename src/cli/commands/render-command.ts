import {readFile, rm} from 'node:fs/promises';
import {dirname, resolve} from 'node:path';
import {createRenderer, loadConfig, providersFromConfig, type RendererId} from '../../app';
import {PromptreelError} from '../../pipeline/errors';
import {assertKnownVoice} from '../../pipeline/generate';
import {checkStoryboard, chooseRenderFolder, renderStoryboard} from '../../pipeline/output';
import {parseJsonText} from '../../pipeline/parse-storyboard';
import {qualitySchema, type Quality, type Renderer} from '../../pipeline/render';
import {EXIT_OK, reportError} from '../exit-codes';
import {createReporter, reporterMode} from '../progress-reporter';

export type RenderCommandOptions = {
	out?: string;
	quality: string;
	voice?: string;
	rate?: string;
	force?: boolean;
	allowUnknownKeys?: boolean;
	json?: boolean;
	renderer?: RendererId;
};

export const parseQuality = (value: string): Quality => {
	const parsed = qualitySchema.safeParse(value);
	if (!parsed.success) {
		throw new PromptreelError('INVALID_OPTION', `Unknown --quality "${value}". Valid: ${qualitySchema.options.join(', ')}.`);
	}
	return parsed.data;
};

/** --rate as a number in 0.5..2, or undefined when not given. */
export const parseRate = (value: string | undefined): number | undefined => {
	if (value === undefined) return undefined;
	const rate = Number(value);
	if (!Number.isFinite(rate) || rate < 0.5 || rate > 2)
		throw new PromptreelError('INVALID_OPTION', `--rate must be a number from 0.5 to 2 (1 = normal), got "${value}".`);
	return rate;
};

/** Reads and parses a storyboard file; a missing file or bad JSON names the path. */
export const readStoryboardFile = async (file: string): Promise<{path: string; data: unknown}> => {
	const path = resolve(file);
	const text = await readFile(path, 'utf8').catch((error: unknown) => {
		throw new PromptreelError('FILE_NOT_FOUND', `Cannot read ${path}: ${(error as Error).message}`);
	});
	return {path, data: parseJsonText(text, path)};
};

/**
 * `promptreel render <storyboard.json>`: completes the storyboard (voices edited or unvoiced
 * scenes, illustrates bare ones) and renders it into its output folder (README.md, "Plan, edit,
 * render"): the storyboard's own folder when plan, generate or render made it, else out/<slug>/.
 */
export const renderCommand = async (file: string, opts: RenderCommandOptions): Promise<number> => {
	const reporter = createReporter(reporterMode(Boolean(opts.json)));
	let renderer: Renderer | undefined;
	let createdDir: string | null = null;
	try {
		const config = loadConfig();
		const quality = parseQuality(opts.quality);
		const rate = parseRate(opts.rate);
		const providers = providersFromConfig(config);
		if (opts.voice !== undefined && opts.voice !== 'auto') await assertKnownVoice({voice: opts.voice, providers: providers.voiceProviders});
		const {path, data} = await readStoryboardFile(file);
		const mediaDir = dirname(path);
		// Checked before the output folder is made, so bad input leaves nothing behind.
		const storyboard = checkStoryboard({storyboard: data, source: path, mediaDir, allowUnknownKeys: opts.allowUnknownKeys});
		const folder = await chooseRenderFolder({storyboardFile: path, out: opts.out, base: 'out', title: storyboard.title});
		if (folder.created) createdDir = folder.dir;
		renderer = createRenderer({config: opts.renderer ? {...config, renderer: opts.renderer} : config, dataDir: config.dataDir});
		reporter.info(`Rendering "${storyboard.title}" (${storyboard.scenes.length} scenes, ${quality}) into ${folder.dir}`);
		const result = await renderStoryboard({
			// The data as read: renderStoryboard reports what parsing dropped (--allow-unknown-keys).
			storyboard: data,
			source: path,
			mediaDir,
			outDir: folder.dir,
			quality,
			renderer,
			dataDir: config.dataDir,
			force: opts.force,
			voice: opts.voice,
			rate,
			preferredVoice: providers.preferredVoice,
			voiceProviders: providers.voiceProviders,
			allowUnknownKeys: opts.allowUnknownKeys,
			onProgress: (p) => reporter.progress(p),
			onWarning: (w) => reporter.warn(w),
		});
		createdDir = null;
		const completion = result.report.completion;
		if (completion) {
			reporter.info(
				`Voiced ${completion.voiced.length} scene(s)${completion.voiced.length ? ` (${completion.voiced.join(', ')})` : ''}, reused ${completion.reused.length}; the completed storyboard is ${result.files.storyboard}.`,
			);
		}
		const cacheHit = result.report.cacheHit === true;
		if (cacheHit) reporter.info('Render cache hit: same storyboard, media and quality as an earlier render (--force renders again).');
		reporter.done(result.files, {outDir: folder.dir, cacheHit, voiced: completion?.voiced ?? [], reused: completion?.reused ?? []});
		return EXIT_OK;
	} catch (error) {
		// A folder this run made holds nothing worth keeping when it failed.
		if (createdDir) await rm(createdDir, {recursive: true, force: true}).catch(() => undefined);
		return reportError(error, reporter);
	} finally {
		await renderer?.close();
	}
};
