import type React from 'react';
import {AbsoluteFill, Sequence, interpolate, spring, useCurrentFrame, useVideoConfig} from 'remotion';
import {useGroupEffects} from '../../components/group-opacity';
import {showsAt} from '../../components/frame-window';
import {FONT_VARIABLE} from '../../components/load-fonts';
import {RadialGradientSvg, farthestCornerEllipse} from '../../components/radial-gradient-svg';
import {useFrameLayout} from '../../components/use-frame-layout';
import {useTemplateFonts} from '../../components/use-template-fonts';
import {useTemplateStoryboard} from '../../components/use-template-storyboard';
import {withAlpha} from '../../components/with-alpha';
import type {Palette, Scene, SceneTiming, Storyboard, StoryboardInput, Timeline} from '../../storyboard';
import {FittedLines} from '../shared/fitted-lines';
import {StoryboardChrome, StoryboardEndCard} from '../../components/storyboard-chrome';
import {useSceneLayout} from '../../components/use-scene-layout';
import {useFittedText} from '../shared/use-fitted-text';
import {audioSourceOf, formatClock, type AudioSource} from './audio-source';
import {AudioFrame, SoundShape, restingSound, type SoundFrame} from './audio-visualizer';
import {audiogramOptionsSchema, type AudiogramOptions} from './audiogram-schema';
import {CoverArt} from './cover-art';
import {TabularDigits} from '../../components/tabular-digits';
import {coverOf} from './cover-of';

const TITLE_WEIGHT = 800;
const clamp = {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'} as const;

/** The sound of a scene's source at this frame, handed to `children` (resting when there is none). */
const SceneSound: React.FC<{source: AudioSource | null; startFrame: number; children: (sound: SoundFrame) => React.ReactNode}> = ({
	source,
	startFrame,
	children,
}) => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	if (!source) return <>{children(restingSound(frame, fps))}</>;
	const at = source.kind === 'narration' ? frame - source.startFrame : (startFrame + frame) % source.loopFrames;
	return (
		<AudioFrame src={source.src} frame={at}>
			{children}
		</AudioFrame>
	);
};

type PlayerProps = {
	storyboard: Storyboard;
	scene: Scene;
	index: number;
	timing: SceneTiming;
	palette: Palette;
	options: AudiogramOptions;
	fontStack: string;
	ready: boolean;
	sound: SoundFrame;
	/** Last frame of the last scene: the player's total time. */
	scenesEnd: number;
};

/**
 * One scene of the player: the cover, the show name, the episode title, the chapter (the scene
 * title, sliding in), the sound drawn, and the progress line. Everything but the chapter and the
 * sound stays put from scene to scene, so the video reads as one continuous player.
 */
const Player: React.FC<PlayerProps> = ({storyboard, scene, index, timing, palette, options, fontStack, ready, sound, scenesEnd}) => {
	const {frame, fps, unit, safe, orientation, language, dir, portrait, band: captionBand, innerW, innerH} = useSceneLayout(storyboard);
	const gap = unit * 4;
	const cover = portrait
		? Math.min(innerW * 0.78, innerH * 0.45)
		: Math.min(innerH * 0.92, innerW * (orientation === 'landscape' ? 0.36 : 0.4));
	const columnW = portrait ? innerW : innerW - cover - gap;
	const title = useFittedText({
		text: storyboard.title,
		language,
		fontStack,
		ready,
		fontWeight: TITLE_WEIGHT,
		lineHeight: 1.12,
		maxWidth: columnW,
		maxHeight: innerH * (portrait ? 0.16 : 0.3),
		maxFontSize: unit * (portrait ? 7 : 6.4),
		minFontSize: unit * 3,
		maxLines: 2,
	});
	const chapterIn = spring({frame: frame - 4, fps, config: {damping: 200}, durationInFrames: 14});
	const absolute = timing.startFrame + frame;
	const elapsed = Math.min(1, absolute / Math.max(1, scenesEnd));
	const align = portrait ? 'center' : 'start';
	const vizH = unit * (portrait ? 14 : 12);
	const textColumn = (
		<div style={{width: columnW, display: 'flex', flexDirection: 'column', alignItems: portrait ? 'center' : 'stretch', gap: unit * 1.4}}>
			{options.showName ? (
				<div style={{fontSize: unit * 2.8, fontWeight: 700, letterSpacing: '0.08em', textTransform: 'uppercase', color: palette.accent}}>
					{options.showName}
				</div>
			) : null}
			{title.fitted ? (
				<div style={{color: palette.text}}>
					<FittedLines words={title.words} fitted={title.fitted} fontWeight={TITLE_WEIGHT} lineHeight={1.12} align={align} />
				</div>
			) : null}
			{scene.title ? (
				<div
					style={{
						fontSize: unit * 3.4,
						fontWeight: 500,
						color: withAlpha(palette.text, 0.8),
						opacity: chapterIn,
						transform: `translateY(${(1 - chapterIn) * unit * 2}px)`,
						overflowWrap: 'anywhere',
					}}
				>
					{scene.title}
				</div>
			) : null}
			<div style={{marginTop: unit * 1.5}}>
				<SoundShape sound={sound} kind={options.visualizer} width={columnW} height={vizH} colour={palette.accent} />
			</div>
			{options.progress ? (
				<div style={{width: '100%'}}>
					<div style={{height: Math.max(2, unit * 0.6), borderRadius: unit, background: withAlpha(palette.text, 0.2), overflow: 'hidden'}}>
						<div
							style={{
								height: '100%',
								background: palette.text,
								transform: `scaleX(${elapsed})`,
								transformOrigin: dir === 'rtl' ? 'right' : 'left',
							}}
						/>
					</div>
					{/* Times are digits in any language: always left to right, elapsed first. */}
					<div
						dir="ltr"
						style={{
							display: 'flex',
							justifyContent: 'space-between',
							fontSize: unit * 2.4,
							fontWeight: 500,
							marginTop: unit * 0.8,
							color: withAlpha(palette.text, 0.7),
						}}
					>
						<span>
							<TabularDigits text={formatClock(absolute / fps)} fontFamily={fontStack} fontWeight={500} />
						</span>
						<span>
							<TabularDigits text={formatClock(scenesEnd / fps)} fontFamily={fontStack} fontWeight={500} />
						</span>
					</div>
				</div>
			) : null}
		</div>
	);
	return (
		<AbsoluteFill
			dir={dir}
			lang={language}
			style={{
				padding: `${safe.top}px ${safe.side}px ${safe.bottom + captionBand}px`,
				flexDirection: portrait ? 'column' : 'row',
				alignItems: 'center',
				justifyContent: 'center',
				gap,
				fontFamily: fontStack,
				textAlign: portrait ? 'center' : 'start',
			}}
		>
			<CoverArt
				visual={coverOf(storyboard.scenes, index)}
				previous={index > 0 ? coverOf(storyboard.scenes, index - 1) : null}
				shape={options.cover}
				size={cover}
				level={sound.level}
				palette={palette}
				seed={storyboard.seed + index * 7919}
				durationInFrames={timing.durationInFrames}
				absoluteFrame={absolute}
			/>
			{textColumn}
		</AbsoluteFill>
	);
};

/**
 * The backdrop: the palette's gradient and a glow behind the cover that swells with the sound. Each
 * in a compositor layer of its own: the glow's opacity changes on every frame and the compositor
 * applies it, instead of repainting a full-frame gradient per frame; the gradient is rasterised once
 * (in the page's own layer it was rasterised again on every frame: audiogram's raster 41 -> 7 ms a
 * frame at 360p, docs/templates.md).
 */
const Backdrop: React.FC<{palette: Palette; level: number}> = ({palette, level}) => {
	const {width, height, orientation} = useFrameLayout();
	const cx = orientation === 'portrait' ? width / 2 : width * 0.28;
	const cy = orientation === 'portrait' ? height * 0.32 : height * 0.45;
	return (
		<AbsoluteFill
			style={{background: `linear-gradient(160deg, ${palette.surface} 0%, ${palette.background} 70%)`, willChange: 'transform'}}
		>
			<AbsoluteFill style={{opacity: 0.35 + level * 0.4, willChange: 'opacity'}}>
				<RadialGradientSvg
					width={width}
					height={height}
					cx={cx}
					cy={cy}
					{...farthestCornerEllipse({width, height, cx, cy})}
					stops={[
						{offset: 0, color: palette.primary},
						{offset: 0.55, color: palette.primary, opacity: 0},
					]}
				/>
			</AbsoluteFill>
		</AbsoluteFill>
	);
};

/**
 * Each scene's player, chapter and sound in its own `<Sequence>`, only the one on screen mounted
 * (`showsAt`).
 */
const AudiogramScenes: React.FC<{
	storyboard: Storyboard;
	timeline: Timeline;
	palette: Palette;
	options: AudiogramOptions;
	fontStack: string;
	ready: boolean;
	scenesEnd: number;
}> = ({storyboard, timeline, palette, options, fontStack, ready, scenesEnd}) => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	return (
		<>
			{storyboard.scenes.map((scene, i) => {
				const timing = timeline.scenes[i];
				if (!timing) return null;
				// Scenes do not overlap here: the player stays, only the chapter and the sound change.
				const until = timeline.scenes[i + 1]?.startFrame ?? scenesEnd;
				if (!showsAt(frame, timing.startFrame, until - timing.startFrame)) return null;
				const source = audioSourceOf({scene, music: storyboard.music, option: options.audioSource, fps});
				return (
					<Sequence
						key={scene.id}
						from={timing.startFrame}
						durationInFrames={Math.max(1, until - timing.startFrame)}
						name={`scene ${scene.id}`}
					>
						<SceneSound source={source} startFrame={timing.startFrame}>
							{(sound) => (
								<>
									<Backdrop palette={palette} level={sound.level} />
									<Player
										storyboard={storyboard}
										scene={scene}
										index={i}
										timing={timing}
										palette={palette}
										options={options}
										fontStack={fontStack}
										ready={ready}
										sound={sound}
										scenesEnd={scenesEnd}
									/>
								</>
							)}
						</SceneSound>
					</Sequence>
				);
			})}
		</>
	);
};

/**
 * A podcast audiogram: one continuous player (cover art, show and episode, the sound drawn from
 * the voice-over or the music with @remotion/media-utils, a progress clock) whose chapter line
 * changes with each scene, captions under it, then the end card fading in.
 */
const Audiogram: React.FC<StoryboardInput> = (props) => {
	const {storyboard, timeline, palette, options} = useTemplateStoryboard(props, 'audiogram', audiogramOptionsSchema);
	const {fontStack, ready} = useTemplateFonts(storyboard);
	const scenesEnd = timeline.endCard?.startFrame ?? timeline.durationInFrames;
	const last = timeline.scenes[timeline.scenes.length - 1];
	const endFade = Math.max(1, last?.transitionInFrames ?? 0);
	return (
		<AbsoluteFill style={{background: palette.background, [FONT_VARIABLE]: fontStack} as React.CSSProperties}>
			<AudiogramScenes
				storyboard={storyboard}
				timeline={timeline}
				palette={palette}
				options={options}
				fontStack={fontStack}
				ready={ready}
				scenesEnd={scenesEnd}
			/>
			{timeline.endCard ? (
				<Sequence from={timeline.endCard.startFrame} durationInFrames={timeline.endCard.durationInFrames} name="end card">
					<EndCardFadeIn frames={endFade}>
						<StoryboardEndCard storyboard={storyboard} palette={palette} durationInFrames={timeline.endCard.durationInFrames} />
					</EndCardFadeIn>
				</Sequence>
			) : null}
			<StoryboardChrome storyboard={storyboard} timeline={timeline} palette={palette} />
		</AbsoluteFill>
	);
};

const EndCardFadeIn: React.FC<{frames: number; children: React.ReactNode}> = ({frames, children}) => {
	const frame = useCurrentFrame();
	const {groupOpacity} = useGroupEffects();
	return <AbsoluteFill style={groupOpacity(interpolate(frame, [0, frames], [0, 1], clamp))}>{children}</AbsoluteFill>;
};

export default Audiogram;
