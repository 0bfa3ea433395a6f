import {VoiceSynthesisError} from './voice-errors';
import {runProcess} from './run-process';

export type LoudnessMeasurement = {
	/** Integrated loudness, LUFS; null for silence. */
	integratedLufs: number | null;
	/** True peak, dBTP; null for silence. */
	truePeakDb: number | null;
};

const num = (v: unknown): number | null => {
	const n = Number(v);
	return Number.isFinite(n) ? n : null;
};

/**
 * EBU R128 integrated loudness and true peak of an audio file, with ffmpeg's ebur128 filter
 * (about 10x faster than loudnorm's analysis, which upsamples to 192 kHz).
 */
export const measureLoudness = async ({
	file,
	ffmpegPath = 'ffmpeg',
	signal,
	truePeak = true,
}: {
	file: string;
	ffmpegPath?: string;
	signal?: AbortSignal;
	/** Also measure the true peak (4x oversampled: slower). Default true. */
	truePeak?: boolean;
}): Promise<LoudnessMeasurement> => {
	const run = await runProcess({
		command: ffmpegPath,
		args: ['-hide_banner', '-nostats', '-i', file, '-af', truePeak ? 'ebur128=peak=true' : 'ebur128', '-f', 'null', '-'],
		signal,
		timeoutMs: 120_000,
	});
	const summary = run.stderr.slice(run.stderr.lastIndexOf('Summary:'));
	const integrated = /\bI:\s+(-?[\d.]+|-inf) LUFS/.exec(summary)?.[1];
	if (run.exitCode !== 0 || !run.stderr.includes('Summary:') || integrated === undefined) {
		throw new VoiceSynthesisError(
			`ffmpeg could not measure the loudness of ${file}: ${(run.spawnError?.message ?? run.stderr).trim().slice(-300)}`,
		);
	}
	const integratedLufs = num(integrated);
	// ebur128 reports -70 LUFS (its absolute gate) for silence.
	return integratedLufs === null || integratedLufs <= -69.9
		? {integratedLufs: null, truePeakDb: null}
		: {integratedLufs, truePeakDb: truePeak ? num(/Peak:\s+(-?[\d.]+|-inf)/.exec(summary)?.[1]) : null};
};
