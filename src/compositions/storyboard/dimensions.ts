import type {Aspect, Resolution} from './storyboard-schema';

const SHORT_SIDE: Record<Resolution, number> = {'360p': 360, '540p': 540, '720p': 720, '1080p': 1080};

const even = (n: number): number => Math.max(2, Math.round(n / 2) * 2);

/** Pixel size of a frame for an aspect and a size preset; both sides are always even (h264). */
export const frameSize = ({aspect, resolution}: {aspect: Aspect; resolution: Resolution}) => {
	const short = SHORT_SIDE[resolution];
	const long = even((short * 16) / 9);
	if (aspect === '16:9') return {width: long, height: short};
	if (aspect === '9:16') return {width: short, height: long};
	return {width: short, height: short};
};

/** The short side in pixels of a resolution preset. */
export const shortSideOf = (resolution: Resolution): number => SHORT_SIDE[resolution];
