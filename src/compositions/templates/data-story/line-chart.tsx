import type React from 'react';
import {interpolate, spring} from 'remotion';
import {withAlpha} from '../../components';
import {ChartLabel, ChartValue, fitTextSize, useChart} from './chart-parts';
import type {ChartProps} from './chart-types';

/**
 * A line drawn from the first point to the last as `progress` goes from 0 to 1, the area under it
 * filling behind (an SVG linear gradient: drawn by every renderer), each point popping in as the
 * line reaches it with its value. Right to left in RTL languages.
 */
export const LineChart: React.FC<ChartProps & {id: string}> = (props) => {
	const {data, width, height, palette, options, fontStack, progress, frame, id} = props;
	const {fps, rtl, n, top, ticks, format: fmt} = useChart(props);
	if (!props.ready) return null;
	const values = data.points.map((p) => p.value);
	const slot = width / Math.max(1, n);
	const labelSize = fitTextSize({
		texts: data.points.map((p) => p.label),
		width: slot * 0.9,
		max: height * 0.065,
		fontFamily: fontStack,
		fontWeight: 700,
	});
	const valueSize = fitTextSize({texts: values.map(fmt), width: slot * 0.95, max: height * 0.07, fontFamily: fontStack, fontWeight: 800});
	const plotTop = valueSize * 2;
	const plotH = height - plotTop - labelSize * 2.2;
	const base = plotTop + plotH;
	const xOf = (i: number) => {
		const x = slot * (i + 0.5);
		return rtl ? width - x : x;
	};
	const yOf = (v: number) => base - (v / top) * plotH;
	const pts = data.points.map((p, i) => ({x: xOf(i), y: yOf(p.value)}));
	const path = pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
	const length = pts.reduce((sum, p, i) => {
		const prev = pts[i - 1];
		return prev ? sum + Math.hypot(p.x - prev.x, p.y - prev.y) : sum;
	}, 0);
	// The x the line has reached, for the area's clip and the points.
	const first = pts[0]?.x ?? 0;
	const last = pts[pts.length - 1]?.x ?? 0;
	const reachedX = first + (last - first) * progress;
	const reached = (x: number) => (rtl ? x >= reachedX - 0.5 : x <= reachedX + 0.5);
	const stroke = Math.max(2, height * 0.012);
	const area = `${path} L${last.toFixed(1)},${base} L${first.toFixed(1)},${base} Z`;
	return (
		<svg width={width} height={height} style={{overflow: 'visible', fontFamily: fontStack}}>
			<defs>
				<linearGradient id={`fill-${id}`} x1="0" y1="0" x2="0" y2="1">
					<stop offset="0%" stopColor={palette.accent} stopOpacity={0.45} />
					<stop offset="100%" stopColor={palette.accent} stopOpacity={0} />
				</linearGradient>
				<clipPath id={`reach-${id}`}>
					<rect x={rtl ? reachedX : 0} y={0} width={rtl ? width - reachedX : reachedX} height={height} />
				</clipPath>
			</defs>
			{options.gridLines ? (
				ticks.map((t) => (
					<line
						key={t}
						x1={0}
						x2={width}
						y1={yOf(t)}
						y2={yOf(t)}
						stroke={withAlpha(palette.text, t === 0 ? 0.5 : 0.14)}
						strokeWidth={Math.max(1, height * 0.004)}
					/>
				))
			) : (
				<line x1={0} x2={width} y1={base} y2={base} stroke={withAlpha(palette.text, 0.5)} strokeWidth={Math.max(1, height * 0.004)} />
			)}
			<path d={area} fill={`url(#fill-${id})`} clipPath={`url(#reach-${id})`} />
			<path
				d={path}
				fill="none"
				stroke={palette.accent}
				strokeWidth={stroke}
				strokeLinejoin="round"
				strokeLinecap="round"
				strokeDasharray={length}
				strokeDashoffset={length * (1 - progress)}
			/>
			{data.points.map((p, i) => {
				const pt = pts[i];
				if (!pt) return null;
				const at = n <= 1 ? 0 : i / (n - 1);
				const pop = reached(pt.x)
					? spring({
							frame: frame - Math.round(at * (options.countDurationMs / 1000) * fps),
							fps,
							config: {damping: 12, stiffness: 200},
							durationInFrames: 10,
						})
					: 0;
				const lastPoint = i === n - 1;
				return (
					<g key={i}>
						<circle
							cx={pt.x}
							cy={pt.y}
							r={stroke * 1.6 * pop}
							fill={palette.background}
							stroke={palette.accent}
							strokeWidth={stroke * 0.8}
						/>
						{options.valueLabels ? (
							<ChartValue
								x={pt.x}
								y={pt.y - valueSize * 0.9}
								size={valueSize * (lastPoint ? 1.15 : 0.9)}
								fill={lastPoint ? palette.accent : palette.text}
								opacity={interpolate(pop, [0, 1], [0, 1])}
							>
								{fmt(p.value)}
							</ChartValue>
						) : null}
						<ChartLabel x={pt.x} y={base + labelSize * 1.5} size={labelSize} palette={palette}>
							{p.label}
						</ChartLabel>
					</g>
				);
			})}
		</svg>
	);
};
