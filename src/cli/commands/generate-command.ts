import {resolve} from 'node:path';
import {PromptreelError} from '../../pipeline/errors';
import {generateVideo, type GenerateOptionsInput} from '../../pipeline/generate';
import {createOpenAiClient, createRenderer, loadConfig, providersFromConfig, type RendererId} from '../../app';
import {transcribeWords} from '../../pipeline/voice';
import type {Renderer} from '../../pipeline/render';
import {EXIT_OK, reportError} from '../exit-codes';
import {createReporter, reporterMode} from '../progress-reporter';

export type GenerateCommandFlags = {
	out?: string;
	template?: string;
	aspect?: string;
	duration?: string;
	fps?: string;
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
	/** --renderer: overrides PROMPTREEL_RENDERER. */
	renderer?: RendererId;
};

const numberFlag = (name: string, value: string | undefined): number | undefined => {
	if (value === undefined) return undefined;
	const n = Number(value);
	if (!Number.isFinite(n)) throw new PromptreelError('INVALID_OPTION', `--${name} must be a number, got "${value}".`);
	return n;
};

/** The generate options the flags of `generate` and `plan` ask for (checked by generate's own schema). */
export const generateOptionsOf = (flags: GenerateCommandFlags): GenerateOptionsInput => ({
	template: flags.template,
	aspect: flags.aspect as GenerateOptionsInput['aspect'],
	durationSec: numberFlag('duration', flags.duration),
	fps: numberFlag('fps', flags.fps),
	lang: flags.lang,
	voice: flags.voice,
	voiceover: flags.voiceover ? resolve(flags.voiceover) : undefined,
	rate: numberFlag('rate', flags.rate),
	music: flags.music,
	quality: flags.quality as GenerateOptionsInput['quality'],
	seed: numberFlag('seed', flags.seed),
});

/** `promptreel generate "<prompt>"`: a finished video folder. */
export const generateCommand = async (prompt: string, flags: GenerateCommandFlags): Promise<number> => {
	const reporter = createReporter(reporterMode(Boolean(flags.json)));
	let renderer: Renderer | undefined;
	try {
		// Inside the try: a bad environment variable is a reported error (exit 2), not a stack trace.
		const config = loadConfig();
		const providers = providersFromConfig(config);
		renderer = createRenderer({config: flags.renderer ? {...config, renderer: flags.renderer} : config, dataDir: config.dataDir});
		const result = await generateVideo({
			prompt,
			options: generateOptionsOf(flags),
			preferredVoice: providers.preferredVoice,
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
			onProgress: (p) => reporter.progress(p),
			onWarning: (w) => reporter.warn(w),
		});
		const seconds = ((result.report.video?.durationMs ?? 0) / 1000).toFixed(1);
		reporter.info(
			`Made "${result.storyboard.title}": ${result.storyboard.scenes.length} scenes, ${seconds} s, in ${(result.report.totalMs / 1000).toFixed(1)} s.`,
		);
		reporter.done(result.files, {outDir: result.outDir, warnings: result.report.warnings.length});
		return EXIT_OK;
	} catch (error) {
		return reportError(error, reporter);
	} finally {
		await renderer?.close();
	}
};
