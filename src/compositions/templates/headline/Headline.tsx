import type React from 'react';
import {useMemo} from 'react';
import {AbsoluteFill, interpolate, spring} from 'remotion';
import {
	useGroupEffects,
	useSceneLayout,
	type TemplateSceneProps,
	TemplateFrame,
	captionBandHeight,
	groupFade,
	linearTransition,
	SceneBackdrop,
	EdgeScrim,
	fitWords,
	textWords,
	useTemplateFonts,
	useTemplateStoryboard,
	withAlpha,
} from '../../components';
import {textDirectionOf, type StoryboardInput} from '../../storyboard';
import {headlineOptionsSchema, type HeadlineOptions} from './headline-schema';
import {sourceLineOf} from './source-line';

const HEAD_WEIGHT = 800;
const HEAD_LINE = 1.12;

const clamp = {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'} as const;

const NewsScene: React.FC<TemplateSceneProps<HeadlineOptions> & {index: number; exitFrames: number}> = ({
	scene,
	index,
	storyboard,
	palette,
	options,
	fontStack,
	ready,
	durationInFrames,
	exitFrames,
}) => {
	const {frame, fps, width, height, unit, safe, orientation, language, dir, rtl, captions} = useSceneLayout(storyboard);
	const captionBand = captions.position === 'bottom' ? captionBandHeight({unit, orientation}, captions) : 0;
	const cardW = width - safe.side * 2;
	const pad = unit * 2.6;
	const headline = useMemo(() => {
		const text = scene.title ?? '';
		return textWords(options.headlineCase === 'uppercase' ? text.toLocaleUpperCase(language) : text, language);
	}, [scene.title, options.headlineCase, language]);
	const fitted = useMemo(
		() =>
			ready && headline.length > 0
				? fitWords({
						words: headline,
						fontFamily: fontStack,
						fontWeight: HEAD_WEIGHT,
						maxWidth: cardW - pad * 2,
						maxHeight: height * (orientation === 'portrait' ? 0.2 : 0.24),
						lineHeight: HEAD_LINE,
						maxFontSize: unit * (orientation === 'landscape' ? 7 : 7.6),
						minFontSize: unit * 3.4,
						maxLines: orientation === 'portrait' ? 3 : 2,
					})
				: null,
		[ready, headline, fontStack, cardW, pad, height, orientation, unit],
	);
	const source = sourceLineOf(scene, storyboard.credits, options.source);
	const dekSize = unit * (orientation === 'portrait' ? 3.8 : 3.2);
	const sourceSize = unit * 2.3;
	// In: the bar wipes open from the start side, then the words rise out of it, then the dek strip.
	const bar = spring({frame: frame - 4, fps, config: {damping: 20, stiffness: 160}, durationInFrames: 12});
	const words = interpolate(frame, [10, 20], [0, 1], {...clamp});
	const dek = spring({frame: frame - 18, fps, config: {damping: 200}, durationInFrames: 12});
	// Out: the lower third folds away before the picture changes.
	const out = interpolate(frame, [durationInFrames - exitFrames - 8, durationInFrames - exitFrames], [0, 1], {...clamp});
	const origin = rtl ? 'right' : 'left';
	const {groupOpacity} = useGroupEffects();
	const kickerIn = spring({frame: frame - 2, fps, config: {damping: 200}, durationInFrames: 10});
	// Captions at the top take the corner: the label then sits on the lower third.
	const kickerOnTop = captions.position !== 'top';
	const kicker = options.kicker ? (
		<div
			dir={dir}
			style={{
				...(kickerOnTop ? {position: 'absolute', top: safe.top * 0.8, [rtl ? 'right' : 'left']: safe.side} : {marginBottom: unit}),
				display: 'inline-flex',
				alignItems: 'stretch',
				fontFamily: fontStack,
				fontWeight: 800,
				fontSize: unit * 3,
				letterSpacing: '0.08em',
				textTransform: 'uppercase',
				opacity: kickerIn,
				transform: `translateX(${(rtl ? 1 : -1) * (1 - kickerIn) * unit * 6}px)`,
			}}
		>
			<div style={{background: palette.primary, color: '#ffffff', padding: `${unit * 0.8}px ${unit * 1.8}px`}}>{options.kicker}</div>
			<div style={{width: unit * 1.2, background: palette.accent}} />
		</div>
	) : null;
	return (
		<AbsoluteFill>
			<SceneBackdrop
				scene={scene}
				index={index}
				seed={storyboard.seed}
				durationInFrames={durationInFrames}
				palette={palette}
				iconCenterY={0.38}
			/>
			{/* A scrim under the lower third only: the picture stays clear above it. */}
			<EdgeScrim edge="bottom" color="#000000" alpha={0.72} extent={0.48} />
			{kickerOnTop ? kicker : null}
			<div
				dir={dir}
				lang={language}
				style={{
					position: 'absolute',
					left: safe.side,
					width: cardW,
					bottom: safe.bottom + captionBand,
					fontFamily: fontStack,
					transform: `scaleY(${1 - out})`,
					transformOrigin: 'bottom',
					...groupOpacity(1 - out),
				}}
			>
				{kickerOnTop ? null : kicker}
				{fitted ? (
					<div
						style={{
							background: '#ffffff',
							padding: `${pad * 0.6}px ${pad}px`,
							transform: `scaleX(${bar})`,
							transformOrigin: origin,
							borderInlineStart: `${unit * 1.2}px solid ${palette.primary}`,
						}}
					>
						{fitted.lines.map((line, li) => (
							<div
								key={li}
								style={{
									display: 'flex',
									fontSize: fitted.fontSize,
									fontWeight: HEAD_WEIGHT,
									lineHeight: HEAD_LINE,
									color: '#0b0b0f',
									whiteSpace: 'pre',
									overflow: 'hidden',
								}}
							>
								{line.map((wi) => (
									<span
										key={wi}
										style={{
											display: 'inline-block',
											marginInlineStart: headline[wi]?.space && line[0] !== wi ? fitted.spaceWidth : 0,
											transform: `translateY(${(1 - interpolate(words, [li * 0.2, Math.min(1, li * 0.2 + 0.7)], [0, 1], clamp)) * 110}%)`,
										}}
									>
										{headline[wi]?.word}
									</span>
								))}
							</div>
						))}
					</div>
				) : null}
				{scene.text ? (
					<div
						style={{
							display: 'inline-block',
							maxWidth: '100%',
							background: palette.primary,
							color: '#ffffff',
							fontSize: dekSize,
							fontWeight: 600,
							lineHeight: 1.3,
							padding: `${unit * 0.8}px ${pad}px`,
							transform: `translateX(${(rtl ? 1 : -1) * (1 - dek) * unit * 8}px)`,
							opacity: dek,
							overflowWrap: 'anywhere',
						}}
					>
						{scene.text}
					</div>
				) : null}
				{source ? (
					<div
						style={{
							fontSize: sourceSize,
							fontWeight: 500,
							color: withAlpha('#ffffff', 0.85),
							marginTop: unit * 1.2,
							opacity: dek,
							overflowWrap: 'anywhere',
						}}
					>
						{source}
					</div>
				) : null}
			</div>
		</AbsoluteFill>
	);
};

/**
 * News style: each scene's picture full frame, a corner label (the kicker), and a lower third (the
 * scene title as the headline on a white bar that wipes open, the scene text as a coloured dek
 * strip, the source line under it) that folds away before the next picture fades in.
 */
const Headline: React.FC<StoryboardInput> = (props) => {
	const {storyboard, timeline, palette, options} = useTemplateStoryboard(props, 'headline', headlineOptionsSchema);
	const {fontStack, ready} = useTemplateFonts(storyboard);
	return (
		<TemplateFrame
			storyboard={storyboard}
			timeline={timeline}
			palette={palette}
			fontStack={fontStack}
			background="#000000"
			renderScene={(scene, i, timing) => (
				<NewsScene
					scene={scene}
					index={i}
					storyboard={storyboard}
					palette={palette}
					options={options}
					fontStack={fontStack}
					ready={ready}
					durationInFrames={timing.durationInFrames}
					exitFrames={timing.transitionInFrames}
				/>
			)}
			transition={(_scene, _i, frames) => linearTransition(groupFade(), frames)}
			logoCorner={textDirectionOf(storyboard.language) === 'rtl' ? 'top-left' : 'top-right'}
		/>
	);
};

export default Headline;
