import {useCurrentFrame, useVideoConfig} from 'remotion';
import {textDirectionOf, type Storyboard} from '../storyboard';
import {useFrameLayout} from './use-frame-layout';

/** What a scene component reads before drawing: the frame, the layout, the writing direction and the caption style. */
export const useSceneContext = (storyboard: Storyboard) => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	const layout = useFrameLayout();
	const dir = textDirectionOf(storyboard.language);
	return {frame, fps, ...layout, language: storyboard.language, dir, rtl: dir === 'rtl', captions: storyboard.captionStyle};
};
