import type React from 'react';
import {AbsoluteFill, interpolate, spring} from 'remotion';
import {SceneBackdrop} from '../../components/scene-backdrop';
import {withAlpha} from '../../components/with-alpha';
import {useSceneLayout} from '../../components/use-scene-layout';
import {PromoTitle} from './promo-title';
import {clamp, type SceneProps} from './promo-style';

/** The close: the picture dimmed, the title, and the button springing in then pulsing. */
export const CtaScene: React.FC<SceneProps> = ({scene, index, storyboard, palette, options, fontStack, ready, durationInFrames}) => {
	const {frame, fps, height, unit, safe, orientation, language, dir, band, innerW} = useSceneLayout(storyboard);
	const button = spring({frame: frame - 12, fps, config: {damping: 9, stiffness: 160}, durationInFrames: 20});
	const pulse = 1 + 0.04 * Math.max(0, Math.sin(((frame - 32) / fps) * Math.PI * 2)) * (frame > 32 ? 1 : 0);
	const lineIn = interpolate(frame, [22, 32], [0, 1], clamp);
	return (
		<AbsoluteFill style={{background: palette.background}}>
			{/* Dimmed to 35% by a veil of the background colour, the same picture as opacity 0.35 over it:
			    a group's opacity over the picture's own layers costs an offscreen surface on every draw. */}
			<SceneBackdrop scene={scene} index={index} seed={storyboard.seed} durationInFrames={durationInFrames} palette={palette} />
			<AbsoluteFill style={{background: withAlpha(palette.background, 0.65)}} />
			<AbsoluteFill
				dir={dir}
				lang={language}
				style={{
					alignItems: 'center',
					justifyContent: 'center',
					gap: unit * 4,
					padding: `${safe.top}px ${safe.side}px ${safe.bottom + band}px`,
					fontFamily: fontStack,
					color: palette.text,
					textAlign: 'center',
				}}
			>
				<PromoTitle
					text={scene.title}
					language={language}
					fontStack={fontStack}
					ready={ready}
					maxWidth={innerW}
					maxHeight={height * 0.26}
					maxFontSize={unit * 10}
					minFontSize={unit * 4}
					delay={0}
					align="center"
				/>
				{options.cta ? (
					<div
						style={{
							maxWidth: innerW,
							background: palette.accent,
							color: palette.background,
							fontSize: unit * (orientation === 'portrait' ? 6 : 5),
							fontWeight: 800,
							padding: `${unit * 2}px ${unit * 6}px`,
							borderRadius: unit * 10,
							boxShadow: `0 ${unit * 1.2}px 0 ${palette.primary}`,
							transform: `scale(${button * pulse})`,
							overflowWrap: 'anywhere',
						}}
					>
						{options.cta}
					</div>
				) : null}
				{options.ctaLine ? (
					<div
						dir="auto"
						style={{fontSize: unit * 3.4, fontWeight: 600, color: withAlpha(palette.text, 0.85), opacity: lineIn, letterSpacing: '0.02em'}}
					>
						{options.ctaLine}
					</div>
				) : null}
			</AbsoluteFill>
		</AbsoluteFill>
	);
};
