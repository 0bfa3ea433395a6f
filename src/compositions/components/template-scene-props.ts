import type {Palette, Scene, Storyboard} from '../storyboard';

/** What a template's scene component gets: the scene in its storyboard, the look, and its length. */
export type TemplateSceneProps<Options> = {
	scene: Scene;
	storyboard: Storyboard;
	palette: Palette;
	/** The template's own options, defaults applied. */
	options: Options;
	fontStack: string;
	/** True once the fonts are loaded, so text is measured with the real font. */
	ready: boolean;
	durationInFrames: number;
};
