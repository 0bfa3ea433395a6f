import {slide} from '@remotion/transitions/slide';
import type React from 'react';
import {useMemo} from 'react';
import {AbsoluteFill, Img, interpolate, spring, useCurrentFrame, useVideoConfig} from 'remotion';
import {
	useGroupEffects,
	TemplateFrame,
	captionBandHeight,
	linearTransition,
	KenBurnsImage,
	SceneVideo,
	StoryboardCaptions,
	fitWords,
	resolveMediaSrc,
	textWords,
	useFrameLayout,
	useTemplateFonts,
	useTemplateStoryboard,
	withAlpha,
	alphaGradient,
	type FrameLayout,
} from '../../components';
import {
	textDirectionOf,
	type CaptionStyle,
	type Palette,
	type Scene,
	type Storyboard,
	type StoryboardInput,
	type Timeline,
} from '../../storyboard';
import {formatItemNumber, listPositions, type ListPosition} from './list-items';
import {pictureSpans} from '../../components/shot-timeline';
import {listicleOptionsSchema, type ListicleOptions} from './listicle-schema';

type Rect = {x: number; y: number; w: number; h: number};
type Layout = {panel: Rect; content: Rect; portrait: boolean};

/** The number panel and the content area: a band on top in portrait, a column at the side otherwise. */
const layoutOf = (f: FrameLayout, sb: Storyboard, options: ListicleOptions): Layout => {
	const captions = listCaptionStyle(sb.captionStyle);
	const captionBand = captionBandHeight(f, captions);
	const bottom = f.safe.bottom + (captions.position === 'bottom' ? captionBand : 0);
	if (f.orientation === 'portrait') {
		const panelH = f.height * 0.3;
		const top = panelH + f.unit * 5;
		return {
			portrait: true,
			panel: {x: 0, y: 0, w: f.width, h: panelH},
			content: {x: f.safe.side, y: top, w: f.width - 2 * f.safe.side, h: f.height - top - bottom},
		};
	}
	const panelW = f.width * (f.orientation === 'landscape' ? 0.34 : 0.36);
	const rtl = textDirectionOf(sb.language) === 'rtl';
	const left = (options.panelSide === 'start') !== rtl;
	const gap = f.unit * 6;
	const top = f.safe.top + (captions.position === 'top' ? captionBand : 0);
	const contentW = f.width - panelW - gap - f.safe.side;
	return {
		portrait: false,
		panel: {x: left ? 0 : f.width - panelW, y: 0, w: panelW, h: f.height},
		content: {x: left ? panelW + gap : f.safe.side, y: top, w: contentW, h: f.height - top - bottom},
	};
};

/**
 * The captions' style in a list: centred captions would sit on the item's picture and title, so
 * they go to the bottom band the layout keeps free for them.
 */
const listCaptionStyle = (style: CaptionStyle): CaptionStyle => (style.position === 'center' ? {...style, position: 'bottom'} : style);

/** The scene on screen at an absolute frame: the last one that has started. */
const sceneAt = (timeline: Timeline, frame: number): number =>
	Math.max(
		0,
		timeline.scenes.findLastIndex((s) => s.startFrame <= frame),
	);

/**
 * The number panel: one layer above the sliding scenes, so the numbers roll (the old one leaves
 * upwards as the new one rises) instead of sliding away with the scene; the progress indicator
 * fills across the whole list. An intro scene shows the item count in outline.
 */
const NumberPanel: React.FC<{
	storyboard: Storyboard;
	timeline: Timeline;
	positions: ListPosition[];
	layout: Layout;
	palette: Palette;
	options: ListicleOptions;
	fontStack: string;
}> = ({storyboard, timeline, positions, layout, palette, options, fontStack}) => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	const {unit} = useFrameLayout();
	const {groupOpacity} = useGroupEffects();
	const {panel} = layout;
	const index = sceneAt(timeline, frame);
	const timing = timeline.scenes[index];
	const position = positions[index];
	if (!timing || !position) return null;
	const previous = positions[index - 1];
	const language = storyboard.language;
	const label = (p: ListPosition | undefined) => (p ? formatItemNumber(p.number ?? p.count, options.numberStyle, language) : '');
	// The roll starts halfway through the transition into this scene.
	const enterFrom = timing.startFrame - Math.round((timeline.scenes[index - 1]?.transitionInFrames ?? 0) / 2);
	const roll =
		index === 0
			? spring({frame: frame - 4, fps, config: {damping: 16, stiffness: 120}})
			: spring({frame: frame - enterFrom, fps, config: {damping: 16, stiffness: 140}});
	const numberSize = Math.min(panel.h * (layout.portrait ? 0.62 : 0.42), (panel.w * 0.8) / Math.max(1, label(position).length * 0.62));
	const sceneProgress = interpolate(
		frame,
		[timing.startFrame, timing.startFrame + timing.durationInFrames - timing.transitionInFrames],
		[0, 1],
		{extrapolateLeft: 'clamp', extrapolateRight: 'clamp'},
	);
	const done =
		position.count === 0 ? 0 : position.number === null ? (index === 0 ? 0 : 1) : (position.order + sceneProgress) / position.count;
	const leave = timeline.endCard
		? interpolate(
				frame,
				[
					timeline.endCard.startFrame,
					timeline.endCard.startFrame + Math.max(1, timeline.scenes[timeline.scenes.length - 1]?.transitionInFrames ?? 1),
				],
				[1, 0],
				{extrapolateLeft: 'clamp', extrapolateRight: 'clamp'},
			)
		: 1;
	const appear = spring({frame, fps, config: {damping: 200}, durationInFrames: Math.round(fps * 0.5)});
	const numberStyle = (p: ListPosition | undefined): React.CSSProperties =>
		p?.number === null
			? {color: 'transparent', WebkitTextStroke: `${Math.max(2, numberSize * 0.025)}px ${palette.text}`}
			: {color: palette.text};
	const progressWidth = panel.w * (layout.portrait ? 0.5 : 0.62);
	const showPrevious = previous !== undefined && label(previous) !== label(position);
	// The numeral rolls: the previous item's leaves upwards while this one comes in from below.
	const numeral = (p: ListPosition | undefined, offset: number) => (
		<div
			data-layout="badge"
			style={{
				position: 'absolute',
				inset: 0,
				textAlign: 'center',
				fontSize: numberSize,
				fontWeight: 800,
				lineHeight: 1.05,
				letterSpacing: '-0.04em',
				transform: `translateY(${offset * 100}%)`,
				...numberStyle(p),
			}}
		>
			{label(p)}
		</div>
	);
	return (
		<div
			style={{
				position: 'absolute',
				left: panel.x,
				top: panel.y,
				width: panel.w,
				height: panel.h,
				background: `linear-gradient(${layout.portrait ? 180 : 160}deg, ${palette.primary} 0%, ${palette.surface} 100%)`,
				...groupOpacity(leave),
				transform: `translate${layout.portrait ? 'Y' : 'X'}(${(1 - appear) * (layout.portrait ? -panel.h : panel.x === 0 ? -panel.w : panel.w) * 0.6}px)`,
				display: 'flex',
				flexDirection: 'column',
				alignItems: 'center',
				justifyContent: 'center',
				fontFamily: fontStack,
				overflow: 'hidden',
			}}
		>
			<div style={{position: 'relative', height: numberSize * 1.05, width: '100%', overflow: 'hidden'}}>
				{showPrevious ? numeral(previous, -roll) : null}
				{numeral(position, 1 - roll)}
			</div>
			{options.progress === 'bar' && position.count > 0 ? (
				<div
					style={{
						width: progressWidth,
						height: Math.max(3, unit * 1.1),
						borderRadius: unit,
						background: withAlpha(palette.text, 0.25),
						marginTop: unit * 2.5,
						overflow: 'hidden',
					}}
				>
					<div
						style={{
							width: '100%',
							height: '100%',
							background: palette.accent,
							transform: `scaleX(${done})`,
							transformOrigin: textDirectionOf(language) === 'rtl' ? 'right' : 'left',
						}}
					/>
				</div>
			) : null}
			{options.progress === 'dots' && position.count > 0 ? (
				<div dir={textDirectionOf(language)} style={{display: 'flex', gap: unit * 1.4, marginTop: unit * 2.5}}>
					{Array.from({length: position.count}, (_, i) => {
						const current = position.number !== null && i === position.order;
						const passed = position.number !== null ? i < position.order : index > 0;
						return (
							<div
								key={i}
								style={{
									width: current ? unit * 2 + unit * 3 * roll : unit * 2,
									height: unit * 2,
									borderRadius: unit,
									background: current || passed ? palette.accent : withAlpha(palette.text, 0.3),
								}}
							/>
						);
					})}
				</div>
			) : null}
		</div>
	);
};

/** The scene's picture in a rounded card: an icon on a gradient, an image with a camera move, or a clip. */
const PictureCard: React.FC<{scene: Scene; rect: Rect; palette: Palette; durationInFrames: number}> = ({
	scene,
	rect,
	palette,
	durationInFrames,
}) => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	const {unit} = useFrameLayout();
	const {groupOpacity} = useGroupEffects();
	const visual = scene.visual;
	// The scene's shots change the card's picture: the latest one started shows, popping in anew.
	const picture = pictureSpans(visual, scene.shots, fps, durationInFrames).findLast((p) => p.from <= frame);
	const icon = picture?.visual.kind === 'procedural' ? picture.visual.icon : null;
	const pop = spring({frame: frame - 3, fps, config: {damping: 13, stiffness: 120}});
	const iconPop = spring({frame: frame - 3 - (picture?.from ?? 0), fps, config: {damping: 13, stiffness: 120}});
	const bob = Math.sin((frame / fps) * 2) * unit * 0.8;
	return (
		<div
			data-layout="picture"
			style={{
				position: 'absolute',
				left: rect.x,
				top: rect.y,
				width: rect.w,
				height: rect.h,
				borderRadius: unit * 3,
				overflow: 'hidden',
				background: alphaGradient('135deg', [
					{color: palette.surface, alpha: 0.9, at: 0},
					{color: palette.primary, alpha: 0.35, at: 100},
				]),
				transform: `scale(${0.9 + 0.1 * pop})`,
				...groupOpacity(Math.min(1, pop * 1.5)),
				boxShadow: `0 ${unit}px ${unit * 3}px ${withAlpha('#000000', 0.3)}`,
			}}
		>
			{visual.kind === 'image' ? <KenBurnsImage visual={visual} durationInFrames={durationInFrames} palette={palette} /> : null}
			{visual.kind === 'video' ? <SceneVideo visual={visual} durationInFrames={durationInFrames} palette={palette} /> : null}
			{visual.kind === 'procedural' && icon ? (
				<AbsoluteFill style={{alignItems: 'center', justifyContent: 'center'}}>
					<Img
						src={resolveMediaSrc(icon)}
						style={{
							height: rect.h * 0.72,
							width: rect.w * 0.72,
							objectFit: 'contain',
							transform: `translateY(${bob}px) rotate(${(1 - iconPop) * -12}deg) scale(${0.6 + 0.4 * iconPop})`,
						}}
					/>
				</AbsoluteFill>
			) : null}
		</div>
	);
};

const TITLE_WEIGHT = 800;
const TITLE_LINE = 1.1;

const ItemScene: React.FC<{
	scene: Scene;
	storyboard: Storyboard;
	layout: Layout;
	palette: Palette;
	fontStack: string;
	ready: boolean;
	durationInFrames: number;
}> = ({scene, storyboard, layout, palette, fontStack, ready, durationInFrames}) => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	const {unit, orientation} = useFrameLayout();
	const {content, portrait} = layout;
	const language = storyboard.language;
	const dir = textDirectionOf(language);
	const hasPicture = scene.visual.kind !== 'procedural' || scene.visual.icon !== null;
	const cardH = hasPicture ? (portrait ? Math.min(content.h * 0.56, content.w * 0.85) : content.h * 0.55) : 0;
	const cardW = hasPicture ? (portrait ? content.w : Math.min(content.w, cardH * 1.6)) : 0;
	const textBox = {w: content.w, h: content.h - cardH - unit * 4};
	const title = useMemo(() => textWords(scene.title ?? '', language), [scene.title, language]);
	const sub = useMemo(() => textWords(scene.text ?? '', language), [scene.text, language]);
	const fittedTitle = useMemo(
		() =>
			ready && title.length > 0
				? fitWords({
						words: title,
						fontFamily: fontStack,
						fontWeight: TITLE_WEIGHT,
						maxWidth: textBox.w,
						maxHeight: textBox.h * (sub.length > 0 ? 0.66 : 1),
						lineHeight: TITLE_LINE,
						maxFontSize: unit * (orientation === 'landscape' ? 9 : 10),
						// Small enough that a long compound word fits the column instead of running off the frame.
						minFontSize: unit * 2.4,
						maxLines: 3,
					})
				: null,
		[ready, title, sub.length, fontStack, textBox.w, textBox.h, unit, orientation],
	);
	const fittedSub = useMemo(
		() =>
			ready && sub.length > 0
				? fitWords({
						words: sub,
						fontFamily: fontStack,
						fontWeight: 500,
						maxWidth: textBox.w,
						maxHeight: textBox.h * 0.3,
						lineHeight: 1.25,
						maxFontSize: unit * 4.6,
						minFontSize: unit * 2.6,
						maxLines: 2,
					})
				: null,
		[ready, sub, fontStack, textBox.w, textBox.h, unit],
	);
	const align = portrait ? 'center' : 'flex-start';
	// Card and text centred in the content area (the text's height is known once measured).
	const textH =
		(fittedTitle ? fittedTitle.lines.length * fittedTitle.fontSize * TITLE_LINE : 0) +
		(fittedSub ? fittedSub.lines.length * fittedSub.fontSize * 1.25 + unit * 1.6 : 0);
	const used = cardH + (hasPicture ? unit * 4 : 0) + textH;
	const shift = hasPicture ? Math.max(0, (content.h - used) / 2) : 0;
	const subIn = spring({frame: frame - 12 - title.length * 2, fps, config: {damping: 200}, durationInFrames: 15});
	return (
		<AbsoluteFill
			style={{
				background: alphaGradient('180deg', [
					{color: palette.background, at: 0},
					{color: palette.surface, alpha: 0.55, at: 100},
				]),
			}}
		>
			{hasPicture ? (
				<PictureCard
					scene={scene}
					rect={{x: portrait ? content.x : content.x + (dir === 'rtl' ? content.w - cardW : 0), y: content.y + shift, w: cardW, h: cardH}}
					palette={palette}
					durationInFrames={durationInFrames}
				/>
			) : null}
			<div
				dir={dir}
				lang={language}
				style={{
					position: 'absolute',
					left: content.x,
					top: content.y + shift + cardH + (hasPicture ? unit * 4 : 0),
					width: content.w,
					height: textBox.h,
					display: 'flex',
					flexDirection: 'column',
					justifyContent: hasPicture ? 'flex-start' : 'center',
					fontFamily: fontStack,
					color: palette.text,
				}}
			>
				{fittedTitle
					? fittedTitle.lines.map((line, li) => (
							<div
								key={li}
								data-layout="title"
								style={{
									display: 'flex',
									justifyContent: align,
									fontSize: fittedTitle.fontSize,
									fontWeight: TITLE_WEIGHT,
									lineHeight: TITLE_LINE,
									letterSpacing: '-0.01em',
									whiteSpace: 'pre',
								}}
							>
								{line.map((wi) => {
									// Words rise in one after another.
									const s = spring({frame: frame - 6 - wi * 2, fps, config: {damping: 15, stiffness: 170}});
									const w = title[wi];
									return (
										<span
											key={wi}
											style={{
												display: 'inline-block',
												marginInlineStart: w?.space && line[0] !== wi ? fittedTitle.spaceWidth : 0,
												opacity: Math.min(1, s * 1.3),
												transform: `translateY(${(1 - s) * fittedTitle.fontSize * 0.5}px)`,
											}}
										>
											{w?.word}
										</span>
									);
								})}
							</div>
						))
					: null}
				{fittedSub ? (
					<div data-layout="text" style={{marginTop: unit * 1.6, opacity: subIn, transform: `translateY(${(1 - subIn) * unit * 2}px)`}}>
						{fittedSub.lines.map((line, li) => (
							<div
								key={li}
								style={{
									display: 'flex',
									justifyContent: align,
									fontSize: fittedSub.fontSize,
									fontWeight: 500,
									lineHeight: 1.25,
									whiteSpace: 'pre',
									color: withAlpha(palette.text, 0.82),
								}}
							>
								{line.map((wi) => (
									<span key={wi} style={{marginInlineStart: sub[wi]?.space && line[0] !== wi ? fittedSub.spaceWidth : 0}}>
										{sub[wi]?.word}
									</span>
								))}
							</div>
						))}
					</div>
				) : null}
			</div>
		</AbsoluteFill>
	);
};

/**
 * The listicle: numbered items with a big rolling numeral and a progress indicator in a panel that
 * stays put while the items slide past; each item's picture in a card, its title fitted by measured
 * words. Scenes without an itemNumber (intro, outro) show the item count in outline.
 */
const Listicle: React.FC<StoryboardInput> = (props) => {
	const {storyboard, timeline, palette, options} = useTemplateStoryboard(props, 'listicle', listicleOptionsSchema);
	const {fontStack, ready} = useTemplateFonts(storyboard);
	const frameLayout = useFrameLayout();
	const layout = layoutOf(frameLayout, storyboard, options);
	const positions = useMemo(() => listPositions(storyboard.scenes), [storyboard.scenes]);
	const rtl = textDirectionOf(storyboard.language) === 'rtl';
	const direction = layout.portrait ? 'from-bottom' : rtl ? 'from-left' : 'from-right';
	return (
		<TemplateFrame
			storyboard={storyboard}
			timeline={timeline}
			palette={palette}
			fontStack={fontStack}
			renderScene={(scene, _i, timing) => (
				<ItemScene
					scene={scene}
					storyboard={storyboard}
					layout={layout}
					palette={palette}
					fontStack={fontStack}
					ready={ready}
					durationInFrames={timing.durationInFrames}
				/>
			)}
			transition={(_scene, _i, frames) => linearTransition(slide({direction}), frames)}
			overlay={
				<NumberPanel
					storyboard={storyboard}
					timeline={timeline}
					positions={positions}
					layout={layout}
					palette={palette}
					options={options}
					fontStack={fontStack}
				/>
			}
			captions={
				// Captions stay under the content column, never across the number panel.
				<div
					style={{
						position: 'absolute',
						top: 0,
						height: '100%',
						left: layout.portrait ? 0 : layout.content.x - frameLayout.safe.side,
						width: layout.portrait ? '100%' : layout.content.w + 2 * frameLayout.safe.side,
					}}
				>
					<StoryboardCaptions
						storyboard={storyboard}
						timeline={timeline}
						palette={palette}
						style={listCaptionStyle(storyboard.captionStyle)}
						lineWidth={layout.portrait ? undefined : layout.content.w}
					/>
				</div>
			}
			logoCorner={layout.panel.x > 0 ? 'top-left' : 'top-right'}
		/>
	);
};

export default Listicle;
