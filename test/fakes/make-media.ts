import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {TEST_DATA_DIR} from '../support/test-env';

/** Small real media made with Debian ffmpeg at test time (cached between runs): what fakes serve. */
export const fakeMediaFiles = (): {video: string; photo: string; portraitPhoto: string} => {
	const dir = join(TEST_DATA_DIR, 'fake-media');
	mkdirSync(dir, {recursive: true});
	const video = join(dir, 'clip-320x180-3s.mp4');
	const photo = join(dir, 'photo-640x360.jpg');
	const portraitPhoto = join(dir, 'photo-360x640.jpg');
	const ffmpeg = (args: string[]) => execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
	if (!existsSync(video)) {
		ffmpeg([
			'-f',
			'lavfi',
			'-i',
			'testsrc=size=320x180:rate=25:duration=3',
			'-c:v',
			'libx264',
			'-preset',
			'ultrafast',
			'-pix_fmt',
			'yuv420p',
			'-movflags',
			'+faststart',
			video,
		]);
	}
	if (!existsSync(photo)) ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=640x360', '-frames:v', '1', photo]);
	if (!existsSync(portraitPhoto)) ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=360x640', '-frames:v', '1', portraitPhoto]);
	return {video, photo, portraitPhoto};
};

/** A mono 24 kHz PCM wav of a soft tone, like OpenAI's `response_format: "wav"`. */
export const toneWav = (durationSec: number): Buffer =>
	execFileSync(
		'ffmpeg',
		[
			'-hide_banner',
			'-loglevel',
			'error',
			'-f',
			'lavfi',
			'-i',
			`sine=frequency=220:sample_rate=24000:duration=${durationSec.toFixed(2)}`,
			'-ac',
			'1',
			'-c:a',
			'pcm_s16le',
			'-f',
			'wav',
			'pipe:1',
		],
		{maxBuffer: 64 * 1024 * 1024},
	);
