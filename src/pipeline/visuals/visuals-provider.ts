import type {Aspect, Credit} from '../../compositions/storyboard';

/** What one scene needs to show. */
export type VisualRequest = {
	sceneId: string;
	/** Search queries, most specific first (the planner writes them in English). */
	keywords: readonly string[];
	title: string;
	narration: string;
	/** How long the scene lasts, in ms: clips at least this long need no loop. */
	durationMs: number;
};

/** A media file found for a scene, already in the output's media folder. */
export type FoundVisual = {
	kind: 'video' | 'image';
	/** Absolute path of the file inside the output's media folder. */
	file: string;
	/** Length of a video, measured from the file. */
	durationMs: number | null;
	credit: Credit;
	/** The query that found it. */
	query: string;
	/** Where it came from, e.g. "https://www.pexels.com/video/...". */
	sourceUrl: string;
};

export type FindVisualsOptions = {
	scenes: readonly VisualRequest[];
	aspect: Aspect;
	/** Pixel size the video will be rendered at: media near it is picked (not 4K for 720p). */
	target: {width: number; height: number};
	/** The output's media folder: found files are copied here. */
	mediaDir: string;
	signal?: AbortSignal;
	onProgress?: (progress: number) => void;
	onWarning?: (code: string, message: string) => void;
};

export type FindVisualsResult = {
	/** One entry per scene, in order; null when nothing fitting was found. */
	visuals: (FoundVisual | null)[];
	/** Credits owed once per video (e.g. "Photos and videos provided by Pexels"), when anything was used. */
	credits: Credit[];
	/** Why each scene without a visual has none, to report the fallback. */
	misses: {sceneId: string; reason: string}[];
};

/** A source of stock media for scenes. One file per vendor; injected so tests can pass fakes. */
export type VisualsProvider = {
	id: string;
	find(opts: FindVisualsOptions): Promise<FindVisualsResult>;
};
