import type {FfmpegOverrideFn} from '@remotion/renderer';

/**
 * Makes the RGB -> YUV 4:2:0 step of a capture render (the `zscale` filter Remotion adds for
 * colorSpace 'bt709') take each chroma sample by point sampling instead of its default bilinear
 * filter. Chromium's WebCodecs H.264 encoder subsamples chroma that way: on saturated pixel art
 * (the sample clip life.mp4) the U plane of a frame was 31.6 dB from the web encoder's by default
 * and 44.9 dB with point sampling (luma 46.6 dB both ways). Only the web fidelity gate's capture
 * reference uses it, so that the gate compares how the two renderers paint, not how their encoders
 * subsample colour (docs/web-fidelity.md, ninth round); product renders keep the smoother default.
 */
export const pointSampledChroma: FfmpegOverrideFn = ({args}) =>
	// Typed string[], but Remotion passes some numbers (e.g. -crf's value) as they are.
	args.map((arg) => (typeof arg === 'string' && arg.startsWith('zscale=') && !/:(filter|f)=/.test(arg) ? `${arg}:filter=point` : arg));

/** Runs ffmpeg overrides one after the other, each on the arguments the one before returned. */
export const chainFfmpegOverrides =
	(...overrides: FfmpegOverrideFn[]): FfmpegOverrideFn =>
	(input) =>
		overrides.reduce((args, override) => override({...input, args}), input.args);
