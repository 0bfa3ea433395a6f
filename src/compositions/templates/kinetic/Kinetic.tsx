import {slide} from '@remotion/transitions/slide';
import type React from 'react';
import {useMemo} from 'react';
import {AbsoluteFill, interpolate, spring, useCurrentFrame, useVideoConfig} from 'remotion';
import {
	TemplateFrame,
	linearTransition,
	fitWords,
	useFrameLayout,
	useTemplateFonts,
	useTemplateStoryboard,
	withAlpha,
	alphaGradient,
	type FittedWords,
} from '../../components';
import {textDirectionOf, type Palette, type Scene, type StoryboardInput} from '../../storyboard';
import {kineticPages, sceneWords, type KineticPage} from './kinetic-pages';
import {kineticOptionsSchema, type KineticOptions} from './kinetic-schema';

const WEIGHT = 800;
const LINE_HEIGHT = 1.12;
/** The `type` motion's bar: 0.1 of the font size, as a share of the word's one-line box. */
const BAR_PERCENT = (0.1 / LINE_HEIGHT) * 100;
/** Frames a page takes to leave before the next one comes in. */
const EXIT_FRAMES = 6;

/** Two wide bands of colour crossing the frame, drifting; linear gradients only (cheap, and drawn by every renderer). */
const Bands: React.FC<{palette: Palette; index: number; durationInFrames: number}> = ({palette, index, durationInFrames}) => {
	const frame = useCurrentFrame();
	const {width, height} = useFrameLayout();
	const diagonal = Math.hypot(width, height);
	const angle = index % 2 === 0 ? -14 : 12;
	const drift = interpolate(frame, [0, durationInFrames], [-0.06, 0.06]) * diagonal;
	return (
		<AbsoluteFill style={{background: palette.background, overflow: 'hidden'}}>
			<div
				style={{
					position: 'absolute',
					left: (width - diagonal * 1.2) / 2,
					top: height * (index % 2 === 0 ? 0.62 : 0.18),
					width: diagonal * 1.2,
					height: diagonal * 0.22,
					background: alphaGradient('90deg', [
						{color: palette.primary, alpha: 0, at: 0},
						{color: palette.primary, alpha: 0.55, at: 40},
						{color: palette.surface, alpha: 0.7, at: 100},
					]),
					transform: `translateX(${drift}px) rotate(${angle}deg)`,
					willChange: 'transform',
				}}
			/>
			<div
				style={{
					position: 'absolute',
					left: (width - diagonal * 1.2) / 2,
					top: height * (index % 2 === 0 ? 0.12 : 0.7),
					width: diagonal * 1.2,
					height: diagonal * 0.05,
					background: `linear-gradient(90deg, ${withAlpha(palette.accent, 0)} 0%, ${withAlpha(palette.accent, 0.35)} 100%)`,
					transform: `translateX(${-drift * 1.6}px) rotate(${angle}deg)`,
					willChange: 'transform',
				}}
			/>
		</AbsoluteFill>
	);
};

/** One word's look at this moment: arrival by the chosen motion, accent while it is spoken. */
const wordStyle = (o: {
	ms: number;
	start: number;
	end: number;
	next: number;
	fps: number;
	fontSize: number;
	options: KineticOptions;
	palette: Palette;
}): React.CSSProperties => {
	const {ms, start, next, fps, fontSize, options, palette} = o;
	const since = ((ms - start) / 1000) * fps;
	const spoken = ms >= start;
	const active = spoken && ms < next;
	const color = active ? palette.accent : palette.text;
	if (!spoken) return {opacity: options.upcoming === 'ghost' ? 0.18 : 0, color: palette.text};
	switch (options.motion) {
		case 'rise': {
			const s = spring({frame: since, fps, config: {damping: 14, stiffness: 180}, durationInFrames: 10});
			// No transform once the word has landed: a still word is placed like any text (docs/web-fidelity.md).
			return {color, opacity: Math.min(1, s * 1.4), transform: s < 0.999 ? `translateY(${(1 - s) * fontSize * 0.45}px)` : undefined};
		}
		case 'slam': {
			const s = spring({frame: since, fps, config: {damping: 11, stiffness: 260, mass: 0.7}, durationInFrames: 9});
			return {color, opacity: Math.min(1, since / 2), transform: s < 0.999 ? `scale(${1.9 - 0.9 * s})` : undefined};
		}
		case 'type':
			// A bar along the word's bottom edge (0.1 of the font size), as a gradient: the web painter skips
			// inset box-shadows, and reads no px stop positions, so the bar's top is a % of the word's box,
			// which is one line (LINE_HEIGHT x the font size) tall.
			return {
				color,
				background: active
					? `linear-gradient(to top, ${palette.accent} 0%, ${palette.accent} ${BAR_PERCENT}%, transparent ${BAR_PERCENT}%, transparent 100%)`
					: undefined,
			};
	}
};

const PageView: React.FC<{
	page: KineticPage;
	fitted: FittedWords;
	options: KineticOptions;
	palette: Palette;
	language: string;
	fontStack: string;
}> = ({page, fitted, options, palette, language, fontStack}) => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	const ms = (frame / fps) * 1000;
	const dir = textDirectionOf(language);
	const endFrame = (page.endMs / 1000) * fps;
	const exit = interpolate(frame, [endFrame - EXIT_FRAMES, endFrame], [0, 1], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'});
	// A slow push-in over the page keeps the frame alive between words. It grows the font size inside
	// a box of the page's unpushed size (the text centred in it, overflowing evenly): the picture of
	// scale(push) about the page's centre, but text drawn at its own size. The web renderer's painter
	// rasterises text under a scale transform unlike Chrome (docs/web-fidelity.md: kinetic 34-36 dB
	// on every pushed frame, 39-40 dB without the scale).
	const push = interpolate(ms, [page.startMs, page.endMs], [1, 1.035], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'});
	const fontSize = fitted.fontSize * push;
	return (
		<div
			style={{
				height: fitted.lines.length * fitted.fontSize * LINE_HEIGHT,
				display: 'flex',
				flexDirection: 'column',
				alignItems: 'center',
				justifyContent: 'center',
				transform: exit > 0 ? `translateY(${-exit * fitted.fontSize * 0.6}px)` : undefined,
				opacity: 1 - exit,
			}}
		>
			<div
				dir={dir}
				lang={language}
				style={{
					fontFamily: fontStack,
					fontWeight: WEIGHT,
					fontSize,
					lineHeight: LINE_HEIGHT,
					flexShrink: 0,
					width: options.align === 'center' ? undefined : `${push * 100}%`,
				}}
			>
				{fitted.lines.map((line, li) => (
					<div
						key={li}
						style={{
							display: 'flex',
							direction: dir,
							justifyContent: options.align === 'center' ? 'center' : 'flex-start',
							whiteSpace: 'pre',
						}}
					>
						{line.map((wi) => {
							const w = page.words[wi];
							if (!w) return null;
							const next = page.words[wi + 1]?.startMs ?? page.endMs;
							return (
								<span
									key={wi}
									style={{
										display: 'inline-block',
										marginInlineStart: w.space && line[0] !== wi ? fitted.spaceWidth * push : 0,
										...wordStyle({ms, start: w.startMs, end: w.endMs, next, fps, fontSize, options, palette}),
									}}
								>
									{w.word}
								</span>
							);
						})}
					</div>
				))}
			</div>
		</div>
	);
};

const KineticScene: React.FC<{
	scene: Scene;
	index: number;
	durationInFrames: number;
	language: string;
	palette: Palette;
	options: KineticOptions;
	fontStack: string;
	ready: boolean;
}> = ({scene, index, durationInFrames, language, palette, options, fontStack, ready}) => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	const {width, height, unit, safe, orientation} = useFrameLayout();
	const ms = (frame / fps) * 1000;
	const pages = useMemo(
		() => kineticPages(sceneWords(scene, language), options.wordsPerPage, scene.durationMs),
		[scene, language, options.wordsPerPage],
	);
	const kicker = scene.title;
	const attribution = options.quoteMarks ? scene.text : null;
	const boxWidth = width - safe.side * 2;
	const boxHeight = (height - safe.top - safe.bottom) * (kicker || attribution || options.quoteMarks ? 0.62 : 0.8);
	const maxFont = unit * (orientation === 'landscape' ? 16 : 18);
	const fitted = useMemo(
		() =>
			ready
				? pages.map((p) =>
						fitWords({
							words: p.words,
							fontFamily: fontStack,
							fontWeight: WEIGHT,
							maxWidth: boxWidth,
							maxHeight: boxHeight,
							lineHeight: LINE_HEIGHT,
							maxFontSize: maxFont,
							minFontSize: unit * 4,
						}),
					)
				: [],
		[ready, pages, fontStack, boxWidth, boxHeight, maxFont, unit],
	);
	const pageIndex = pages.findLastIndex((p) => p.startMs - 120 <= ms);
	const page = pages[Math.max(0, pageIndex)];
	const fit = fitted[Math.max(0, pageIndex)];
	const small = unit * (orientation === 'portrait' ? 4.4 : 3.6);
	const enter = spring({frame, fps, config: {damping: 200}, durationInFrames: Math.round(fps * 0.5)});
	const lastPage = pageIndex === pages.length - 1;
	const attributionIn =
		lastPage && page
			? spring({
					frame: frame - ((page.words[page.words.length - 1]?.endMs ?? 0) / 1000) * fps,
					fps,
					config: {damping: 200},
					durationInFrames: 12,
				})
			: 0;
	return (
		<AbsoluteFill>
			<Bands palette={palette} index={index} durationInFrames={durationInFrames} />
			<AbsoluteFill
				style={{
					padding: `${safe.top}px ${safe.side}px ${safe.bottom}px`,
					justifyContent: 'center',
					alignItems: options.align === 'center' ? 'center' : 'stretch',
					textAlign: options.align === 'center' ? 'center' : 'start',
					color: palette.text,
					fontFamily: fontStack,
				}}
			>
				{kicker ? (
					<div
						style={{
							fontSize: small,
							fontWeight: 700,
							letterSpacing: '0.14em',
							textTransform: 'uppercase',
							color: palette.accent,
							marginBottom: small * 1.2,
							opacity: enter,
							transform: `translateY(${(1 - enter) * small}px)`,
							maxWidth: boxWidth,
							overflowWrap: 'anywhere',
						}}
					>
						{kicker}
					</div>
				) : null}
				{options.quoteMarks ? (
					<div
						style={{
							fontSize: unit * 22,
							lineHeight: 0.6,
							height: unit * 9,
							color: palette.accent,
							fontWeight: 800,
							opacity: enter,
							fontFamily: 'Georgia, serif',
						}}
					>
						“
					</div>
				) : null}
				{page && fit ? (
					<PageView page={page} fitted={fit} options={options} palette={palette} language={language} fontStack={fontStack} />
				) : null}
				{attribution ? (
					<div
						style={{
							fontSize: small,
							fontWeight: 500,
							marginTop: small * 1.4,
							opacity: attributionIn,
							transform: `translateY(${(1 - attributionIn) * small}px)`,
							maxWidth: boxWidth,
							overflowWrap: 'anywhere',
							color: withAlpha(palette.text, 0.85),
						}}
					>
						— {attribution}
					</div>
				) : null}
			</AbsoluteFill>
		</AbsoluteFill>
	);
};

/**
 * Kinetic typography: the narration's words appear one by one as they are spoken (from the scene
 * captions' word timings), laid out once per page and scaled to fill the safe area, so nothing
 * moves except the word arriving. Needs no media: drifting bands of the palette behind.
 */
const Kinetic: React.FC<StoryboardInput> = (props) => {
	const {storyboard, timeline, palette, options} = useTemplateStoryboard(props, 'kinetic', kineticOptionsSchema);
	const {fontStack, ready} = useTemplateFonts(storyboard);
	const {orientation} = useFrameLayout();
	return (
		<TemplateFrame
			storyboard={storyboard}
			timeline={timeline}
			palette={palette}
			fontStack={fontStack}
			renderScene={(scene, i, timing) => (
				<KineticScene
					scene={scene}
					index={i}
					durationInFrames={timing.durationInFrames}
					language={storyboard.language}
					palette={palette}
					options={options}
					fontStack={fontStack}
					ready={ready}
				/>
			)}
			// The words rise, so scenes hand over upwards (sideways in landscape).
			transition={(_scene, _i, frames) =>
				linearTransition(slide({direction: orientation === 'landscape' ? 'from-right' : 'from-bottom'}), frames)
			}
			// The words are the picture: no caption track over them.
			captions={null}
		/>
	);
};

export default Kinetic;
