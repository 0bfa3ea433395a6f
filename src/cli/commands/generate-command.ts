import {resolve} from 'node:path';
import {loadConfig} from '../../app';
import {PromptreelError} from '../../pipeline/errors';
import {generateVideo, type GenerateOptionsInput} from '../../pipeline/generate';
import {createOpenAiClient, providersFromConfig} from '../../app';
import {transcribeWords} from '../../pipeline/voice';
import {createLocalRenderer} from '../../pipeline/render';
import {EXIT_OK, reportError} from '../exit-codes';
import {createReporter, reporterMode} from '../progress-reporter';

export type GenerateCommandFlags = {
	out?: string;
	template?: string;
	aspect?: string;
	duration?: string;
	lang?: string;
	voice?: string;
	rate?: string;
	music?: string;
	quality?: string;
	seed?: string;
	media?: string;
	voiceover?: string;
	force?: boolean;
	json?: boolean;
};

const numberFlag = (name: string, value: string | undefined): number | undefined => {
	if (value === undefined) return undefined;
	const n = Number(value);
	if (!Number.isFinite(n)) throw new PromptreelError('INVALID_OPTION', `--${name} must be a number, got "${value}".`);
	return n;
};

/** `promptreel generate "<prompt>"` and `promptreel plan "<prompt>"`. */
export const generateCommand = async (prompt: string, flags: GenerateCommandFlags, planOnly: boolean): Promise<number> => {
	const reporter = createReporter(reporterMode(Boolean(flags.json)));
	const config = loadConfig();
	const providers = providersFromConfig(config);
	const renderer = createLocalRenderer({cacheDir: config.dataDir, browserExecutable: config.browserExecutable});
	try {
		const options: GenerateOptionsInput = {
			template: flags.template,
			aspect: flags.aspect as GenerateOptionsInput['aspect'],
			durationSec: numberFlag('duration', flags.duration),
			lang: flags.lang,
			voice: flags.voice ?? providers.preferredVoice,
			voiceover: flags.voiceover ? resolve(flags.voiceover) : undefined,
			rate: numberFlag('rate', flags.rate),
			music: flags.music,
			quality: flags.quality as GenerateOptionsInput['quality'],
			seed: numberFlag('seed', flags.seed),
		};
		const result = await generateVideo({
			prompt,
			options,
			outDir: flags.out,
			outBase: 'out',
			force: flags.force,
			mediaDir: flags.media ? resolve(flags.media) : null,
			dataDir: config.dataDir,
			renderer,
			planner: providers.planner,
			voiceProviders: providers.voiceProviders,
			// Whisper times a --voiceover's words when an OpenAI key is set.
			transcribeVoiceOver: config.openai.apiKey ? (t) => transcribeWords({client: createOpenAiClient(config), ...t}) : null,
			visualsProvider: providers.visualsProvider,
			planOnly,
			onProgress: (p) => reporter.progress(p),
			onWarning: (w) => reporter.warn(w),
		});
		const seconds = ((result.report.video?.durationMs ?? 0) / 1000).toFixed(1);
		reporter.info(
			planOnly
				? `Planned "${result.storyboard.title}": ${result.storyboard.scenes.length} scenes, about ${seconds} s. Render it with: npx promptreel render ${result.files.storyboard}`
				: `Made "${result.storyboard.title}": ${result.storyboard.scenes.length} scenes, ${seconds} s, in ${(result.report.totalMs / 1000).toFixed(1)} s.`,
		);
		reporter.done(result.files, {outDir: result.outDir, warnings: result.report.warnings.length});
		return EXIT_OK;
	} catch (error) {
		return reportError(error, reporter);
	} finally {
		await renderer.close();
	}
};
