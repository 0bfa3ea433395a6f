import type React from 'react';
import {interpolate, spring} from 'remotion';
import {withAlpha} from '../../components';
import {ChartLabel, ChartValue, fitTextSize, useChart} from './chart-parts';
import type {ChartProps} from './chart-types';

/**
 * Bars growing one after another, values counting up on them. Columns in landscape and square
 * frames; rows in portrait, where labels need the width. Right to left in RTL languages.
 */
export const BarChart: React.FC<ChartProps & {horizontal: boolean}> = (props) => {
	const {data, width, height, palette, options, fontStack, frame, horizontal} = props;
	const {fps, rtl, n, top, ticks, format: fmt} = useChart(props);
	if (!props.ready) return null;
	const growth = (i: number) =>
		spring({
			frame: frame - i * 5,
			fps,
			config: {damping: 18, stiffness: 90},
			durationInFrames: Math.round((options.countDurationMs / 1000) * fps),
		});
	const labels = data.points.map((p) => p.label);
	const values = data.points.map((p) => fmt(p.value));

	if (horizontal) {
		const rowH = height / n;
		const labelSize = fitTextSize({texts: labels, width: width * 0.9, max: rowH * 0.3, fontFamily: fontStack, fontWeight: 700});
		const valueSize = fitTextSize({texts: values, width: width * 0.3, max: rowH * 0.3, fontFamily: fontStack, fontWeight: 800});
		const barH = rowH * 0.34;
		const barMax = width - valueSize * 4.2;
		return (
			<svg width={width} height={height} style={{overflow: 'visible', fontFamily: fontStack}} direction={rtl ? 'rtl' : 'ltr'}>
				{data.points.map((p, i) => {
					const g = growth(i);
					const y = i * rowH + rowH * 0.18;
					const len = Math.max(0, (p.value / top) * barMax * g);
					const x0 = rtl ? width - len : 0;
					return (
						<g key={i} opacity={interpolate(g, [0, 0.15], [0, 1], {extrapolateRight: 'clamp'})}>
							<text
								x={rtl ? width : 0}
								y={y + labelSize * 0.85}
								fontSize={labelSize}
								fontWeight={700}
								fill={palette.text}
								textAnchor="start"
							>
								{p.label}
							</text>
							<rect
								x={x0}
								y={y + labelSize * 1.25}
								width={len}
								height={barH}
								rx={barH / 4}
								fill={i === 0 ? palette.accent : palette.primary}
							/>
							{options.valueLabels ? (
								<text
									x={rtl ? width - len - valueSize * 0.4 : len + valueSize * 0.4}
									y={y + labelSize * 1.25 + barH * 0.78}
									fontSize={valueSize}
									fontWeight={800}
									fill={palette.text}
									textAnchor="start"
								>
									{fmt(p.value * g)}
								</text>
							) : null}
						</g>
					);
				})}
			</svg>
		);
	}

	const slot = width / n;
	const labelSize = fitTextSize({texts: labels, width: slot * 0.92, max: height * 0.07, fontFamily: fontStack, fontWeight: 700});
	const valueSize = fitTextSize({texts: values, width: slot * 0.92, max: height * 0.075, fontFamily: fontStack, fontWeight: 800});
	const plotTop = valueSize * 1.6;
	const plotH = height - plotTop - labelSize * 2;
	const base = plotTop + plotH;
	const barW = slot * 0.6;
	const xOf = (i: number) => (rtl ? width - (i + 1) * slot : i * slot);
	const gridIn = interpolate(frame, [0, fps * 0.5], [0, 1], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'});
	return (
		<svg width={width} height={height} style={{overflow: 'visible', fontFamily: fontStack}}>
			{options.gridLines ? (
				ticks.map((t) => {
					const y = base - (t / top) * plotH;
					return (
						<line
							key={t}
							x1={rtl ? width : 0}
							x2={rtl ? width - width * gridIn : width * gridIn}
							y1={y}
							y2={y}
							stroke={withAlpha(palette.text, t === 0 ? 0.5 : 0.14)}
							strokeWidth={Math.max(1, height * 0.004)}
						/>
					);
				})
			) : (
				<line x1={0} x2={width} y1={base} y2={base} stroke={withAlpha(palette.text, 0.5)} strokeWidth={Math.max(1, height * 0.004)} />
			)}
			{data.points.map((p, i) => {
				const g = growth(i);
				const h = Math.max(0, (p.value / top) * plotH * g);
				const x = xOf(i) + (slot - barW) / 2;
				return (
					<g key={i}>
						<rect
							x={x}
							y={base - h}
							width={barW}
							height={h}
							rx={Math.min(barW * 0.12, h / 2)}
							fill={i === 0 ? palette.accent : palette.primary}
						/>
						{options.valueLabels && g > 0.02 ? (
							<ChartValue x={x + barW / 2} y={base - h - valueSize * 0.45} size={valueSize} fill={palette.text}>
								{fmt(p.value * g)}
							</ChartValue>
						) : null}
						<ChartLabel x={x + barW / 2} y={base + labelSize * 1.35} size={labelSize} palette={palette}>
							{p.label}
						</ChartLabel>
					</g>
				);
			})}
		</svg>
	);
};
