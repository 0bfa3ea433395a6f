import {TransitionSeries, linearTiming} from '@remotion/transitions';
import {wipe} from '@remotion/transitions/wipe';
import type React from 'react';
import {AbsoluteFill, interpolate, spring, useCurrentFrame, useVideoConfig} from 'remotion';
import {FONT_VARIABLE} from '../../components/load-fonts';
import {SceneVisual} from '../../components/scene-visual';
import {useTemplateFonts} from '../../components/use-template-fonts';
import {useTemplateStoryboard} from '../../components/use-template-storyboard';
import {withAlpha} from '../../components/with-alpha';
import {textDirectionOf, type Palette, type Scene, type Storyboard, type StoryboardInput} from '../../storyboard';
import {FittedLines} from '../shared/fitted-lines';
import {SceneSeries} from '../shared/scene-series';
import {StoryboardChrome} from '../shared/storyboard-chrome';
import {useSceneLayout} from '../shared/use-scene-layout';
import {useFittedText} from '../shared/use-fitted-text';
import {promoOptionsSchema, type PromoOptions} from './promo-schema';
import {promoRoles, type PromoRole} from './promo-roles';

const TITLE_WEIGHT = 900;
const TITLE_LINE = 1.04;
const clamp = {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'} as const;
/** The slant of the promo's shapes and entrances, in degrees. */
const SLANT = 10;

type SceneProps = {
	scene: Scene;
	index: number;
	role: PromoRole;
	storyboard: Storyboard;
	palette: Palette;
	options: PromoOptions;
	fontStack: string;
	ready: boolean;
	durationInFrames: number;
};

/** Words of a title that shoot up into place one after another, tilted until they land. */
const punchyWord =
	(frame: number, fps: number, delay: number) =>
	(wi: number): React.CSSProperties => {
		const p = spring({frame: frame - delay - wi * 2, fps, config: {damping: 14, stiffness: 180}, durationInFrames: 14});
		return {transform: `translateY(${(1 - p) * 60}%) skewY(${(1 - p) * -SLANT}deg)`, opacity: Math.min(1, p * 1.5)};
	};

/** A tick drawn stroke by stroke, or the feature's number, in an accent disc. */
const Badge: React.FC<{kind: PromoOptions['badge']; number: number; size: number; palette: Palette}> = ({kind, number, size, palette}) => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	if (kind === 'none') return null;
	const pop = spring({frame: frame - 6, fps, config: {damping: 10, stiffness: 200}, durationInFrames: 14});
	const draw = interpolate(frame, [10, 22], [0, 1], clamp);
	return (
		<div
			style={{
				width: size,
				height: size,
				flexShrink: 0,
				borderRadius: '50%',
				background: palette.accent,
				color: palette.background,
				display: 'flex',
				alignItems: 'center',
				justifyContent: 'center',
				fontSize: size * 0.52,
				fontWeight: 900,
				transform: `scale(${pop})`,
			}}
		>
			{kind === 'number' ? (
				<span dir="ltr">{number}</span>
			) : (
				<svg width={size * 0.56} height={size * 0.56} viewBox="0 0 24 24" style={{display: 'block'}}>
					<path
						d="M4 12.5 L10 18 L20 6"
						fill="none"
						stroke={palette.background}
						strokeWidth={3.4}
						strokeLinecap="round"
						strokeLinejoin="round"
						pathLength={1}
						strokeDasharray={1}
						strokeDashoffset={1 - draw}
					/>
				</svg>
			)}
		</div>
	);
};

/** The opening: the picture full bleed, a slanted slab of the brand colour carrying the name. */
const HeroScene: React.FC<SceneProps> = ({scene, index, storyboard, palette, fontStack, ready, durationInFrames}) => {
	const {frame, fps, width, height, unit, safe, orientation, language, rtl, band} = useSceneLayout(storyboard);
	const slabW = (width - safe.side * 2) * (orientation === 'landscape' ? 0.62 : 1);
	const pad = unit * 3;
	const title = useFittedText({
		text: scene.title,
		language,
		fontStack,
		ready,
		fontWeight: TITLE_WEIGHT,
		lineHeight: TITLE_LINE,
		maxWidth: slabW - pad * 2,
		maxHeight: height * (orientation === 'portrait' ? 0.22 : 0.34),
		maxFontSize: unit * (orientation === 'portrait' ? 11 : 10),
		minFontSize: unit * 4,
		maxLines: 3,
	});
	const slab = spring({frame: frame - 2, fps, config: {damping: 18, stiffness: 150}, durationInFrames: 16});
	const textIn = spring({frame: frame - 16, fps, config: {damping: 200}, durationInFrames: 12});
	const side = rtl ? 1 : -1;
	// The shade comes from the side the text starts on.
	const shadeAngle = rtl ? '270deg' : '90deg';
	return (
		<AbsoluteFill style={{background: palette.background}}>
			<SceneVisual visual={scene.visual} durationInFrames={durationInFrames} palette={palette} seed={storyboard.seed + index * 7919} />
			<AbsoluteFill
				style={{
					background: `linear-gradient(${shadeAngle}, ${withAlpha(palette.background, 0.75)} 0%, ${withAlpha(palette.background, 0)} 70%)`,
					willChange: 'transform',
				}}
			/>
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
					{title.fitted ? (
						<div style={{transform: `skewX(${SLANT * (rtl ? -1 : 1) * 0.6}deg)`}}>
							<FittedLines
								words={title.words}
								fitted={title.fitted}
								fontWeight={TITLE_WEIGHT}
								lineHeight={TITLE_LINE}
								wordStyle={punchyWord(frame, fps, 8)}
								lineStyle={() => ({overflow: 'hidden'})}
							/>
						</div>
					) : null}
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
							textShadow: `0 ${unit * 0.3}px ${unit}px ${withAlpha('#000000', 0.6)}`,
							opacity: textIn,
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

/**
 * A feature: the picture in a tilted card swinging in from one side (sides alternate), the callout
 * (badge, title, line) on the other; in portrait the card is on top.
 */
const FeatureScene: React.FC<SceneProps & {number: number}> = ({
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
	const {frame, fps, width, unit, safe, language, rtl, portrait, band, innerW, innerH} = useSceneLayout(storyboard);
	const gap = unit * 4;
	const cardW = portrait ? innerW : innerW * 0.5;
	const cardH = portrait ? innerH * 0.5 : Math.min(innerH * 0.9, cardW * 0.75);
	const columnW = portrait ? innerW : innerW - cardW - gap;
	const badge = unit * (portrait ? 9 : 8);
	const title = useFittedText({
		text: scene.title,
		language,
		fontStack,
		ready,
		fontWeight: TITLE_WEIGHT,
		lineHeight: TITLE_LINE,
		maxWidth: columnW,
		maxHeight: (portrait ? innerH * 0.5 - badge : innerH * 0.6) * 0.6,
		maxFontSize: unit * (portrait ? 9 : 7.5),
		minFontSize: unit * 3.6,
		maxLines: 3,
	});
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
				transform: `perspective(${width}px) rotateY(${inward * (portrait ? 0 : 10) * swing + inward * 40 * (1 - swing)}deg) translateX(${inward * (1 - swing) * width * 0.4}px)`,
			}}
		>
			<SceneVisual visual={scene.visual} durationInFrames={durationInFrames} palette={palette} seed={storyboard.seed + index * 7919} />
		</div>
	);
	const callout = (
		<div style={{width: columnW, display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: unit * 2}}>
			<Badge kind={options.badge} number={number} size={badge} palette={palette} />
			{title.fitted ? (
				<div style={{color: palette.text}}>
					<FittedLines
						words={title.words}
						fitted={title.fitted}
						fontWeight={TITLE_WEIGHT}
						lineHeight={TITLE_LINE}
						wordStyle={punchyWord(frame, fps, 6)}
						lineStyle={() => ({overflow: 'hidden'})}
					/>
				</div>
			) : null}
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

/** The close: the picture dimmed, the title, and the button springing in then pulsing. */
const CtaScene: React.FC<SceneProps> = ({scene, index, storyboard, palette, options, fontStack, ready, durationInFrames}) => {
	const {frame, fps, height, unit, safe, orientation, language, dir, band, innerW} = useSceneLayout(storyboard);
	const title = useFittedText({
		text: scene.title,
		language,
		fontStack,
		ready,
		fontWeight: TITLE_WEIGHT,
		lineHeight: TITLE_LINE,
		maxWidth: innerW,
		maxHeight: height * 0.26,
		maxFontSize: unit * 10,
		minFontSize: unit * 4,
		maxLines: 3,
	});
	const button = spring({frame: frame - 12, fps, config: {damping: 9, stiffness: 160}, durationInFrames: 20});
	const pulse = 1 + 0.04 * Math.max(0, Math.sin(((frame - 32) / fps) * Math.PI * 2)) * (frame > 32 ? 1 : 0);
	const lineIn = interpolate(frame, [22, 32], [0, 1], clamp);
	return (
		<AbsoluteFill style={{background: palette.background}}>
			<AbsoluteFill style={{opacity: 0.35}}>
				<SceneVisual visual={scene.visual} durationInFrames={durationInFrames} palette={palette} seed={storyboard.seed + index * 7919} />
			</AbsoluteFill>
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
				{title.fitted ? (
					<div>
						<FittedLines
							words={title.words}
							fitted={title.fitted}
							fontWeight={TITLE_WEIGHT}
							lineHeight={TITLE_LINE}
							align="center"
							wordStyle={punchyWord(frame, fps, 0)}
							lineStyle={() => ({overflow: 'hidden'})}
						/>
					</div>
				) : null}
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

/**
 * A product promo: a hero opening (the picture full bleed under a slanted slab with the name),
 * feature callouts (a tilted card of the picture swinging in, a badge, the feature in punchy
 * words), and a call to action with a pulsing button; scenes wipe diagonally into one another.
 */
const Promo: React.FC<StoryboardInput> = (props) => {
	const {storyboard, timeline, palette, options} = useTemplateStoryboard(props, 'promo', promoOptionsSchema);
	const {fontStack, ready} = useTemplateFonts(storyboard);
	const roles = promoRoles(storyboard.scenes.length, options.cta !== null);
	const rtl = textDirectionOf(storyboard.language) === 'rtl';
	return (
		<AbsoluteFill style={{background: palette.background, [FONT_VARIABLE]: fontStack} as React.CSSProperties}>
			<SceneSeries
				storyboard={storyboard}
				timeline={timeline}
				palette={palette}
				renderScene={({scene, index, timing}) => {
					const role = roles[index] ?? {kind: 'hero'};
					const common: SceneProps = {
						scene,
						index,
						role,
						storyboard,
						palette,
						options,
						fontStack,
						ready,
						durationInFrames: timing.durationInFrames,
					};
					switch (role.kind) {
						case 'hero':
							return <HeroScene {...common} />;
						case 'feature':
							return <FeatureScene {...common} number={role.number} />;
						case 'cta':
							return <CtaScene {...common} />;
					}
				}}
				// Diagonal wipes in the reading direction: the next scene sweeps in from the corner the eye goes to.
				renderTransition={({timing}) => (
					<TransitionSeries.Transition
						presentation={wipe({direction: rtl ? 'from-bottom-left' : 'from-bottom-right'})}
						timing={linearTiming({durationInFrames: timing.transitionInFrames})}
					/>
				)}
			/>
			<StoryboardChrome storyboard={storyboard} timeline={timeline} palette={palette} />
		</AbsoluteFill>
	);
};

export default Promo;
