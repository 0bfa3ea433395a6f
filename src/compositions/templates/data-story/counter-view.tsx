import {measureText} from '@remotion/layout-utils';
import type React from 'react';
import {textDirectionOf} from '../../storyboard';
import {withAlpha} from '../../components';
import {TabularDigits} from '../../components/tabular-digits';
import {decimalsOf, formatValue} from './chart-scale';
import type {ChartProps} from './chart-types';

const UNIT_SCALE = 0.38;

/** One big number counting up to the first point's value, its unit beside it, its label under it. */
export const CounterView: React.FC<ChartProps> = ({data, width, height, palette, options, language, fontStack, ready, progress}) => {
	const point = data.points[0];
	if (!point || !ready) return null;
	const compact = options.numberFormat === 'compact';
	const decimals = decimalsOf([point.value]);
	const final = formatValue(point.value, {language, compact, decimals});
	const shown = formatValue(point.value * progress, {
		language,
		compact: compact && progress >= 1,
		decimals: compact ? Math.min(1, decimals) : decimals,
	});
	const unit = data.unit ? ` ${data.unit}` : '';
	// The final (widest) text decides the size, so the number never grows while it counts.
	const at100 = (text: string) =>
		measureText({text, fontFamily: fontStack, fontSize: 100, fontWeight: 800, fontVariantNumeric: 'tabular-nums'}).width;
	const widthAt100 = at100(final) + (unit ? at100(unit) * UNIT_SCALE : 0);
	const size = Math.min(height * 0.55, ((width * 0.94) / widthAt100) * 100);
	const label = point.label && point.label.toLowerCase() !== data.unit?.toLowerCase() ? point.label : null;
	return (
		<div
			dir={textDirectionOf(language)}
			style={{
				width,
				height,
				display: 'flex',
				flexDirection: 'column',
				alignItems: 'center',
				justifyContent: 'center',
				fontFamily: fontStack,
			}}
		>
			<div
				style={{
					fontSize: size,
					fontWeight: 800,
					lineHeight: 1,
					color: palette.text,
					whiteSpace: 'pre',
					letterSpacing: '-0.02em',
				}}
			>
				<TabularDigits text={shown} fontFamily={fontStack} fontWeight={800} letterSpacingEm={-0.02} />
				{unit ? <span style={{fontSize: size * UNIT_SCALE, color: palette.accent, fontWeight: 800}}>{unit}</span> : null}
			</div>
			<div
				style={{
					width: Math.min(width * 0.7, size * 4),
					height: Math.max(3, size * 0.06),
					marginTop: size * 0.18,
					borderRadius: size,
					background: withAlpha(palette.text, 0.18),
					overflow: 'hidden',
				}}
			>
				<div
					style={{
						height: '100%',
						width: '100%',
						background: palette.accent,
						transform: `scaleX(${progress})`,
						transformOrigin: textDirectionOf(language) === 'rtl' ? 'right' : 'left',
					}}
				/>
			</div>
			{label ? (
				<div
					style={{
						marginTop: size * 0.16,
						fontSize: Math.max(size * 0.16, height * 0.045),
						fontWeight: 700,
						color: withAlpha(palette.text, 0.8),
						letterSpacing: '0.04em',
					}}
				>
					{label}
				</div>
			) : null}
		</div>
	);
};
