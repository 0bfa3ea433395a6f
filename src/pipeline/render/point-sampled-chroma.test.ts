import {execFileSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {chainFfmpegOverrides, pointSampledChroma} from './point-sampled-chroma';
import {limitX264Lookahead} from './x264-lookahead';

const ZSCALE = 'zscale=matrix=709:range=limited:primariesin=709:primaries=709:transferin=709:transfer=709';
const stitch = ['-i', '-', '-vf', ZSCALE, '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '8', '-y', 'out.mp4'];

describe('pointSampledChroma', () => {
	it("asks Remotion's zscale for point-sampled chroma and leaves every other argument alone", () => {
		const args = pointSampledChroma({type: 'stitcher', args: stitch});
		expect(args[3]).toBe(`${ZSCALE}:filter=point`);
		expect([...args.slice(0, 3), ...args.slice(4)]).toEqual([...stitch.slice(0, 3), ...stitch.slice(4)]);
		// A zscale that already names its filter is kept as it is.
		const own = ['-vf', 'zscale=matrix=709:filter=spline36'];
		expect(pointSampledChroma({type: 'stitcher', args: own})).toEqual(own);
		// Remotion hands some values over as numbers (typed string[]): they pass through.
		const withNumber = ['-crf', 8, '-vf', ZSCALE] as unknown as string[];
		expect(pointSampledChroma({type: 'stitcher', args: withNumber})).toEqual(['-crf', 8, '-vf', `${ZSCALE}:filter=point`]);
	});

	it('chains with the lookahead limit, each override seeing the arguments of the one before', () => {
		const args = chainFfmpegOverrides(limitX264Lookahead(10), pointSampledChroma)({type: 'pre-stitcher', args: stitch});
		expect(args).toContain(`${ZSCALE}:filter=point`);
		expect(args.slice(6, 10)).toEqual(['-preset', 'veryfast', '-x264-params', 'rc-lookahead=10']);
	});

	it('keeps the chroma of one-pixel cells that the default filter smears: a real conversion by ffmpeg', () => {
		// Yellow and blue one-pixel stripes: point sampling keeps one stripe's chroma, bilinear averages the two.
		const source = [
			'-f',
			'lavfi',
			'-i',
			'color=c=0xffd200:s=64x64,geq=r=if(mod(X\\,2)\\,40\\,255):g=if(mod(X\\,2)\\,40\\,210):b=if(mod(X\\,2)\\,140\\,0)',
		];
		const meanU = (filter: string) => {
			const yuv = execFileSync('ffmpeg', [
				'-loglevel',
				'error',
				...source,
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
			const u = yuv.subarray(64 * 64, 64 * 64 + 32 * 32);
			return u.reduce((sum, x) => sum + x, 0) / u.length;
		};
		const smooth = meanU(ZSCALE);
		const point = meanU(pointSampledChroma({type: 'stitcher', args: ['-vf', ZSCALE]})[1]!);
		// One stripe's own U against the average of yellow's (~40) and blue's (~180).
		expect(Math.abs(point - smooth), `U ${point} point-sampled, ${smooth} smoothed`).toBeGreaterThan(20);
	});
});
