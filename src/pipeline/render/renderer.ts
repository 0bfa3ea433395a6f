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
	/**
	 * An object a renderer working in the cloud may write the file to instead of `outFile` (a
	 * job's key in the shared bucket: docs/scaling.md). A renderer that cannot reach it, and every
	 * local one, writes `outFile`; the result's `stored` says which happened.
	 */
	outObject?: OutputObject | null;
	quality: Quality;
	onProgress?: (p: RenderProgress) => void;
	signal?: AbortSignal;
	/** Reuse video chunks cached by earlier renders (default true); false renders them all again. */
	reuseChunks?: boolean;
};

/** An object in an S3 or S3-compatible bucket, and how to reach that bucket. */
export type OutputObject = {
	bucketName: string;
	/** The object's full key in the bucket. */
	key: string;
	/** The bucket's region. */
	region: string;
	/** An S3-compatible service's endpoint; null: AWS S3. */
	endpoint: string | null;
	/** Static keys that may write the object (an S3-compatible service needs them); null: the functions' own role. */
	credentials: {accessKeyId: string; secretAccessKey: string} | null;
};

/** A file a renderer wrote into a bucket rather than on this machine. */
export type StoredObject = {bucketName: string; key: string /** null: the service did not say. */; size: number | null};

/** Names the object an output file (`video.mp4`, `poster.jpg`) may be written to; null: on this machine only. */
export type OutputSink = (fileName: string) => OutputObject | null;

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
	chunks?: {framesPerChunk: number; total: number; rendered: number; reused: number; renders?: number};
	/** A render on Remotion Lambda: its id, cost and functions, for report.json. */
	lambda?: LambdaRenderInfo;
	/** Set when the video went to `outObject` (then `file` was not written). */
	stored?: StoredObject;
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
	/** `stored`: the poster went to `outObject` instead of `outFile`. */
	renderPoster(options: RenderPosterOptions): Promise<{file: string; stored?: StoredObject}>;
	/** Hash identifying what the renderer draws (the bundle's sources), for render caches. */
	sourceHash(): Promise<string>;
	close(): Promise<void>;
};
