import {none} from '@remotion/transitions/none';
import type React from 'react';
import {useMemo} from 'react';
import {AbsoluteFill, Sequence, interpolate, spring, useCurrentFrame, useVideoConfig} from 'remotion';
import {EdgeScrim} from '../../components/edge-scrim';
import {SceneBackdrop} from '../../components/scene-backdrop';
import {useFrameLayout} from '../../components/use-frame-layout';
import {useTemplateFonts} from '../../components/use-template-fonts';
import {useTemplateStoryboard} from '../../components/use-template-storyboard';
import {withAlpha} from '../../components/with-alpha';
import {textDirectionOf, type CaptionStyle, type Palette, type Scene, type StoryboardInput} from '../../storyboard';
import {FittedLines} from '../shared/fitted-lines';
import {TemplateFrame} from '../../components/template-frame';
import {linearTransition} from '../../components/scene-series';
import {useFittedText} from '../shared/use-fitted-text';
import {captionedClipOptionsSchema, type CaptionedClipOptions} from './captioned-clip-schema';
import {sentenceStarts} from './sentence-starts';

const clamp = {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'} as const;
/** How much closer the picture is after a jump cut. */
const JUMP_SCALE = 1.1;
/** How long the hook sticker stays up, in ms (never past the first scene). */
const HOOK_MS = 2600;
const HOOK_WEIGHT = 900;

/**
 * One scene's picture, full frame: it cuts in a little too close and settles (a punch-in), then
 * jumps closer and back at each new sentence. The zoom centre sits in the upper third, where a
 * speaker's face usually is.
 */
const ClipScene: React.FC<{scene: Scene; index: number; seed: number; palette: Palette; durationInFrames: number; jumpZoom: boolean}> = ({
	scene,
	index,
	seed,
	palette,
	durationInFrames,
	jumpZoom,
}) => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	const cuts = useMemo(
		() => (jumpZoom ? sentenceStarts(scene.captions).map((ms) => Math.round((ms * fps) / 1000)) : []),
		[scene, fps, jumpZoom],
	);
	// Sentences alternate between the wide and the close framing; the first scene opens wide.
	const sentence = cuts.findLastIndex((f) => f <= frame);
	const close = sentence > 0 && sentence % 2 === 1;
	const since = sentence > 0 ? frame - (cuts[sentence] ?? 0) : frame;
	// A jump cut is nearly instant: two frames of ease so the cut reads as deliberate.
	const settle = interpolate(since, [0, 2], [0, 1], clamp);
	const from = sentence > 0 ? (close ? 1 : JUMP_SCALE) : 1.12;
	const to = close ? JUMP_SCALE : 1;
	const punch = sentence > 0 ? settle : spring({frame, fps, config: {damping: 26, stiffness: 260}, durationInFrames: 8});
	return (
		<AbsoluteFill style={{transform: `scale(${from + (to - from) * punch})`, transformOrigin: '50% 35%', willChange: 'transform'}}>
			<SceneBackdrop scene={scene} index={index} seed={seed} durationInFrames={durationInFrames} palette={palette} iconCenterY={0.4} />
		</AbsoluteFill>
	);
};

/** A dark band under the captions, so big white words read on any footage. */
const CaptionScrim: React.FC<{position: CaptionStyle['position']}> = ({position}) => {
	// From the edge the captions sit at, fading towards the middle.
	if (position !== 'center') return <EdgeScrim edge={position} color="#000000" alpha={0.55} extent={0.42} />;
	// Centred captions: a band over the middle half, darkest at its centre.
	const shade = withAlpha('#000000', 0.55);
	const clear = withAlpha('#000000', 0);
	return (
		<AbsoluteFill
			style={{
				top: '25%',
				height: '50%',
				background: `linear-gradient(180deg, ${clear} 0%, ${shade} 50%, ${clear} 100%)`,
				willChange: 'transform',
			}}
		/>
	);
};

/** The first scene's title as a tilted sticker that pops in and drops away: the hook. */
const HookSticker: React.FC<{
	title: string;
	language: string;
	palette: Palette;
	fontStack: string;
	ready: boolean;
	captionsOnTop: boolean;
	durationInFrames: number;
}> = ({title, language, palette, fontStack, ready, captionsOnTop, durationInFrames}) => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	const {width, height, unit, safe, orientation} = useFrameLayout();
	const pad = unit * 2.2;
	const boxW = (width - safe.side * 2) * (orientation === 'landscape' ? 0.7 : 1);
	const {words, fitted} = useFittedText({
		text: title,
		language,
		fontStack,
		ready,
		fontWeight: HOOK_WEIGHT,
		lineHeight: 1.08,
		maxWidth: boxW - pad * 2,
		maxHeight: height * 0.18,
		maxFontSize: unit * 8,
		minFontSize: unit * 3.6,
		maxLines: 3,
	});
	if (!fitted) return null;
	const rtl = textDirectionOf(language) === 'rtl';
	const pop = spring({frame: frame - 3, fps, config: {damping: 11, stiffness: 200}, durationInFrames: 14});
	const out = interpolate(frame, [durationInFrames - 6, durationInFrames], [0, 1], clamp);
	const tilt = rtl ? 3 : -3;
	return (
		<AbsoluteFill
			style={{
				alignItems: 'center',
				justifyContent: captionsOnTop ? 'flex-end' : 'flex-start',
				paddingTop: safe.top * 1.1,
				paddingBottom: safe.bottom * 1.6,
			}}
		>
			<div
				dir={rtl ? 'rtl' : 'ltr'}
				lang={language}
				style={{
					maxWidth: boxW,
					fontFamily: fontStack,
					color: palette.background,
					background: palette.accent,
					padding: `${pad * 0.55}px ${pad}px`,
					borderRadius: unit * 1.6,
					boxShadow: `0 ${unit * 0.8}px 0 ${withAlpha('#000000', 0.35)}`,
					transform: `rotate(${tilt * (1 - out)}deg) scale(${pop * (1 - out * 0.3)}) translateY(${out * height * 0.3}px)`,
					opacity: 1 - out,
				}}
			>
				<FittedLines words={words} fitted={fitted} fontWeight={HOOK_WEIGHT} lineHeight={1.08} align="center" />
			</div>
		</AbsoluteFill>
	);
};

/** How far through the video we are, as a thin bar along the top edge. */
const ProgressBar: React.FC<{palette: Palette; durationInFrames: number; rtl: boolean}> = ({palette, durationInFrames, rtl}) => {
	const frame = useCurrentFrame();
	const {unit} = useFrameLayout();
	return (
		<AbsoluteFill>
			<div style={{height: Math.max(2, unit * 0.7), background: withAlpha('#ffffff', 0.25)}}>
				<div
					style={{
						height: '100%',
						background: palette.accent,
						transform: `scaleX(${frame / Math.max(1, durationInFrames - 1)})`,
						transformOrigin: rtl ? 'right' : 'left',
					}}
				/>
			</div>
		</AbsoluteFill>
	);
};

/** The captions of a captioned clip: the storyboard's style, bigger by the template's captionScale. */
export const clipCaptionStyle = (style: CaptionStyle, options: Pick<CaptionedClipOptions, 'captionScale'>): CaptionStyle => ({
	...style,
	// The storyboard caps fontScale at 2; a clip may go to 2.5 times the default size.
	fontScale: Math.min(2.5, style.fontScale * options.captionScale),
});

/**
 * A user's footage (or, for a voice-over, the scene's picture) full frame with big captions: hard
 * cuts with a punch-in between scenes, jump zooms at each sentence, the first title as a hook
 * sticker, a progress bar along the top.
 */
const CaptionedClip: React.FC<StoryboardInput> = (props) => {
	const {storyboard, timeline, palette, options} = useTemplateStoryboard(props, 'captioned-clip', captionedClipOptionsSchema);
	const {fontStack, ready} = useTemplateFonts(storyboard);
	const captions = clipCaptionStyle(storyboard.captionStyle, options);
	const rtl = textDirectionOf(storyboard.language) === 'rtl';
	const first = storyboard.scenes[0];
	const firstTiming = timeline.scenes[0];
	const hookFrames = firstTiming
		? Math.min(firstTiming.durationInFrames - firstTiming.transitionInFrames, Math.round((HOOK_MS * timeline.fps) / 1000))
		: 0;
	const scenesEnd = timeline.endCard?.startFrame ?? timeline.durationInFrames;
	return (
		<TemplateFrame
			background="#000000"
			fontStack={fontStack}
			storyboard={storyboard}
			timeline={timeline}
			palette={palette}
			renderScene={(scene, index, timing) => (
				<ClipScene
					scene={scene}
					index={index}
					seed={storyboard.seed}
					palette={palette}
					durationInFrames={timing.durationInFrames}
					jumpZoom={options.jumpZoom}
				/>
			)}
			// A hard cut: the next scene's punch-in is the transition.
			transition={(_scene, _i, frames) => linearTransition(none(), frames)}
			// Captions over the progress bar's layer: the bar is a hairline at the very top.
			captionStyle={captions}
			overlay={
				<>
					{captions.enabled ? (
						<Sequence durationInFrames={scenesEnd} name="caption scrim">
							<CaptionScrim position={captions.position} />
						</Sequence>
					) : null}
					{options.hook && first?.title && hookFrames > 0 ? (
						<Sequence durationInFrames={hookFrames} name="hook">
							<HookSticker
								title={first.title}
								language={storyboard.language}
								palette={palette}
								fontStack={fontStack}
								ready={ready}
								captionsOnTop={captions.position === 'top'}
								durationInFrames={hookFrames}
							/>
						</Sequence>
					) : null}
					{options.progressBar ? (
						<Sequence durationInFrames={scenesEnd} name="progress">
							<ProgressBar palette={palette} durationInFrames={scenesEnd} rtl={rtl} />
						</Sequence>
					) : null}
				</>
			}
		/>
	);
};

export default CaptionedClip;
