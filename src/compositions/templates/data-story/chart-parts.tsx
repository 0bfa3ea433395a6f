import {measureText} from '@remotion/layout-utils';
import type React from 'react';
import {useVideoConfig} from 'remotion';
import {withAlpha} from '../../components/with-alpha';
import {textDirectionOf, type Palette} from '../../storyboard';
import {chartScale} from './chart-scale';
import type {ChartProps} from './chart-types';

/** A category label under the baseline, centred on its bar or point. */
export const ChartLabel: React.FC<{x: number; y: number; size: number; palette: Palette; children: React.ReactNode}> = ({
	x,
	y,
	size,
	palette,
	children,
}) => (
	<text x={x} y={y} fontSize={size} fontWeight={700} fill={withAlpha(palette.text, 0.85)} textAnchor="middle">
		{children}
	</text>
);

/** A value over its bar or point, heavier than the labels. */
export const ChartValue: React.FC<{x: number; y: number; size: number; fill: string; opacity?: number; children: React.ReactNode}> = ({
	x,
	y,
	size,
	fill,
	opacity,
	children,
}) => (
	<text x={x} y={y} fontSize={size} fontWeight={800} fill={fill} textAnchor="middle" opacity={opacity}>
		{children}
	</text>
);

/** The largest size (<= max) at which every string fits `width`, measured in the real font. */
export const fitTextSize = (o: {texts: string[]; width: number; max: number; fontFamily: string; fontWeight: number}): number =>
	Math.min(
		o.max,
		...o.texts.map(
			(text) => (o.width / Math.max(1, measureText({text, fontFamily: o.fontFamily, fontSize: 100, fontWeight: o.fontWeight}).width)) * 100,
		),
	);

/** What every chart reads first: fps, direction, the number of points and the value axis. */
export const useChart = ({data, language, options}: Pick<ChartProps, 'data' | 'language' | 'options'>) => {
	const {fps} = useVideoConfig();
	return {
		fps,
		rtl: textDirectionOf(language) === 'rtl',
		n: data.points.length,
		...chartScale({data, language, compact: options.numberFormat === 'compact'}),
	};
};
