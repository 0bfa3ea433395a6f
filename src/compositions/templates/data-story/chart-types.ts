import type {Palette, SceneData} from '../../storyboard';
import type {DataStoryOptions} from './data-story-schema';

/** What every chart of a data story is drawn from. */
export type ChartProps = {
	data: SceneData;
	width: number;
	height: number;
	palette: Palette;
	options: DataStoryOptions;
	language: string;
	fontStack: string;
	/** Whether the fonts are loaded (text is measured only then). */
	ready: boolean;
	/** Growth of the chart at this frame, 0 -> 1. */
	progress: number;
	/** Frames since the chart started growing (for staggered springs). */
	frame: number;
};
