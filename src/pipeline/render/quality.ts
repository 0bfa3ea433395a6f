import {z} from 'zod';

export const QUALITIES = ['draft', 'standard', 'high'] as const;
export const qualitySchema = z
	.enum(QUALITIES)
	.describe("draft: 360p, fast; standard: 720p; high: the storyboard's full size (up to 1080p).");
export type Quality = z.infer<typeof qualitySchema>;

type QualityPreset = {shortSide: number; crf: number; jpegQuality: number; x264Preset: 'veryfast' | 'medium'};

const PRESETS: Record<Quality, QualityPreset> = {
	draft: {shortSide: 360, crf: 28, jpegQuality: 70, x264Preset: 'veryfast'},
	standard: {shortSide: 720, crf: 22, jpegQuality: 82, x264Preset: 'veryfast'},
	high: {shortSide: 2160, crf: 18, jpegQuality: 92, x264Preset: 'medium'},
};

export type ResolvedQuality = QualityPreset & {scale: number; width: number; height: number};

/**
 * Scale and encoder settings of a quality preset for a composition size. Never upscales; the
 * scaled size is an even number of pixels on both sides (h264 needs it), or the scale is lowered
 * to the nearest one that gives that.
 */
export const resolveQuality = (quality: Quality, size: {width: number; height: number}): ResolvedQuality => {
	const preset = PRESETS[quality];
	const short = Math.min(size.width, size.height);
	let scale = Math.min(1, preset.shortSide / short);
	const evenAt = (s: number) => {
		const w = size.width * s;
		const h = size.height * s;
		return Math.abs(w - Math.round(w)) < 1e-6 && Math.abs(h - Math.round(h)) < 1e-6 && Math.round(w) % 2 === 0 && Math.round(h) % 2 === 0;
	};
	if (!evenAt(scale)) {
		// Walk the short side down 2 px at a time until both sides are even integers.
		for (let target = Math.floor((short * scale) / 2) * 2; target >= 2; target -= 2) {
			if (evenAt(target / short)) {
				scale = target / short;
				break;
			}
		}
	}
	return {...preset, scale, width: Math.round(size.width * scale), height: Math.round(size.height * scale)};
};
