import {copyFile, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {planVideo} from '../../pipeline/generate';
import {outputPaths, prepareOutputFolder, writeRunReport} from '../../pipeline/output';
import {loadConfig, providersFromConfig} from '../../app';
import {EXIT_OK, reportError} from '../exit-codes';
import {createReporter, reporterMode} from '../progress-reporter';
import {generateOptionsOf, type GenerateCommandFlags} from './generate-command';

/**
 * `promptreel plan "<prompt>"`: storyboard.json (its music and each scene's picture in media/) and
 * report.json to edit, then `promptreel render` it in place (README.md, "Plan, edit, render").
 */
export const planCommand = async (prompt: string, flags: GenerateCommandFlags): Promise<number> => {
	const reporter = createReporter(reporterMode(Boolean(flags.json)));
	// The pictures are chosen before the title names the output folder: they wait here.
	const work = await mkdtemp(join(tmpdir(), 'promptreel-plan-'));
	try {
		const config = loadConfig();
		const providers = providersFromConfig(config);
		const result = await planVideo({
			prompt,
			options: generateOptionsOf(flags),
			preferredVoice: providers.preferredVoice,
			planner: providers.planner,
			visuals: {outDir: work, ownMediaDir: flags.media ? resolve(flags.media) : null, provider: providers.visualsProvider},
			onProgress: (p) => reporter.progress(p),
			onWarning: (w) => reporter.warn(w),
		});
		const outDir = await prepareOutputFolder({
			out: flags.out,
			base: 'out',
			title: result.storyboard.title,
			force: flags.force,
			replaceSlug: true,
		});
		const paths = outputPaths(outDir);
		// The files the storyboard names (its music) go beside it: the folder is self-contained.
		for (const m of result.media) {
			const target = join(outDir, m.src);
			await mkdir(dirname(target), {recursive: true});
			await copyFile(m.file, target);
		}
		await writeFile(paths.storyboard, `${JSON.stringify(result.storyboard, null, 2)}\n`);
		await writeRunReport(paths.report, result.report);
		const seconds = ((result.report.video?.durationMs ?? 0) / 1000).toFixed(1);
		reporter.info(
			`Planned "${result.storyboard.title}": ${result.storyboard.scenes.length} scenes, about ${seconds} s. Edit it, then render it with: npx promptreel render ${paths.storyboard}`,
		);
		reporter.done({storyboard: paths.storyboard, report: paths.report}, {outDir, warnings: result.report.warnings.length});
		return EXIT_OK;
	} catch (error) {
		return reportError(error, reporter);
	} finally {
		await rm(work, {recursive: true, force: true}).catch(() => undefined);
	}
};
