import {VoiceSynthesisError} from './voice-errors';
import {copyFile, rename, rm} from 'node:fs/promises';
import path from 'node:path';
import {measureLoudness} from './measure-loudness';
import {runProcess} from './run-process';

export type NormalizeLoudnessOptions = {
	inputFile: string;
	/** .mp3 (default choice of the pipeline: small, plays everywhere), .wav or .m4a. */
	outputFile: string;
	/** Default -16 LUFS integrated (spoken-word streaming level). */
	targetLufs?: number;
	/** Default -1.5 dBFS peak ceiling. */
	peakDb?: number;
	/** Default 48000 Hz, mono. */
	sampleRate?: number;
	ffmpegPath?: string;
	signal?: AbortSignal;
};

export type NormalizeLoudnessResult = {
	/** The file written; a .wav next to the asked path when ffmpeg is missing. */
	outputFile: string;
	inputLufs: number | null;
	outputLufs: number | null;
	gainDb: number;
	warnings: string[];
};

// Constant bit rate: Chromium seeks a VBR mp3 through an approximate table of contents, which
// would drift narration against captions in Studio; 96 kbps mono is ~0.7 MB a minute.
const CODECS: Record<string, string[]> = {
	'.mp3': ['-c:a', 'libmp3lame', '-b:a', '96k'],
	'.wav': ['-c:a', 'pcm_s16le'],
	'.m4a': ['-c:a', 'aac', '-b:a', '96k'],
};

/**
 * Brings narration to a steady loudness (default -16 LUFS) with a constant gain followed by a
 * look-ahead peak limiter whose delay is compensated, so nothing moves in time and the word
 * timings stay valid (loudnorm's dynamic mode, which Festival's narration always falls into as its
 * peaks are high for its loudness, also keeps time but landed ~0.7 LU short and analyses 10x slower).
 * One corrective pass makes up for what the limiter shaved.
 */
export const normalizeLoudness = async (opts: NormalizeLoudnessOptions): Promise<NormalizeLoudnessResult> => {
	const ffmpegPath = opts.ffmpegPath ?? 'ffmpeg';
	const targetLufs = opts.targetLufs ?? -16;
	const peak = 10 ** ((opts.peakDb ?? -1.5) / 20);
	const sampleRate = opts.sampleRate ?? 48_000;
	// latency=true compensates the limiter's look-ahead: without it the audio would start 5 ms late.
	const limiter = `alimiter=limit=${peak.toFixed(4)}:attack=5:release=50:level=false:latency=true`;
	const ext = path.extname(opts.outputFile).toLowerCase();
	const codec = CODECS[ext];
	if (!codec) throw new Error(`outputFile must end in ${Object.keys(CODECS).join(', ')}, got "${opts.outputFile}".`);

	const probe = await runProcess({command: ffmpegPath, args: ['-hide_banner', '-filters'], timeoutMs: 15_000, signal: opts.signal});
	const filters = probe.stdout.toString('utf8');
	if (probe.spawnError || !/\bebur128\b/.test(filters) || !/\balimiter\b/.test(filters)) {
		const why = probe.spawnError ? `ffmpeg is not installed (${ffmpegPath})` : `${ffmpegPath} has no ebur128/alimiter filter`;
		const warning = `Narration loudness not normalised: ${why}. Install it with: apt-get install ffmpeg`;
		if (probe.spawnError) {
			const wavFile = ext === '.wav' ? opts.outputFile : opts.outputFile.slice(0, -ext.length) + '.wav';
			await copyFile(opts.inputFile, wavFile);
			return {outputFile: wavFile, inputLufs: null, outputLufs: null, gainDb: 0, warnings: [warning]};
		}
		await encode({...opts, ffmpegPath, codec, sampleRate, filter: `aresample=${sampleRate}`});
		return {outputFile: opts.outputFile, inputLufs: null, outputLufs: null, gainDb: 0, warnings: [warning]};
	}

	const input = await measureLoudness({file: opts.inputFile, ffmpegPath, signal: opts.signal, truePeak: false});
	if (input.integratedLufs === null) {
		await encode({...opts, ffmpegPath, codec, sampleRate, filter: `aresample=${sampleRate}`});
		return {
			outputFile: opts.outputFile,
			inputLufs: null,
			outputLufs: null,
			gainDb: 0,
			warnings: ['Narration is silent: loudness left unchanged.'],
		};
	}
	// Gain and limit into a wav (cheap), check, correct once, then encode the final format once:
	// the mp3 encoder is the slow step.
	const leveled = `${opts.outputFile}.${process.pid}.leveled.wav`;
	try {
		let gainDb = targetLufs - input.integratedLufs;
		let outputLufs: number | null = null;
		for (let pass = 0; pass < 2; pass++) {
			const filter = `aresample=${sampleRate},volume=${gainDb.toFixed(2)}dB,${limiter}`;
			await encode({...opts, outputFile: leveled, ffmpegPath, codec: CODECS['.wav']!, sampleRate, filter});
			outputLufs = (await measureLoudness({file: leveled, ffmpegPath, signal: opts.signal, truePeak: false})).integratedLufs;
			if (outputLufs === null || Math.abs(outputLufs - targetLufs) <= 0.3) break;
			gainDb += targetLufs - outputLufs;
		}
		if (ext === '.wav') {
			await rename(leveled, opts.outputFile);
		} else {
			// CBR mp3 measured ~0.5 LU quieter than its source here: measure what we ship and top it up.
			await encode({...opts, inputFile: leveled, ffmpegPath, codec, sampleRate, filter: 'anull'});
			const encoded = (await measureLoudness({file: opts.outputFile, ffmpegPath, signal: opts.signal, truePeak: false})).integratedLufs;
			if (encoded !== null && Math.abs(encoded - targetLufs) > 0.3) {
				const topUp = targetLufs - encoded;
				await encode({...opts, inputFile: leveled, ffmpegPath, codec, sampleRate, filter: `volume=${topUp.toFixed(2)}dB,${limiter}`});
				gainDb += topUp;
				outputLufs = (await measureLoudness({file: opts.outputFile, ffmpegPath, signal: opts.signal, truePeak: false})).integratedLufs;
			} else {
				outputLufs = encoded;
			}
		}
		return {outputFile: opts.outputFile, inputLufs: input.integratedLufs, outputLufs, gainDb, warnings: []};
	} finally {
		await rm(leveled, {force: true}).catch(() => undefined);
	}
};

const encode = async (o: {
	inputFile: string;
	outputFile: string;
	ffmpegPath: string;
	codec: string[];
	sampleRate: number;
	filter: string;
	signal?: AbortSignal;
}): Promise<void> => {
	const run = await runProcess({
		command: o.ffmpegPath,
		args: [
			'-hide_banner',
			'-nostats',
			'-y',
			'-i',
			o.inputFile,
			'-af',
			o.filter,
			'-ar',
			String(o.sampleRate),
			'-ac',
			'1',
			...o.codec,
			o.outputFile,
		],
		signal: o.signal,
		timeoutMs: 300_000,
	});
	if (run.spawnError || run.exitCode !== 0) {
		throw new VoiceSynthesisError(`ffmpeg could not write ${o.outputFile}: ${(run.spawnError?.message ?? run.stderr).trim().slice(-300)}`);
	}
};
