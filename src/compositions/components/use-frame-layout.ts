import {useMemo} from 'react';
import {useVideoConfig} from 'remotion';

export type FrameLayout = {
	width: number;
	height: number;
	/** 1% of the short side of the frame, in px: every size is a multiple of it. */
	unit: number;
	orientation: 'landscape' | 'portrait' | 'square';
	/** Margins (px) that text keeps from the edges; portrait leaves room for the apps' own UI. */
	safe: {top: number; bottom: number; side: number};
};

/** Sizes relative to the frame, so one layout works at 16:9, 9:16 and 1:1 and at any scale. */
export const frameLayout = (width: number, height: number): FrameLayout => {
	const unit = Math.min(width, height) / 100;
	const orientation = width > height * 1.1 ? 'landscape' : height > width * 1.1 ? 'portrait' : 'square';
	const safe =
		orientation === 'portrait'
			? {top: height * 0.1, bottom: height * 0.16, side: width * 0.07}
			: orientation === 'landscape'
				? {top: height * 0.08, bottom: height * 0.09, side: width * 0.06}
				: {top: height * 0.08, bottom: height * 0.09, side: width * 0.07};
	return {width, height, unit, orientation, safe};
};

/** The layout of the composition's frame. */
export const useFrameLayout = (): FrameLayout => {
	const {width, height} = useVideoConfig();
	return useMemo(() => frameLayout(width, height), [width, height]);
};
