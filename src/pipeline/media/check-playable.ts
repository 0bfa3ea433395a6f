import {execFile} from 'node:child_process';
import {dirname} from 'node:path';
import {promisify} from 'node:util';
import {PromptreelError} from '../errors';
import {imageDimensions} from './image-dimensions';
import {ffprobePath} from './probe-media';

const run = promisify(execFile);

/** Largest image accepted: width x height, and either side (Chromium and the compositor decode whole frames). */
export const IMAGE_LIMITS = {maxPixels: 40_000_000, maxSide: 16_384} as const;

export type PlayableMedia = {durationMs: number | null; width: number | null; height: number | null; hasVideo: boolean; hasAudio: boolean};

export type CheckPlayableOptions = {
	file: string;
	/** What the magic bytes said the file is. */
	kind: 'image' | 'video' | 'audio';
	/** The first bytes of the file (at least 64 KB for a JPEG whose header segments are large). */
	head: Uint8Array;
	maxPixels?: number;
};

/** Why a file cannot be used; the message never carries a path or a command line (the cause keeps them for the log). */
export class MediaCheckError extends PromptreelError {
	override name = 'MediaCheckError';
	constructor(code: 'MEDIA_UNREADABLE' | 'MEDIA_TOO_LARGE', message: string, cause?: unknown) {
		super(code, message, {cause});
	}
}

const ffprobe = async (args: string[]): Promise<string> => {
	const bin = ffprobePath();
	const {stdout} = await run(bin, ['-v', 'quiet', ...args], {
		env: {...process.env, LD_LIBRARY_PATH: [dirname(bin), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':')},
		timeout: 30_000,
		maxBuffer: 8 * 1024 * 1024,
	});
	return stdout;
};

type Streams = {streams?: {codec_type?: string; width?: number; height?: number; nb_read_frames?: string}[]; format?: {duration?: string}};

/**
 * Checks at upload time that a file will render: an image's header size is within the pixel
 * limit and one frame decodes; a video or audio file plays to the end it claims (a file cut short
 * keeps its header's duration but its last packets are missing: the packets near the end are
 * read and their times compared). Throws MediaCheckError (MEDIA_UNREADABLE, MEDIA_TOO_LARGE).
 */
export const checkPlayable = async (o: CheckPlayableOptions): Promise<PlayableMedia> => {
	if (o.kind === 'image') {
		const size = imageDimensions(o.head);
		if (!size || size.width === 0 || size.height === 0)
			throw new MediaCheckError('MEDIA_UNREADABLE', 'The image header cannot be read: the file is not a whole image.');
		const maxPixels = o.maxPixels ?? IMAGE_LIMITS.maxPixels;
		if (size.width * size.height > maxPixels || Math.max(size.width, size.height) > IMAGE_LIMITS.maxSide) {
			throw new MediaCheckError(
				'MEDIA_TOO_LARGE',
				`The image is ${size.width}x${size.height}: more than ${maxPixels / 1e6} megapixels or ${IMAGE_LIMITS.maxSide} pixels a side. Scale it down (a 1920x1080 or 3840x2160 image is plenty).`,
			);
		}
		const out = await ffprobe([
			'-count_frames',
			'-show_entries',
			'stream=codec_type,width,height,nb_read_frames',
			'-of',
			'json',
			o.file,
		]).catch((error: unknown) => {
			throw new MediaCheckError('MEDIA_UNREADABLE', 'The image cannot be decoded.', error);
		});
		const stream = (JSON.parse(out) as Streams).streams?.find((s) => s.codec_type === 'video');
		if (!stream || !stream.width || Number(stream.nb_read_frames ?? 0) < 1)
			throw new MediaCheckError('MEDIA_UNREADABLE', 'The image cannot be decoded.');
		return {durationMs: null, width: stream.width, height: stream.height ?? null, hasVideo: true, hasAudio: false};
	}

	let info: Streams;
	try {
		info = JSON.parse(await ffprobe(['-show_entries', 'format=duration:stream=codec_type,width,height', '-of', 'json', o.file])) as Streams;
	} catch (error) {
		throw new MediaCheckError('MEDIA_UNREADABLE', `The ${o.kind} cannot be read: its header is missing or damaged.`, error);
	}
	const streams = info.streams ?? [];
	const video = streams.find((s) => s.codec_type === 'video');
	const hasAudio = streams.some((s) => s.codec_type === 'audio');
	const claimed = Number(info.format?.duration ?? NaN);
	if (!Number.isFinite(claimed) || claimed <= 0) throw new MediaCheckError('MEDIA_UNREADABLE', `The ${o.kind} has no duration.`);
	if (o.kind === 'video' && !video) throw new MediaCheckError('MEDIA_UNREADABLE', 'The video has no video stream.');
	if (o.kind === 'audio' && !hasAudio) throw new MediaCheckError('MEDIA_UNREADABLE', 'The audio file has no audio stream.');
	if (video && video.width && video.height && video.width * video.height > (o.maxPixels ?? IMAGE_LIMITS.maxPixels)) {
		throw new MediaCheckError(
			'MEDIA_TOO_LARGE',
			`The video is ${video.width}x${video.height}: more than ${(o.maxPixels ?? IMAGE_LIMITS.maxPixels) / 1e6} megapixels a frame.`,
		);
	}
	// The packets of the last seconds: their end is where the file really stops playing.
	const from = Math.max(0, claimed - 3);
	let playable = 0;
	try {
		const csv = await ffprobe([
			'-read_intervals',
			`${from.toFixed(3)}%`,
			'-show_entries',
			'packet=pts_time,duration_time',
			'-of',
			'csv=p=0',
			o.file,
		]);
		for (const line of csv.split('\n')) {
			const [pts, dur] = line.split(',').map(Number);
			if (Number.isFinite(pts)) playable = Math.max(playable, pts! + (Number.isFinite(dur) ? dur! : 0));
		}
	} catch (error) {
		throw new MediaCheckError('MEDIA_UNREADABLE', `The ${o.kind} cannot be read to its end.`, error);
	}
	const shortBy = claimed - playable;
	if (shortBy > Math.max(0.5, claimed * 0.1)) {
		throw new MediaCheckError(
			'MEDIA_UNREADABLE',
			`The ${o.kind} is cut short: its header says ${claimed.toFixed(1)} s but it plays only ${playable.toFixed(1)} s. Upload the whole file.`,
		);
	}
	return {
		durationMs: Math.round(Math.min(claimed, playable) * 1000),
		width: video?.width ?? null,
		height: video?.height ?? null,
		hasVideo: Boolean(video),
		hasAudio,
	};
};
