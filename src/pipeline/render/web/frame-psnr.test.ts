import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {lavfiVideo} from '../../../../test/support/lavfi-video';
import {framePsnr} from './frame-psnr';

// Real videos made by Debian's ffmpeg: the same picture tagged the two ways our renderers write it.
const dir = mkdtempSync(join(tmpdir(), 'promptreel-frame-psnr-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const encode = (name: string, source: string, colour: string[]) =>
	lavfiVideo(join(dir, name), source, ['-frames:v', '10', ...colour, '-c:v', 'libx264', '-crf', '4']);
const SOURCE = 'testsrc2=size=320x180:rate=30';
const limited601 = ['-vf', 'scale=out_color_matrix=bt601:out_range=tv,format=yuv420p', '-colorspace', 'smpte170m', '-color_range', 'tv'];
const full709 = ['-vf', 'scale=out_color_matrix=bt709:out_range=pc,format=yuvj420p', '-colorspace', 'bt709', '-color_range', 'pc'];

describe('framePsnr (real ffmpeg)', () => {
	it('does not count a different YUV matrix or range as a difference, in YUV or RGB', async () => {
		const frames = await framePsnr({file: encode('full709.mp4', SOURCE, full709), reference: encode('limited601.mp4', SOURCE, limited601)});
		expect(frames.map((f) => f.frame)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		for (const f of frames) {
			expect(f.psnr).toBeGreaterThan(40);
			expect(f.rgbPsnr).toBeGreaterThan(38);
		}
	});

	it('scores a different picture far below the gate', async () => {
		const shifted = encode('shifted.mp4', `${SOURCE},hue=h=90`, limited601);
		const frames = await framePsnr({file: shifted, reference: encode('reference.mp4', SOURCE, limited601)});
		expect(frames).toHaveLength(10);
		for (const f of frames) {
			expect(f.psnr).toBeLessThan(30);
			// RGB spreads a hue change over all three channels: lower than the YUV figure, where luma barely moves.
			expect(f.rgbPsnr).toBeLessThan(f.psnr);
		}
	});
});
