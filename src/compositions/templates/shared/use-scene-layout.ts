import {useCurrentFrame, useVideoConfig} from 'remotion';
import {useFrameLayout, type FrameLayout} from '../../components/use-frame-layout';
import {textDirectionOf, type Storyboard, type TextDirection} from '../../storyboard';
import {captionBandOf} from './caption-band';

export type SceneLayout = FrameLayout & {
	frame: number;
	fps: number;
	language: string;
	dir: TextDirection;
	rtl: boolean;
	portrait: boolean;
	/** Room bottom captions take above the safe margin (captionBandOf). */
	band: number;
	/** The safe area's width, and its height above the captions' band. */
	innerW: number;
	innerH: number;
};

/** What a template's scene lays itself out from: the frame, the safe area, the language's direction and the captions' room. */
export const useSceneLayout = (storyboard: Pick<Storyboard, 'language' | 'captionStyle'>): SceneLayout => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	const layout = useFrameLayout();
	const dir = textDirectionOf(storyboard.language);
	const band = captionBandOf(storyboard.captionStyle, layout);
	return {
		...layout,
		frame,
		fps,
		language: storyboard.language,
		dir,
		rtl: dir === 'rtl',
		portrait: layout.orientation === 'portrait',
		band,
		innerW: layout.width - layout.safe.side * 2,
		innerH: layout.height - layout.safe.top - layout.safe.bottom - band,
	};
};
