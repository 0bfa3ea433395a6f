import {dirname} from 'node:path';
import {loadConfig, providersFromConfig} from '../../app';
import {assertKnownVoice} from '../../pipeline/generate';
import {previewRender} from '../../pipeline/output';
import {EXIT_OK, reportError} from '../exit-codes';
import {createReporter, reporterMode} from '../progress-reporter';
import {parseQuality, readStoryboardFile} from './render-command';

export type ValidateCommandOptions = {quality: string; voice?: string; allowUnknownKeys?: boolean; json?: boolean};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const list = (ids: string[]) => (ids.length === 0 ? 'none' : ids.join(', '));

/**
 * `promptreel validate <storyboard>`: checks it like a render would (schema with every path, the
 * template, local media; https media by a HEAD) and prints what a render would do, without doing it.
 */
export const validateCommand = async (file: string, opts: ValidateCommandOptions): Promise<number> => {
	const reporter = createReporter(reporterMode(Boolean(opts.json)));
	try {
		const config = loadConfig();
		const quality = parseQuality(opts.quality);
		const providers = providersFromConfig(config);
		if (opts.voice !== undefined && opts.voice !== 'auto') await assertKnownVoice({voice: opts.voice, providers: providers.voiceProviders});
		const {path, data} = await readStoryboardFile(file);
		const preview = await previewRender({
			storyboard: data,
			source: path,
			mediaDir: dirname(path),
			quality,
			voice: opts.voice,
			preferredVoice: providers.preferredVoice,
			allowUnknownKeys: opts.allowUnknownKeys,
			allowPrivateNetwork: config.server.allowPrivateUrls,
		});
		if (opts.json) {
			process.stdout.write(`${JSON.stringify({type: 'done', ...preview})}\n`);
			return EXIT_OK;
		}
		const failed = preview.remoteMedia.filter((m) => !m.ok);
		const lines = [
			`✔ ${path} is a valid storyboard.`,
			`  "${preview.title}": template ${preview.template}, language ${preview.language}, ${preview.scenes} scenes, ${seconds(preview.durationMs)} as it stands.`,
			`  A render would voice: ${list(preview.toVoice)} (voice ${preview.voice}); reuse the audio of: ${list(preview.reused)}; illustrate: ${list(preview.toIllustrate)}.`,
			`  Media: ${preview.localMedia} local file(s) found${preview.remoteMedia.length ? `, ${preview.remoteMedia.length - failed.length}/${preview.remoteMedia.length} https media answer` : ''}.`,
			...failed.map((m) => `  ⚠ ${m.path}: ${m.src} ${m.message} (a render would show a procedural background instead).`),
			`  Render at ${quality}: ${preview.width}x${preview.height}, ${preview.frames} frames, about ${Math.round(preview.estimate.seconds)} s (${preview.estimate.fps} fps: ${preview.estimate.basis}).`,
			...preview.warnings.map((w) => `  ⚠ ${w.path}: ${w.message}`),
		];
		process.stdout.write(`${lines.join('\n')}\n`);
		return EXIT_OK;
	} catch (error) {
		return reportError(error, reporter);
	}
};
