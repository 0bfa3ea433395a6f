import {execFileSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {BOX_CHROMA_FILTER, boxFilteredChroma, chainFfmpegOverrides} from './box-filtered-chroma';
import {limitX264Lookahead} from './x264-lookahead';

const ZSCALE = 'zscale=matrix=709:range=limited:primariesin=709:primaries=709:transferin=709:transfer=709';
const stitch = ['-i', '-', '-vf', ZSCALE, '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '8', '-y', 'out.mp4'];

describe('boxFilteredChroma', () => {
	it("replaces Remotion's zscale by a box-filtered conversion and leaves every other argument alone", () => {
		const args = boxFilteredChroma({type: 'stitcher', args: stitch});
		expect(args[3]).toBe(BOX_CHROMA_FILTER);
		expect([...args.slice(0, 3), ...args.slice(4)]).toEqual([...stitch.slice(0, 3), ...stitch.slice(4)]);
		// Remotion hands some values over as numbers (typed string[]): they pass through.
		const withNumber = ['-crf', 8, '-vf', ZSCALE] as unknown as string[];
		expect(boxFilteredChroma({type: 'stitcher', args: withNumber})).toEqual(['-crf', 8, '-vf', BOX_CHROMA_FILTER]);
	});

	it('chains with the lookahead limit, each override seeing the arguments of the one before', () => {
		const args = chainFfmpegOverrides(limitX264Lookahead(10), boxFilteredChroma)({type: 'pre-stitcher', args: stitch});
		expect(args).toContain(BOX_CHROMA_FILTER);
		expect(args.slice(6, 10)).toEqual(['-preset', 'veryfast', '-x264-params', 'rc-lookahead=10']);
	});

	it('averages each 2x2 block of chroma, where zscale also takes in the neighbours: a real conversion by ffmpeg', () => {
		// Columns of one pixel, period 4: blue, yellow, blue, blue. A 2x2 box gives chroma column 1
		// (pixels 2-3) blue's own U; zscale's kernel, centred on pixel 2 and wider than two pixels,
		// pulls in the yellow of pixel 1.
		const stripes = 'geq=r=if(eq(mod(X\\,4)\\,1)\\,255\\,40):g=if(eq(mod(X\\,4)\\,1)\\,210\\,40):b=if(eq(mod(X\\,4)\\,1)\\,0\\,140)';
		const chromaRow = (source: string, filter: string) => {
			const yuv = execFileSync('ffmpeg', [
				'-loglevel',
				'error',
				'-f',
				'lavfi',
				'-i',
				source,
				'-frames:v',
				'1',
				'-vf',
				filter,
				'-pix_fmt',
				'yuv420p',
				'-f',
				'rawvideo',
				'-',
			]);
			return [...yuv.subarray(64 * 64, 64 * 64 + 4)];
		};
		const [blueU] = chromaRow('color=c=0x28288c:s=64x64', BOX_CHROMA_FILTER);
		const box = chromaRow(`color=c=black:s=64x64,${stripes}`, BOX_CHROMA_FILTER);
		const smeared = chromaRow(`color=c=black:s=64x64,${stripes}`, ZSCALE);
		expect(Math.abs(box[1]! - blueU!), `box ${box} vs blue ${blueU}`).toBeLessThanOrEqual(1);
		expect(Math.abs(smeared[1]! - blueU!), `zscale ${smeared} vs blue ${blueU}`).toBeGreaterThan(8);
	});
});
