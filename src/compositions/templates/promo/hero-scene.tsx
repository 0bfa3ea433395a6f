import type React from 'react';
import {AbsoluteFill, spring} from 'remotion';
import {EdgeScrim} from '../../components/edge-scrim';
import {SceneBackdrop} from '../../components/scene-backdrop';
import {withAlpha} from '../../components/with-alpha';
import {useGroupEffects} from '../../components/group-opacity';
import {useSceneLayout} from '../../components/use-scene-layout';
import {PromoTitle} from './promo-title';
import {SLANT, type SceneProps} from './promo-style';

/** The opening: the picture full bleed, a slanted slab of the brand colour carrying the name. */
export const HeroScene: React.FC<SceneProps> = ({scene, index, storyboard, palette, fontStack, ready, durationInFrames}) => {
	const {frame, fps, width, height, unit, safe, orientation, language, rtl, band} = useSceneLayout(storyboard);
	const {textShadowStyle} = useGroupEffects();
	const slabW = (width - safe.side * 2) * (orientation === 'landscape' ? 0.62 : 1);
	const pad = unit * 3;
	const slab = spring({frame: frame - 2, fps, config: {damping: 18, stiffness: 150}, durationInFrames: 16});
	const textIn = spring({frame: frame - 16, fps, config: {damping: 200}, durationInFrames: 12});
	const side = rtl ? 1 : -1;
	return (
		<AbsoluteFill style={{background: palette.background}}>
			<SceneBackdrop scene={scene} index={index} seed={storyboard.seed} durationInFrames={durationInFrames} palette={palette} />
			<EdgeScrim edge={rtl ? 'right' : 'left'} color={palette.background} alpha={0.75} extent={0.7} />
			<AbsoluteFill
				dir={rtl ? 'rtl' : 'ltr'}
				lang={language}
				style={{
					justifyContent: orientation === 'portrait' ? 'flex-end' : 'center',
					alignItems: 'flex-start',
					padding: `${safe.top}px ${safe.side}px ${safe.bottom + band + unit * 2}px`,
					fontFamily: fontStack,
				}}
			>
				<div
					style={{
						width: slabW,
						padding: `${pad}px`,
						background: palette.primary,
						color: '#ffffff',
						transform: `translateX(${side * (1 - slab) * (slabW + safe.side)}px) skewX(${-SLANT * (rtl ? -1 : 1) * 0.6}deg)`,
						boxShadow: `${unit * 1.5 * -side}px ${unit * 1.5}px 0 ${palette.accent}`,
					}}
				>
					<PromoTitle
						text={scene.title}
						language={language}
						fontStack={fontStack}
						ready={ready}
						maxWidth={slabW - pad * 2}
						maxHeight={height * (orientation === 'portrait' ? 0.22 : 0.34)}
						maxFontSize={unit * (orientation === 'portrait' ? 11 : 10)}
						minFontSize={unit * 4}
						delay={8}
						style={{transform: `skewX(${SLANT * (rtl ? -1 : 1) * 0.6}deg)`}}
					/>
				</div>
				{scene.text ? (
					<div
						style={{
							maxWidth: slabW,
							marginTop: unit * 3,
							fontSize: unit * (orientation === 'portrait' ? 4.4 : 3.8),
							fontWeight: 600,
							lineHeight: 1.25,
							color: palette.text,
							...textShadowStyle({y: unit * 0.3, blur: unit, color: withAlpha('#000000', 0.6), opacity: textIn}),
							transform: `translateX(${side * (1 - textIn) * unit * 6}px)`,
							overflowWrap: 'anywhere',
						}}
					>
						{scene.text}
					</div>
				) : null}
			</AbsoluteFill>
		</AbsoluteFill>
	);
};
