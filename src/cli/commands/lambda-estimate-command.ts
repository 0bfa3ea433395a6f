import {readFile} from 'node:fs/promises';
import {dirname, resolve} from 'node:path';
import {loadConfig} from '../../app';
import {computeTimeline, frameSize} from '../../compositions/storyboard';
import {PromptreelError} from '../../pipeline/errors';
import {checkStoryboard} from '../../pipeline/output';
import {parseJsonText} from '../../pipeline/parse-storyboard';
import {resolveQuality} from '../../pipeline/render';
import {estimateLambdaRender, FUNCTION_OVERHEAD_MS, MEASURED_FPS_720P} from '../../pipeline/render/lambda';
import {EXIT_OK, reportError} from '../exit-codes';
import {createReporter, reporterMode} from '../progress-reporter';
import {parseQuality} from './render-command';

/**
 * `promptreel lambda estimate <storyboard>`: dollars and functions of a Lambda render before
 * anything runs; no AWS call and no credentials needed.
 */
export const lambdaEstimateCommand = async (file: string, flags: {quality: string; json?: boolean}): Promise<number> => {
	const reporter = createReporter(reporterMode(Boolean(flags.json)));
	try {
		const config = loadConfig();
		const quality = parseQuality(flags.quality);
		const path = resolve(file);
		const text = await readFile(path, 'utf8').catch((error: unknown) => {
			throw new PromptreelError('FILE_NOT_FOUND', `Cannot read ${path}: ${(error as Error).message}`);
		});
		const storyboard = checkStoryboard({storyboard: parseJsonText(text, path), source: path, mediaDir: dirname(path)});
		const size = resolveQuality(quality, frameSize(storyboard.format));
		const timeline = computeTimeline(storyboard);
		const l = config.lambda;
		const e = await estimateLambdaRender({
			frames: timeline.durationInFrames,
			width: size.width,
			height: size.height,
			region: l.region,
			memorySizeInMb: l.memorySizeInMb,
			diskSizeInMb: l.diskSizeInMb,
			framesPerLambda: l.framesPerLambda,
		});
		if (flags.json) {
			process.stdout.write(
				`${JSON.stringify({type: 'estimate', storyboard: path, quality, durationMs: timeline.durationMs, fps: storyboard.format.fps, ...e})}\n`,
			);
			return EXIT_OK;
		}
		const lines = [
			`"${storyboard.title}": ${(timeline.durationMs / 1000).toFixed(1)} s, ${e.frames} frames at ${storyboard.format.fps} fps, ${e.width}x${e.height} (${quality})`,
			`Functions: ${e.lambdasInvoked} (framesPerLambda ${e.framesPerLambda}, ${e.framesPerLambdaSource === 'remotion default' ? "Remotion's default for this length; set PROMPTREEL_LAMBDA_FRAMES_PER_LAMBDA to change it" : 'from PROMPTREEL_LAMBDA_FRAMES_PER_LAMBDA'})`,
			`Assumes ${e.perFrameMs.toFixed(0)} ms per frame (our measured ${MEASURED_FPS_720P} fps at 1280x720, scaled by pixels) + ${FUNCTION_OVERHEAD_MS} ms start-up per function`,
			`Billed time: ${(e.billedMs / 1000).toFixed(1)} s over all functions; about ${(e.wallMs / 1000).toFixed(1)} s of wall time if they all run at once`,
			`Estimated cost: $${e.usd.toFixed(4)} (${e.region}, ${e.memorySizeInMb} MB memory, ${e.diskSizeInMb} MB disk; Remotion's estimatePrice, Lambda compute only, S3 and transfer not included)`,
		];
		process.stdout.write(`${lines.join('\n')}\n`);
		return EXIT_OK;
	} catch (error) {
		return reportError(error, reporter);
	}
};
