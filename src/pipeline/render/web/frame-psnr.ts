import {spawn} from 'node:child_process';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PromptreelError} from '../../errors';

export type FramePsnr = {
	frame: number;
	/** PSNR of the YUV 4:2:0 planes (BT.709, limited range), averaged over every sample: the figure `ffmpeg -lavfi psnr` reports for video. */
	psnr: number;
	/** PSNR of the RGB planes: stricter, a chroma difference counts in all three channels. Reported, not judged. */
	rgbPsnr: number;
};

/**
 * Both sides are first brought to one colour space, each from its own tags (WebCodecs writes
 * full-range BT.709, Remotion's ffmpeg limited-range BT.709 or BT.601), so a different matrix or
 * range is not counted as a difference: YUV 4:2:0 BT.709 limited range (what an H.264 delivery
 * is), and RGB.
 */
const TO_YUV = 'scale=out_color_matrix=bt709:out_range=tv,format=yuv420p';
const TO_RGB = 'scale=out_range=full,format=gbrp';

/**
 * PSNR (dB) of every frame of `file` against the same frame of `reference`, in YUV (the gate's
 * figure, see docs/web-fidelity.md) and in RGB. Identical frames give Infinity.
 * Uses Debian's ffmpeg (Remotion's bundled one lacks analysis filters).
 */
export const framePsnr = async (options: {file: string; reference: string; ffmpeg?: string}): Promise<FramePsnr[]> => {
	const dir = await mkdtemp(join(tmpdir(), 'promptreel-psnr-'));
	const yuvStats = join(dir, 'yuv.log');
	const rgbStats = join(dir, 'rgb.log');
	try {
		const graph = [
			'[0:v]split[a1][a2];[1:v]split[b1][b2]',
			`[a1]${TO_YUV}[ay];[b1]${TO_YUV}[by];[ay][by]psnr=stats_file=${yuvStats}`,
			`[a2]${TO_RGB}[ar];[b2]${TO_RGB}[br];[ar][br]psnr=stats_file=${rgbStats}`,
		].join(';');
		const stderr = await run(options.ffmpeg ?? 'ffmpeg', [
			'-v',
			'error',
			'-nostdin',
			'-i',
			options.file,
			'-i',
			options.reference,
			'-lavfi',
			graph,
			'-f',
			'null',
			'-',
		]);
		const yuv = await readStats(yuvStats);
		const rgb = await readStats(rgbStats);
		if (yuv.length === 0)
			throw new PromptreelError(
				'FIDELITY_CHECK_FAILED',
				`ffmpeg compared no frames of ${options.file} and ${options.reference}: ${stderr.trim()}`,
			);
		return yuv.map((f) => ({frame: f.frame, psnr: f.psnr, rgbPsnr: rgb[f.frame]?.psnr ?? f.psnr}));
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
};

/** One line per frame of ffmpeg's psnr stats file: `n:1 mse_avg:... psnr_avg:42.1 ...`. */
const readStats = async (file: string): Promise<{frame: number; psnr: number}[]> =>
	(await readFile(file, 'utf8').catch(() => ''))
		.split('\n')
		.filter(Boolean)
		.map((line) => {
			const n = Number(/\bn:(\d+)/.exec(line)?.[1]);
			const avg = /psnr_avg:(inf|[\d.]+)/.exec(line)?.[1] ?? '0';
			return {frame: n - 1, psnr: avg === 'inf' ? Number.POSITIVE_INFINITY : Number(avg)};
		});

const run = (command: string, args: string[]): Promise<string> =>
	new Promise((resolveRun, reject) => {
		const child = spawn(command, args, {stdio: ['ignore', 'ignore', 'pipe']});
		let stderr = '';
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		child.on('error', (error) =>
			reject(
				new PromptreelError(
					'FFMPEG_NOT_FOUND',
					`Could not run ${command} (${error.message}); install Debian's ffmpeg: apt-get install -y ffmpeg`,
				),
			),
		);
		child.on('close', (code) =>
			code === 0
				? resolveRun(stderr)
				: reject(new PromptreelError('FIDELITY_CHECK_FAILED', `${command} exited with ${code}: ${stderr.trim().slice(-500)}`)),
		);
	});
