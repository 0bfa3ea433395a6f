import {TransitionSeries, linearTiming} from '@remotion/transitions';
import {fade} from '@remotion/transitions/fade';
import {slide} from '@remotion/transitions/slide';
import {wipe} from '@remotion/transitions/wipe';
import type React from 'react';
import {Fragment, useMemo} from 'react';
import {AbsoluteFill, Loop, Sequence, interpolate, useVideoConfig} from 'remotion';
import {
	AnimatedTitle,
	EndCard,
	FONT_VARIABLE,
	MediaAudioTrack,
	SceneVisual,
	TikTokCaptions,
	resolveMediaSrc,
	useStoryboardFonts,
} from '../../components';
import type {TitlePlacement} from '../../components';
import {computeTimeline, parseTemplateOptions, sceneMsToAbsoluteFrame, themePalette} from '../../storyboard';
import type {Music, Palette, Scene, SceneTiming, Storyboard, Transition} from '../../storyboard';
import {explainerOptionsSchema, explainerSchema, type ExplainerOptions, type ExplainerProps} from './explainer-schema';

/** Frames over which the music dips under the voice and comes back. */
const DUCK_RAMP_MS = 300;

/**
 * The transition element after a scene (a plain function, not a component: TransitionSeries reads
 * its direct children). Each branch is typed with its own presentation's props.
 */
const transitionElement = (t: Transition, durationInFrames: number): React.ReactNode => {
	const timing = linearTiming({durationInFrames});
	switch (t.type) {
		case 'none':
			return null;
		case 'slide':
			return <TransitionSeries.Transition presentation={slide({direction: t.direction})} timing={timing} />;
		case 'wipe':
			return <TransitionSeries.Transition presentation={wipe({direction: t.direction})} timing={timing} />;
		case 'fade':
			return <TransitionSeries.Transition presentation={fade()} timing={timing} />;
	}
};

/** Where titles go so they never sit under the captions (unless the options say), and where an icon then fits. */
const layoutFor = (
	position: Storyboard['captionStyle']['position'],
	placement: ExplainerOptions['titlePlacement'],
): {title: TitlePlacement; iconY: number} => {
	if (placement === 'bottom' || (placement === 'auto' && position === 'top'))
		return {title: 'bottom', iconY: position === 'bottom' ? 0.5 : 0.42};
	if (position === 'center') return {title: 'top', iconY: 0.7};
	return {title: 'top', iconY: 0.52};
};

const SceneView: React.FC<{
	scene: Scene;
	timing: SceneTiming;
	palette: Palette;
	seed: number;
	titlePlacement: TitlePlacement;
	iconY: number;
	/** Length of the transition into this scene: the title waits for most of it. */
	enterFrames: number;
	underline: boolean;
}> = ({scene, timing, palette, seed, titlePlacement, iconY, enterFrames, underline}) => (
	<AbsoluteFill style={{background: palette.background}}>
		<SceneVisual visual={scene.visual} durationInFrames={timing.durationInFrames} palette={palette} seed={seed} iconCenterY={iconY} />
		<AnimatedTitle
			title={scene.title}
			text={scene.text}
			palette={palette}
			placement={titlePlacement}
			delayInFrames={Math.round(enterFrames * 0.6)}
			underline={underline}
		/>
	</AbsoluteFill>
);

/** One pass of the music loop; the volume curve is read on the video's absolute frame. */
const MusicPass: React.FC<{src: string; loopFrames: number; volumeAt: (frame: number) => number}> = ({src, loopFrames, volumeAt}) => {
	const loop = Loop.useLoop();
	const offset = (loop?.iteration ?? 0) * loopFrames;
	return <MediaAudioTrack src={src} volume={(f) => volumeAt(offset + f)} />;
};

const MusicBed: React.FC<{music: Music; speech: {from: number; to: number}[]; totalFrames: number}> = ({music, speech, totalFrames}) => {
	const {fps} = useVideoConfig();
	const loopFrames = Math.max(1, Math.floor((music.durationMs * fps) / 1000));
	const ramp = Math.max(1, Math.round((DUCK_RAMP_MS * fps) / 1000));
	const fadeFrames = Math.max(1, Math.round((music.fadeOutMs * fps) / 1000));
	const volumeAt = (frame: number): number => {
		// 1 while someone speaks, ramping in and out around each stretch of narration.
		const duck = speech.reduce(
			(d, s) =>
				Math.max(
					d,
					interpolate(frame, [s.from - ramp, s.from, s.to, s.to + ramp], [0, 1, 1, 0], {
						extrapolateLeft: 'clamp',
						extrapolateRight: 'clamp',
					}),
				),
			0,
		);
		const level = music.volume + (music.duckedVolume - music.volume) * duck;
		const fadeIn = interpolate(frame, [0, Math.round(fps * 0.5)], [0, 1], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'});
		const fadeOut = interpolate(frame, [totalFrames - fadeFrames, totalFrames], [1, 0], {
			extrapolateLeft: 'clamp',
			extrapolateRight: 'clamp',
		});
		return level * fadeIn * fadeOut;
	};
	const src = resolveMediaSrc(music.src);
	return (
		<Loop durationInFrames={loopFrames} layout="none" name="music">
			<MusicPass src={src} loopFrames={loopFrames} volumeAt={volumeAt} />
		</Loop>
	);
};

/**
 * The explainer: scenes joined by transitions, then an end card with the credits. Narration and
 * captions sit outside the TransitionSeries at absolute frames from the one timing helper, so
 * transition overlaps can never shift them out of sync.
 */
const Explainer: React.FC<ExplainerProps> = (props) => {
	const storyboard = useMemo(() => explainerSchema.parse(props), [props]);
	const timeline = useMemo(() => computeTimeline(storyboard), [storyboard]);
	const {fps} = useVideoConfig();
	// Brand colours win over the palette.
	const palette = useMemo(() => themePalette(storyboard.theme), [storyboard.theme]);
	// Options of other templates are ignored here; the pipeline reports them as warnings.
	const options = useMemo(() => {
		const parsed = parseTemplateOptions({schema: explainerOptionsSchema, templateId: 'explainer', options: storyboard.templateOptions});
		if (parsed.issues.length > 0)
			throw new Error(`Invalid template options: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
		return parsed.options;
	}, [storyboard.templateOptions]);
	// Only the fonts of this storyboard's language and text (a Latin video loads no CJK file).
	const fontStack = useStoryboardFonts(storyboard);
	const layout = layoutFor(storyboard.captionStyle.position, options.titlePlacement);

	const scenes = storyboard.scenes.flatMap((scene, i) => {
		const timing = timeline.scenes[i];
		return timing ? [{scene, timing, i}] : [];
	});
	// Where each scene's captions must stop: when the next item starts.
	const nextStart = (i: number): number => timeline.scenes[i + 1]?.startFrame ?? timeline.endCard?.startFrame ?? timeline.durationInFrames;

	const speech = scenes
		.filter(({scene}) => scene.narration.audio !== null)
		.map(({scene, timing}) => {
			const from = sceneMsToAbsoluteFrame(timing, scene.narration.offsetMs, fps);
			const last = scene.captions[scene.captions.length - 1];
			const to = last
				? sceneMsToAbsoluteFrame(timing, last.endMs, fps)
				: timing.startFrame + timing.durationInFrames - timing.transitionInFrames;
			return {from, to};
		});

	return (
		<AbsoluteFill style={{background: palette.background, [FONT_VARIABLE]: fontStack} as React.CSSProperties}>
			<TransitionSeries>
				{scenes.map(({scene, timing, i}) => (
					<Fragment key={scene.id}>
						<TransitionSeries.Sequence durationInFrames={timing.durationInFrames} name={`scene ${scene.id}`}>
							<SceneView
								scene={scene}
								timing={timing}
								palette={palette}
								seed={storyboard.seed + i * 7919}
								titlePlacement={layout.title}
								iconY={layout.iconY}
								enterFrames={timeline.scenes[i - 1]?.transitionInFrames ?? 0}
								underline={options.titleStyle === 'underline'}
							/>
						</TransitionSeries.Sequence>
						{timing.transitionInFrames > 0 ? transitionElement(scene.transition, timing.transitionInFrames) : null}
					</Fragment>
				))}
				{timeline.endCard ? (
					<TransitionSeries.Sequence durationInFrames={timeline.endCard.durationInFrames} name="end card">
						<EndCard
							title={storyboard.endCard.title ?? storyboard.title}
							credits={storyboard.credits}
							palette={palette}
							durationInFrames={timeline.endCard.durationInFrames}
						/>
					</TransitionSeries.Sequence>
				) : null}
			</TransitionSeries>

			{scenes.map(({scene, timing}) =>
				scene.narration.audio ? (
					<Sequence
						key={`voice-${scene.id}`}
						from={sceneMsToAbsoluteFrame(timing, scene.narration.offsetMs, fps)}
						layout="none"
						name={`voice ${scene.id}`}
					>
						<MediaAudioTrack src={resolveMediaSrc(scene.narration.audio)} volume={scene.narration.volume} />
					</Sequence>
				) : null,
			)}

			{storyboard.captionStyle.enabled
				? scenes.map(({scene, timing, i}) =>
						scene.captions.length > 0 ? (
							<Sequence
								key={`captions-${scene.id}`}
								from={timing.startFrame}
								durationInFrames={Math.max(1, nextStart(i) - timing.startFrame)}
								name={`captions ${scene.id}`}
							>
								<TikTokCaptions
									captions={scene.captions}
									style={storyboard.captionStyle}
									palette={palette}
									language={storyboard.language}
								/>
							</Sequence>
						) : null,
					)
				: null}

			{storyboard.music ? <MusicBed music={storyboard.music} speech={speech} totalFrames={timeline.durationInFrames} /> : null}
		</AbsoluteFill>
	);
};

export default Explainer;
