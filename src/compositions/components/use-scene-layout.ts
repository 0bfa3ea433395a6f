import {useCurrentFrame, useVideoConfig} from 'remotion';
import {textDirectionOf, type CaptionStyle, type Storyboard, type TextDirection} from '../storyboard';
import {captionBandHeight} from './caption-band';
import {useFrameLayout, type FrameLayout} from './use-frame-layout';

/** The room a scene has for its own content: the safe area less the captions' band. */
export type SceneArea = {
	portrait: boolean;
	/** Room bottom captions take above the safe margin (0 when they are elsewhere or off). */
	band: number;
	/** The safe area's width, and its height above the captions' band. */
	innerW: number;
	innerH: number;
};

export type SceneLayout = FrameLayout &
	SceneArea & {
		frame: number;
		fps: number;
		language: string;
		dir: TextDirection;
		rtl: boolean;
		/** The storyboard's caption style. */
		captions: CaptionStyle;
	};

/** A scene's room in a frame: pure, so Node code (the render's media sizing) computes the same boxes as the page. */
export const sceneArea = (layout: FrameLayout, captions: Pick<CaptionStyle, 'position' | 'enabled' | 'fontScale'>): SceneArea => {
	const band = captions.position === 'bottom' ? captionBandHeight(layout, captions) : 0;
	return {
		portrait: layout.orientation === 'portrait',
		band,
		innerW: layout.width - layout.safe.side * 2,
		innerH: layout.height - layout.safe.top - layout.safe.bottom - band,
	};
};

/** What a template's scene lays itself out from: the frame, the safe area, the language's direction and the captions' room. */
export const useSceneLayout = (storyboard: Pick<Storyboard, 'language' | 'captionStyle'>): SceneLayout => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	const layout = useFrameLayout();
	const dir = textDirectionOf(storyboard.language);
	const captions = storyboard.captionStyle;
	return {
		...layout,
		...sceneArea(layout, captions),
		frame,
		fps,
		language: storyboard.language,
		captions,
		dir,
		rtl: dir === 'rtl',
	};
};
