import {spawn} from 'node:child_process';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PromptreelError} from '../../errors';

export type FramePsnr = {frame: number; psnr: number};

/**
 * PSNR (dB) of every frame of `file` against the same frame of `reference`, in RGB: each file is
 * turned into RGB with its own colour tags first (WebCodecs tags BT.709, Remotion's ffmpeg BT.601),
 * so a different YUV matrix is not counted as a difference. Identical frames give Infinity.
 * Uses Debian's ffmpeg (Remotion's bundled one lacks analysis filters).
 */
export const framePsnr = async (options: {file: string; reference: string; ffmpeg?: string}): Promise<FramePsnr[]> => {
	const dir = await mkdtemp(join(tmpdir(), 'promptreel-psnr-'));
	const stats = join(dir, 'psnr.log');
	try {
		const graph = `[0:v]scale=out_range=full,format=gbrp[a];[1:v]scale=out_range=full,format=gbrp[b];[a][b]psnr=stats_file=${stats}`;
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
		const lines = (await readFile(stats, 'utf8').catch(() => '')).split('\n').filter(Boolean);
		if (lines.length === 0)
			throw new PromptreelError(
				'FIDELITY_CHECK_FAILED',
				`ffmpeg compared no frames of ${options.file} and ${options.reference}: ${stderr.trim()}`,
			);
		return lines.map((line) => {
			const n = Number(/\bn:(\d+)/.exec(line)?.[1]);
			const avg = /psnr_avg:(inf|[\d.]+)/.exec(line)?.[1] ?? '0';
			return {frame: n - 1, psnr: avg === 'inf' ? Number.POSITIVE_INFINITY : Number(avg)};
		});
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
};

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
