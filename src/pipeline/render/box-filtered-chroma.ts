import type {FfmpegOverrideFn} from '@remotion/renderer';

/**
 * The conversion that replaces Remotion's `zscale` (colorSpace 'bt709') in a capture render: RGB to
 * BT.709 limited-range YUV by ffmpeg's `scale`, whose chroma 4:2:0 step with the `area` filter
 * averages each 2x2 block. Chromium's WebCodecs H.264 encoder subsamples chroma that way; zscale's
 * default (a bilinear kernel widened for the downscale) smears colour over its neighbours. Measured
 * on saturated pixel art (the sample clip life.mp4) off the 2x2 grid by a pixel, U plane against the
 * web encoder's: 34.2 dB with zscale, 44.0 dB with this (luma 42.3 dB both ways); point sampling
 * gave 24.9 dB. Only the web fidelity gate's capture reference uses it, so that the gate compares
 * how the two renderers paint, not how their encoders subsample colour (docs/web-fidelity.md, ninth
 * round); product renders keep Remotion's conversion.
 */
export const BOX_CHROMA_FILTER = 'scale=out_color_matrix=bt709:out_range=tv:flags=area+accurate_rnd';

export const boxFilteredChroma: FfmpegOverrideFn = ({args}) =>
	// Typed string[], but Remotion passes some numbers (e.g. -crf's value) as they are.
	args.map((arg) => (typeof arg === 'string' && arg.startsWith('zscale=matrix=709:') ? BOX_CHROMA_FILTER : arg));

/** Runs ffmpeg overrides one after the other, each on the arguments the one before returned. */
export const chainFfmpegOverrides =
	(...overrides: FfmpegOverrideFn[]): FfmpegOverrideFn =>
	(input) =>
		overrides.reduce((args, override) => override({...input, args}), input.args);
