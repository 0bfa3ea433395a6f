import {execFileSync, spawnSync} from 'node:child_process';

export type Probe = {
	video: {codec: string; width: number; height: number; frames: number; durationSec: number; fps: number};
	audio: {codec: string; durationSec: number} | null;
	durationSec: number;
};

/** Reads a media file's streams with ffprobe (counting frames, not trusting the header). */
export const probe = (file: string): Probe => {
	const out = execFileSync('ffprobe', ['-v', 'error', '-count_frames', '-show_streams', '-show_format', '-of', 'json', file], {
		encoding: 'utf8',
	});
	const json = JSON.parse(out) as {
		streams: {
			codec_type: string;
			codec_name: string;
			width?: number;
			height?: number;
			nb_read_frames?: string;
			duration?: string;
			r_frame_rate?: string;
		}[];
		format: {duration: string};
	};
	const v = json.streams.find((s) => s.codec_type === 'video');
	const a = json.streams.find((s) => s.codec_type === 'audio');
	if (!v) throw new Error(`${file} has no video stream`);
	const [num, den] = (v.r_frame_rate ?? '30/1').split('/').map(Number);
	return {
		video: {
			codec: v.codec_name,
			width: v.width ?? 0,
			height: v.height ?? 0,
			frames: Number(v.nb_read_frames ?? 0),
			durationSec: Number(v.duration ?? json.format.duration),
			fps: (num ?? 30) / (den ?? 1),
		},
		audio: a ? {codec: a.codec_name, durationSec: Number(a.duration ?? json.format.duration)} : null,
		durationSec: Number(json.format.duration),
	};
};

/** Mean volume in dB of an audio stream between two times (Debian ffmpeg volumedetect). */
export const meanVolumeDb = (file: string, fromSec: number, toSec: number): number => {
	const out = spawnSync(
		'ffmpeg',
		['-hide_banner', '-nostats', '-ss', String(fromSec), '-to', String(toSec), '-i', file, '-vn', '-af', 'volumedetect', '-f', 'null', '-'],
		{encoding: 'utf8'},
	).stderr;
	return Number(/mean_volume: (-?[\d.]+|-inf) dB/.exec(out)?.[1] ?? '-91');
};

/** A file's sound as mono 32-bit float samples at `rate` Hz (Debian ffmpeg). */
const monoSamples = (file: string, rate: number): Float32Array => {
	const out = spawnSync('ffmpeg', ['-v', 'error', '-i', file, '-vn', '-ac', '1', '-ar', String(rate), '-f', 'f32le', '-'], {
		maxBuffer: 1 << 28,
	});
	const bytes = out.stdout as Buffer;
	return new Float32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.length / 4));
};

const meanSquareDb = (sum: number, n: number) => 10 * Math.log10(Math.max(sum / Math.max(1, n), 1e-12));

/**
 * How two videos' sound differs, at 8 kHz mono: the lag (ms, within +-maxLagMs) at which they
 * line up best (positive: `file` is later), and the mean square of their difference there beside
 * the reference's, both in dB.
 */
export const audioResidualDb = (
	file: string,
	reference: string,
	maxLagMs = 100,
): {lagMs: number; differenceDb: number; signalDb: number} => {
	const rate = 8000;
	const [a, b] = [monoSamples(file, rate), monoSamples(reference, rate)];
	const maxLag = Math.round((maxLagMs / 1000) * rate);
	const residual = (lag: number, length: number) => {
		let sum = 0;
		let n = 0;
		for (let i = Math.max(0, -lag); i < length && i + lag < a.length && i < b.length; i++, n++) sum += (a[i + lag]! - b[i]!) ** 2;
		return {sum, n};
	};
	let best = 0;
	let bestSum = Number.POSITIVE_INFINITY;
	const probeLength = Math.min(b.length, 4 * rate);
	for (let lag = -maxLag; lag <= maxLag; lag++) {
		const r = residual(lag, probeLength);
		if (r.n > 0 && r.sum / r.n < bestSum) [best, bestSum] = [lag, r.sum / r.n];
	}
	const diff = residual(best, b.length);
	return {
		lagMs: (best / rate) * 1000,
		differenceDb: meanSquareDb(diff.sum, diff.n),
		signalDb: meanSquareDb(
			b.reduce((s, x) => s + x * x, 0),
			b.length,
		),
	};
};
