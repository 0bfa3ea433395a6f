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
