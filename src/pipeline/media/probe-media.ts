import {execFile} from 'node:child_process';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {existsSync} from 'node:fs';
import {promisify} from 'node:util';
import {PromptreelError} from '../errors';

const run = promisify(execFile);

/**
 * The ffprobe to use: Remotion's own (always installed with @remotion/renderer on this platform),
 * else the system one.
 */
export const ffprobePath = (): string => {
	try {
		const require = createRequire(import.meta.url);
		const pkg = `@remotion/compositor-${process.platform}-${process.arch}${process.platform === 'linux' ? '-gnu' : ''}`;
		const bin = join(dirname(require.resolve(`${pkg}/package.json`)), 'ffprobe');
		if (existsSync(bin)) return bin;
	} catch {
		// Not installed for this platform: fall back to the system ffprobe.
	}
	return 'ffprobe';
};

export type MediaInfo = {durationMs: number; width: number | null; height: number | null; hasVideo: boolean; hasAudio: boolean};

/** Duration and size of a media file. */
export const probeMedia = async (file: string): Promise<MediaInfo> => {
	const bin = ffprobePath();
	try {
		const {stdout} = await run(
			bin,
			['-v', 'error', '-show_entries', 'format=duration:stream=codec_type,width,height,duration', '-of', 'json', file],
			{
				env: {...process.env, LD_LIBRARY_PATH: [dirname(bin), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':')},
				timeout: 30_000,
			},
		);
		const json = JSON.parse(stdout) as {
			format?: {duration?: string};
			streams?: {codec_type: string; width?: number; height?: number; duration?: string}[];
		};
		const streams = json.streams ?? [];
		const video = streams.find((s) => s.codec_type === 'video');
		const duration = Number(json.format?.duration ?? video?.duration ?? NaN);
		if (!Number.isFinite(duration) || duration <= 0) throw new Error('no duration');
		return {
			durationMs: Math.round(duration * 1000),
			width: video?.width ?? null,
			height: video?.height ?? null,
			hasVideo: Boolean(video),
			hasAudio: streams.some((s) => s.codec_type === 'audio'),
		};
	} catch (error) {
		throw new PromptreelError('MEDIA_UNREADABLE', `Cannot read media file ${file}: ${(error as Error).message}`, {cause: error});
	}
};
