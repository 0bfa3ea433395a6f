import {restingWipe} from '../../components/resting-wipe';
import type React from 'react';
import {useMemo} from 'react';
import {AbsoluteFill, Easing, Img, interpolate, spring} from 'remotion';
import {
	useSceneLayout,
	type TemplateSceneProps,
	TemplateFrame,
	captionBandHeight,
	linearTransition,
	KenBurnsImage,
	SceneVideo,
	fitWords,
	resolveMediaSrc,
	textWords,
	useTemplateFonts,
	useTemplateStoryboard,
	withAlpha,
} from '../../components';
import {textDirectionOf, type Palette, type Scene, type StoryboardInput} from '../../storyboard';
import {BarChart} from './bar-chart';
import {CounterView} from './counter-view';
import {LineChart} from './line-chart';
import {dataStoryOptionsSchema, type DataStoryOptions} from './data-story-schema';

/** When charts start growing, after the wipe into the scene. */
const GROW_DELAY_MS = 350;
const TITLE_WEIGHT = 800;

/** A scene's backdrop: its image or clip dimmed far down (numbers stay the subject), else a flat gradient with a baseline rule. */
const Backdrop: React.FC<{scene: Scene; palette: Palette; durationInFrames: number}> = ({scene, palette, durationInFrames}) => {
	const visual = scene.visual;
	return (
		<AbsoluteFill style={{background: `linear-gradient(200deg, ${palette.surface} 0%, ${palette.background} 70%)`}}>
			{visual.kind === 'image' ? <KenBurnsImage visual={visual} durationInFrames={durationInFrames} palette={palette} /> : null}
			{visual.kind === 'video' ? <SceneVideo visual={visual} durationInFrames={durationInFrames} palette={palette} /> : null}
			{visual.kind !== 'procedural' ? <AbsoluteFill style={{background: withAlpha(palette.background, 0.78)}} /> : null}
		</AbsoluteFill>
	);
};

const DataScene: React.FC<TemplateSceneProps<DataStoryOptions>> = ({
	scene,
	storyboard,
	palette,
	options,
	fontStack,
	ready,
	durationInFrames,
}) => {
	const {frame, fps, width, height, unit, safe, orientation, language, dir, captions} = useSceneLayout(storyboard);
	const captionBand = captionBandHeight({unit, orientation}, captions);
	const top = safe.top + (captions.position === 'top' ? captionBand : 0);
	const bottom = safe.bottom + (captions.position === 'bottom' ? captionBand : 0);
	const boxW = width - safe.side * 2;
	const data = scene.data;
	const titleWords = useMemo(() => textWords(scene.title ?? '', language), [scene.title, language]);
	const titleH = data ? (height - top - bottom) * (orientation === 'portrait' ? 0.2 : 0.22) : (height - top - bottom) * 0.5;
	const title = useMemo(
		() =>
			ready && titleWords.length > 0
				? fitWords({
						words: titleWords,
						fontFamily: fontStack,
						fontWeight: TITLE_WEIGHT,
						maxWidth: boxW,
						maxHeight: titleH,
						lineHeight: 1.1,
						maxFontSize: unit * (data ? 7 : 10),
						minFontSize: unit * 3.2,
						maxLines: data ? 2 : 3,
					})
				: null,
		[ready, titleWords, fontStack, boxW, titleH, unit, data],
	);
	const sub = scene.text;
	const subSize = unit * 3.4;
	const titleBlockH = (title ? title.lines.length * title.fontSize * 1.1 : 0) + (sub ? subSize * 1.8 : 0);
	const chartTop = top + titleBlockH + unit * 5;
	const chartH = height - chartTop - bottom;
	const growFrom = Math.round((GROW_DELAY_MS / 1000) * fps);
	const progress = interpolate(frame, [growFrom, growFrom + (options.countDurationMs / 1000) * fps], [0, 1], {
		extrapolateLeft: 'clamp',
		extrapolateRight: 'clamp',
		easing: Easing.out(Easing.cubic),
	});
	const enter = spring({frame, fps, config: {damping: 200}, durationInFrames: 14});
	const icon = scene.visual.kind === 'procedural' ? scene.visual.icon : null;
	const chartProps = {width: boxW, height: chartH, palette, options, language, fontStack, ready, progress, frame: frame - growFrom};
	const iconSize = Math.min(chartH * 0.28, unit * 18);
	return (
		<AbsoluteFill>
			<Backdrop scene={scene} palette={palette} durationInFrames={durationInFrames} />
			<div
				dir={dir}
				lang={language}
				style={{
					position: 'absolute',
					left: safe.side,
					top,
					width: boxW,
					height: data ? undefined : height - top - bottom,
					display: 'flex',
					flexDirection: 'column',
					justifyContent: 'center',
					fontFamily: fontStack,
					color: palette.text,
					opacity: enter,
					transform: `translateY(${(1 - enter) * unit * 2}px)`,
				}}
			>
				{!data && icon ? (
					<Img src={resolveMediaSrc(icon)} style={{height: unit * 26, objectFit: 'contain', marginBottom: unit * 4}} />
				) : null}
				{title
					? title.lines.map((line, li) => (
							<div
								key={li}
								style={{
									display: 'flex',
									justifyContent: data ? 'flex-start' : 'center',
									fontSize: title.fontSize,
									fontWeight: TITLE_WEIGHT,
									lineHeight: 1.1,
									whiteSpace: 'pre',
								}}
							>
								{line.map((wi) => (
									<span key={wi} style={{marginInlineStart: titleWords[wi]?.space && line[0] !== wi ? title.spaceWidth : 0}}>
										{titleWords[wi]?.word}
									</span>
								))}
							</div>
						))
					: null}
				{sub ? (
					<div
						style={{
							fontSize: subSize,
							fontWeight: 600,
							color: palette.accent,
							marginTop: unit,
							whiteSpace: 'nowrap',
							overflow: 'hidden',
							textOverflow: 'ellipsis',
							textAlign: data ? 'start' : 'center',
						}}
					>
						{sub}
					</div>
				) : null}
			</div>
			{data ? (
				<div
					dir={dir}
					style={{
						position: 'absolute',
						left: safe.side,
						top: chartTop,
						width: boxW,
						height: chartH,
						display: 'flex',
						flexDirection: 'column',
						alignItems: 'center',
					}}
				>
					{data.chart === 'counter' ? (
						<>
							{icon ? (
								<Img
									src={resolveMediaSrc(icon)}
									style={{
										height: iconSize,
										width: iconSize,
										objectFit: 'contain',
										transform: `scale(${spring({frame: frame - 4, fps, config: {damping: 12}})})`,
									}}
								/>
							) : null}
							<CounterView data={data} {...chartProps} height={chartH - (icon ? iconSize : 0)} />
						</>
					) : data.chart === 'bar' ? (
						<BarChart data={data} {...chartProps} horizontal={orientation === 'portrait'} />
					) : (
						<LineChart data={data} {...chartProps} id={scene.id} />
					)}
				</div>
			) : null}
		</AbsoluteFill>
	);
};

/**
 * The data story: each scene's numbers (scene.data) become a counter counting up, bars growing one
 * after another or a line drawing itself, under a measured title; scenes wipe into each other like
 * slides of a report. Scenes without data show their title as a statement card.
 */
const DataStory: React.FC<StoryboardInput> = (props) => {
	const {storyboard, timeline, palette, options} = useTemplateStoryboard(props, 'data-story', dataStoryOptionsSchema);
	const {fontStack, ready} = useTemplateFonts(storyboard);
	const rtl = textDirectionOf(storyboard.language) === 'rtl';
	return (
		<TemplateFrame
			storyboard={storyboard}
			timeline={timeline}
			palette={palette}
			fontStack={fontStack}
			renderScene={(scene, _i, timing) => (
				<DataScene
					scene={scene}
					storyboard={storyboard}
					palette={palette}
					options={options}
					fontStack={fontStack}
					ready={ready}
					durationInFrames={timing.durationInFrames}
				/>
			)}
			transition={(_scene, _i, frames) => linearTransition(restingWipe({direction: rtl ? 'from-right' : 'from-left'}), frames)}
		/>
	);
};

export default DataStory;
