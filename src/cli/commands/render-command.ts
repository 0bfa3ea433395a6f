import {readFile, writeFile} from 'node:fs/promises';
import {dirname, join, resolve} from 'node:path';
import {findTemplate, templateIds} from '../../compositions/registry';
import {loadConfig} from '../../app';
import {PromptreelError, UnknownTemplateError} from '../../pipeline/errors';
import {outputPaths, prepareOutputFolder, renderOutputs} from '../../pipeline/output';
import {parseJsonText, parseStoryboard} from '../../pipeline/parse-storyboard';
import {assertLocalMediaExist, createLocalRenderer, qualitySchema, type Quality} from '../../pipeline/render';
import {EXIT_OK, reportError} from '../exit-codes';
import {createReporter, reporterMode} from '../progress-reporter';

export type RenderCommandOptions = {out?: string; quality: string; force?: boolean; json?: boolean};

export const parseQuality = (value: string): Quality => {
	const parsed = qualitySchema.safeParse(value);
	if (!parsed.success) {
		throw new PromptreelError('INVALID_OPTION', `Unknown --quality "${value}". Valid: ${qualitySchema.options.join(', ')}.`);
	}
	return parsed.data;
};

/** `promptreel render <storyboard.json>`: renders a storyboard file to the output files. */
export const renderCommand = async (file: string, opts: RenderCommandOptions): Promise<number> => {
	const reporter = createReporter(reporterMode(Boolean(opts.json)));
	const config = loadConfig();
	const renderer = createLocalRenderer({cacheDir: config.dataDir, browserExecutable: config.browserExecutable});
	const started = performance.now();
	try {
		const quality = parseQuality(opts.quality);
		const path = resolve(file);
		const text = await readFile(path, 'utf8').catch((error: unknown) => {
			throw new PromptreelError('FILE_NOT_FOUND', `Cannot read ${path}: ${(error as Error).message}`);
		});
		const storyboard = parseStoryboard(parseJsonText(text, path), path);
		if (!findTemplate(storyboard.template)) throw new UnknownTemplateError(storyboard.template, templateIds);
		const mediaDir = dirname(path);
		assertLocalMediaExist(storyboard, mediaDir);
		const outDir = await prepareOutputFolder({out: opts.out, base: 'out', title: storyboard.title, force: opts.force});
		reporter.info(`Rendering "${storyboard.title}" (${storyboard.scenes.length} scenes, ${quality}) into ${outDir}`);
		const result = await renderOutputs({
			storyboard,
			mediaDir,
			outDir,
			quality,
			renderer,
			cacheDir: join(config.dataDir, 'renders'),
			force: opts.force,
			onProgress: (p) => reporter.progress(p),
		});
		const report = {
			command: 'render',
			storyboard: path,
			quality,
			cacheHit: result.cacheHit,
			cacheKey: result.cacheKey,
			video: result.video,
			providers: {renderer: renderer.id},
			timingsMs: {...result.timings, total: Math.round(performance.now() - started)},
			warnings: [] as string[],
		};
		const reportFile = outputPaths(outDir).report;
		await writeFile(reportFile, `${JSON.stringify(report, null, 2)}\n`);
		if (result.cacheHit) reporter.info('Render cache hit: same storyboard, media and quality as an earlier render.');
		reporter.done({...result.files, report: reportFile}, {cacheHit: result.cacheHit});
		return EXIT_OK;
	} catch (error) {
		return reportError(error, reporter);
	} finally {
		await renderer.close();
	}
};
