import {runProcess} from './run-process';

export type DecodeAudioOptions = {
	/** Any audio ffmpeg reads (wav, mp3, m4a, ogg, flac, opus...). */
	file: string;
	/** The mono 16-bit PCM wav written. */
	outFile: string;
	/** Default 22050 Hz. */
	sampleRate?: number;
	/** Keep only this range, in ms. */
	from?: number;
	to?: number;
	ffmpegPath?: string;
	signal?: AbortSignal;
};

/**
 * Decodes audio into the mono 16-bit PCM wav our analysis reads (speech-activity.ts). Throws a
 * plain Error saying what is wrong (ffmpeg missing, unreadable file); callers wrap it in their code.
 */
export const decodeAudio = async (o: DecodeAudioOptions): Promise<void> => {
	const range =
		o.from !== undefined ? ['-ss', (o.from / 1000).toFixed(3), ...(o.to !== undefined ? ['-to', (o.to / 1000).toFixed(3)] : [])] : [];
	const rate = String(o.sampleRate ?? 22050);
	const r = await runProcess({
		command: o.ffmpegPath ?? 'ffmpeg',
		args: ['-hide_banner', '-nostdin', '-y', '-i', o.file, ...range, '-vn', '-ac', '1', '-ar', rate, '-c:a', 'pcm_s16le', o.outFile],
		signal: o.signal,
		timeoutMs: 120_000,
	});
	if (r.spawnError) throw new Error(`ffmpeg is needed to read ${o.file} (${r.spawnError.code}). Install it with: apt-get install ffmpeg`);
	if (r.exitCode !== 0) throw new Error(`Cannot read ${o.file}: ${r.stderr.trim().split('\n').slice(-2).join(' ')}`);
};
