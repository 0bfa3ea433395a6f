import type {Storyboard} from '../../compositions/storyboard';
import type {Quality} from './quality';

export type RenderStage = 'bundling' | 'rendering' | 'encoding';
export type RenderProgress = {stage: RenderStage; progress: number};

export type RenderVideoOptions = {
	/** A parsed storyboard. */
	storyboard: Storyboard;
	/** The folder relative media paths are resolved against. */
	mediaDir: string;
	outFile: string;
	quality: Quality;
	onProgress?: (p: RenderProgress) => void;
	signal?: AbortSignal;
	/** Reuse video chunks cached by earlier renders (default true); false renders them all again. */
	reuseChunks?: boolean;
};

export type RenderPosterOptions = Omit<RenderVideoOptions, 'onProgress' | 'reuseChunks'> & {
	/** Frame to capture; default: a moment into the first scene where its title has settled. */
	frame?: number;
};

export type RenderedVideo = {
	file: string;
	width: number;
	height: number;
	fps: number;
	frames: number;
	renderMs: number;
	/** The renderer that drew it when another than the one asked (the web renderer hands a template that fails its gate to capture). */
	renderedBy?: string;
	/** Why, for report.json. */
	note?: string | null;
	/** A render made in chunks: how many there were, rendered now and reused from the cache. */
	chunks?: {framesPerChunk: number; total: number; rendered: number; reused: number};
	/** A render on Remotion Lambda: its id, cost and functions, for report.json. */
	lambda?: LambdaRenderInfo;
};

export type LambdaRenderInfo = {
	renderId: string;
	region: string;
	bucketName: string;
	functionName: string;
	/** Dollars accrued by the render, as Remotion estimates them. */
	costUsd: number;
	/** Functions invoked. */
	functions: number;
	/** The render was started by an earlier attempt whose worker was lost; this one resumed polling it. */
	resumed: boolean;
};

/**
 * Renders storyboards to files. `local` renders on this machine; a Lambda renderer implements the
 * same interface. One instance reuses its bundle and browser across renders; close() frees them.
 */
export type Renderer = {
	id: string;
	renderVideo(options: RenderVideoOptions): Promise<RenderedVideo>;
	renderPoster(options: RenderPosterOptions): Promise<{file: string}>;
	/** Hash identifying what the renderer draws (the bundle's sources), for render caches. */
	sourceHash(): Promise<string>;
	close(): Promise<void>;
};
