import type React from 'react';
import {AbsoluteFill, spring} from 'remotion';
import {CompositorLayersContext} from '../../components/compositor-layers';
import {SceneBackdrop} from '../../components/scene-backdrop';
import {withAlpha} from '../../components/with-alpha';
import {useSceneLayout} from '../../components/use-scene-layout';
import {Badge} from './badge';
import {featureCardSize} from './promo-media-boxes';
import {PromoTitle} from './promo-title';
import type {SceneProps} from './promo-style';

/**
 * The card turning in from the side as a 2D transform: a turn by `deg` about the vertical axis is
 * drawn as a horizontal squeeze (cos deg) and a lean (skewY), so the card reads as tilted without
 * a 3D layer: the web renderer paints only 2D transforms (docs/templates.md), and a 3D layer is
 * composited in software on every frame of the capture path.
 */
const cardTurn = (o: {inward: number; swing: number; restDeg: number; travel: number}): string => {
	const deg = o.inward * (o.restDeg * o.swing + 40 * (1 - o.swing));
	const squeeze = Math.cos((deg * Math.PI) / 180);
	return `translateX(${o.inward * (1 - o.swing) * o.travel}px) skewY(${-deg * 0.25}deg) scaleX(${squeeze})`;
};

/**
 * A feature: the picture in a tilted card swinging in from one side (sides alternate), the callout
 * (badge, title, line) on the other; in portrait the card is on top.
 */
export const FeatureScene: React.FC<SceneProps & {number: number}> = ({
	scene,
	index,
	number,
	storyboard,
	palette,
	options,
	fontStack,
	ready,
	durationInFrames,
}) => {
	const layout = useSceneLayout(storyboard);
	const {frame, fps, width, unit, safe, language, rtl, portrait, band, innerW, innerH} = layout;
	const gap = unit * 4;
	// The same size the render makes the card's picture at (promo-media-boxes.ts).
	const {width: cardW, height: cardH} = featureCardSize(layout);
	const columnW = portrait ? innerW : innerW - cardW - gap;
	const badge = unit * (portrait ? 9 : 8);
	// Odd features put the card at the end of the line, even ones at the start.
	const cardFirst = number % 2 === 0;
	const swing = spring({frame, fps, config: {damping: 16, stiffness: 120}, durationInFrames: 20});
	const textIn = spring({frame: frame - 14, fps, config: {damping: 200}, durationInFrames: 12});
	const inward = (cardFirst ? -1 : 1) * (rtl ? -1 : 1);
	// The slanted band leans with the reading direction.
	const bandAngle = rtl ? '110deg' : '70deg';
	const card = (
		<div
			style={{
				width: cardW,
				height: cardH,
				flexShrink: 0,
				position: 'relative',
				borderRadius: unit * 2.4,
				overflow: 'hidden',
				border: `${unit * 0.6}px solid ${palette.surface}`,
				boxShadow: `${inward * -unit * 2}px ${unit * 2.4}px 0 ${palette.primary}`,
				transform: cardTurn({inward, swing, restDeg: portrait ? 0 : 10, travel: width * 0.4}),
			}}
		>
			{/* Painted with the card: layers of their own inside its rounded clip cost an offscreen surface per draw (compositor-layers.ts). */}
			<CompositorLayersContext.Provider value={false}>
				<SceneBackdrop scene={scene} index={index} seed={storyboard.seed} durationInFrames={durationInFrames} palette={palette} />
			</CompositorLayersContext.Provider>
		</div>
	);
	const callout = (
		<div style={{width: columnW, display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: unit * 2}}>
			<Badge kind={options.badge} number={number} size={badge} palette={palette} />
			<PromoTitle
				text={scene.title}
				language={language}
				fontStack={fontStack}
				ready={ready}
				maxWidth={columnW}
				maxHeight={(portrait ? innerH * 0.5 - badge : innerH * 0.6) * 0.6}
				maxFontSize={unit * (portrait ? 9 : 7.5)}
				minFontSize={unit * 3.6}
				delay={6}
				style={{color: palette.text}}
			/>
			{scene.text ? (
				<div
					style={{
						fontSize: unit * (portrait ? 4.2 : 3.4),
						fontWeight: 500,
						lineHeight: 1.3,
						color: withAlpha(palette.text, 0.8),
						borderInlineStart: `${unit * 0.8}px solid ${palette.accent}`,
						paddingInlineStart: unit * 2,
						opacity: textIn,
						transform: `translateY(${(1 - textIn) * unit * 3}px)`,
						overflowWrap: 'anywhere',
					}}
				>
					{scene.text}
				</div>
			) : null}
		</div>
	);
	return (
		<AbsoluteFill style={{background: palette.background, overflow: 'hidden'}}>
			{/* A slanted band of the surface colour behind the card: the promo's shape. */}
			<AbsoluteFill
				style={{
					background: `linear-gradient(${bandAngle}, ${palette.background} 0%, ${palette.background} 45%, ${palette.surface} 45%, ${palette.surface} 100%)`,
					willChange: 'transform',
				}}
			/>
			<AbsoluteFill
				dir={rtl ? 'rtl' : 'ltr'}
				lang={language}
				style={{
					flexDirection: portrait ? 'column' : 'row',
					alignItems: 'center',
					justifyContent: 'center',
					gap,
					padding: `${safe.top}px ${safe.side}px ${safe.bottom + band}px`,
					fontFamily: fontStack,
				}}
			>
				{cardFirst || portrait ? card : null}
				{callout}
				{cardFirst || portrait ? null : card}
			</AbsoluteFill>
		</AbsoluteFill>
	);
};
