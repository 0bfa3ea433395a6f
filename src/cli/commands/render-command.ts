import {readFile} from 'node:fs/promises';
import {dirname, resolve} from 'node:path';
import {createRenderer, loadConfig, type RendererId} from '../../app';
import {PromptreelError} from '../../pipeline/errors';
import {checkStoryboard, prepareOutputFolder, renderStoryboard} from '../../pipeline/output';
import {parseJsonText} from '../../pipeline/parse-storyboard';
import {qualitySchema, type Quality, type Renderer} from '../../pipeline/render';
import {EXIT_OK, reportError} from '../exit-codes';
import {createReporter, reporterMode} from '../progress-reporter';

export type RenderCommandOptions = {out?: string; quality: string; force?: boolean; json?: boolean; renderer?: RendererId};

export const parseQuality = (value: string): Quality => {
	const parsed = qualitySchema.safeParse(value);
	if (!parsed.success) {
		throw new PromptreelError('INVALID_OPTION', `Unknown --quality "${value}". Valid: ${qualitySchema.options.join(', ')}.`);
	}
	return parsed.data;
};

/** `promptreel render <storyboard.json>`: renders a storyboard file, its media read where it lies. */
export const renderCommand = async (file: string, opts: RenderCommandOptions): Promise<number> => {
	const reporter = createReporter(reporterMode(Boolean(opts.json)));
	let renderer: Renderer | undefined;
	try {
		const config = loadConfig();
		renderer = createRenderer({config: opts.renderer ? {...config, renderer: opts.renderer} : config, dataDir: config.dataDir});
		const quality = parseQuality(opts.quality);
		const path = resolve(file);
		const text = await readFile(path, 'utf8').catch((error: unknown) => {
			throw new PromptreelError('FILE_NOT_FOUND', `Cannot read ${path}: ${(error as Error).message}`);
		});
		const mediaDir = dirname(path);
		// Checked before the output folder is made, so bad input leaves nothing behind.
		const storyboard = checkStoryboard({storyboard: parseJsonText(text, path), source: path, mediaDir});
		const outDir = await prepareOutputFolder({out: opts.out, base: 'out', title: storyboard.title, force: opts.force});
		reporter.info(`Rendering "${storyboard.title}" (${storyboard.scenes.length} scenes, ${quality}) into ${outDir}`);
		const result = await renderStoryboard({
			storyboard,
			source: path,
			mediaDir,
			outDir,
			quality,
			renderer,
			dataDir: config.dataDir,
			force: opts.force,
			onProgress: (p) => reporter.progress(p),
			onWarning: (w) => reporter.warn(w),
		});
		const cacheHit = result.report.cacheHit === true;
		if (cacheHit) reporter.info('Render cache hit: same storyboard, media and quality as an earlier render.');
		reporter.done(result.files, {cacheHit});
		return EXIT_OK;
	} catch (error) {
		return reportError(error, reporter);
	} finally {
		await renderer?.close();
	}
};
