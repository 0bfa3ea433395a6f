import {slide} from '@remotion/transitions/slide';
import {restingWipe} from '../../components/resting-wipe';
import type React from 'react';
import {useMemo} from 'react';
import {AbsoluteFill} from 'remotion';
import {AnimatedTitle, SceneVisual, TemplateFrame, groupFade, linearTransition, useFrameLayout, useStoryboardFonts} from '../../components';
import type {TitlePlacement} from '../../components';
import {sceneTitleSize} from '../../components/heading-style';
import {illustrationBox} from '../../components/illustration-box';
import {computeTimeline, parseTemplateOptions, themePalette} from '../../storyboard';
import type {Palette, Scene, SceneTiming, Storyboard, Transition} from '../../storyboard';
import {sceneHeading} from './scene-heading';
import {pictureInset} from './title-band';
import {explainerOptionsSchema, explainerSchema, type ExplainerOptions, type ExplainerProps} from './explainer-schema';

/**
 * The transition element after a scene (a plain function, not a component: TransitionSeries reads
 * its direct children). Each branch is typed with its own presentation's props.
 */
const transitionElement = (t: Transition, durationInFrames: number): React.ReactNode => {
	switch (t.type) {
		case 'none':
			return null;
		case 'slide':
			return linearTransition(slide({direction: t.direction}), durationInFrames);
		case 'wipe':
			return linearTransition(restingWipe({direction: t.direction}), durationInFrames);
		case 'fade':
			return linearTransition(groupFade(), durationInFrames);
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
	captionStyle: Storyboard['captionStyle'];
	timing: SceneTiming;
	palette: Palette;
	seed: number;
	titlePlacement: TitlePlacement;
	iconY: number;
	/** Length of the transition into this scene: the title waits for most of it. */
	enterFrames: number;
	underline: boolean;
}> = ({scene, captionStyle, timing, palette, seed, titlePlacement, iconY, enterFrames, underline}) => {
	const layout = useFrameLayout();
	// A photo or clip gives the title its band (pictureInset); an illustration takes the room the
	// title and captions leave (illustrationBox; a title may wrap to two lines).
	// An untitled outline item still shows its number.
	const title = sceneHeading(scene);
	const inset = pictureInset({...scene, title, underline, placement: titlePlacement, layout});
	const hasTitle = Boolean(title || scene.text);
	const box = illustrationBox({
		layout,
		title: hasTitle ? {placement: titlePlacement, lines: title ? 2 : 0, textLines: scene.text ? 2 : 0, size: sceneTitleSize(layout)} : null,
		captions: captionStyle,
		keyPhraseChip: scene.shots.some((shot) => shot.keyPhrase),
	});
	return (
		<AbsoluteFill style={{background: palette.background}}>
			<AbsoluteFill style={inset}>
				<SceneVisual
					visual={scene.visual}
					shots={scene.shots}
					durationInFrames={timing.durationInFrames}
					palette={palette}
					seed={seed}
					iconCenterY={iconY}
					box={box}
				/>
			</AbsoluteFill>
			<AnimatedTitle
				title={title}
				text={scene.text}
				palette={palette}
				placement={titlePlacement}
				delayInFrames={Math.round(enterFrames * 0.6)}
				underline={underline}
			/>
		</AbsoluteFill>
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

	return (
		<TemplateFrame
			storyboard={storyboard}
			timeline={timeline}
			palette={palette}
			fontStack={fontStack}
			renderScene={(scene, i, timing) => (
				<SceneView
					scene={scene}
					captionStyle={storyboard.captionStyle}
					timing={timing}
					palette={palette}
					seed={storyboard.seed + i * 7919}
					titlePlacement={layout.title}
					iconY={layout.iconY}
					enterFrames={timeline.scenes[i - 1]?.transitionInFrames ?? 0}
					underline={options.titleStyle === 'underline'}
				/>
			)}
			transition={(scene, _i, frames) => transitionElement(scene.transition, frames)}
		/>
	);
};

export default Explainer;
