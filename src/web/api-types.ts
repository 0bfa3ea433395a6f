// The parts of the API's answers the page reads (the full shapes: GET /v1/openapi.json).

/** A storyboard as JSON: validated with the storyboard schema before use, never cast. */
export type StoryboardJson = Record<string, unknown> & {scenes: SceneJson[]};
export type SceneJson = Record<string, unknown> & {
	id: string;
	title?: string | null;
	text?: string | null;
	narration: Record<string, unknown> & {text: string};
	visual: Record<string, unknown> & {kind: string};
	durationMs: number;
	transition?: Record<string, unknown>;
};

export type TemplateInfo = {id: string; title: string; description: string};

export type JobView = {
	id: string;
	status: string;
	stage: string | null;
	progress: number;
	error: {code: string; message: string} | null;
	createdAt: string;
	files: Record<string, string>;
};

export type JobEvent = {id: string; status: string; stage: string | null; progress: number; error: {code: string; message: string} | null};

export type AssetView = {ref: string; kind: 'image' | 'video' | 'audio'; durationMs: number | null};

export type SignedUrl = {path: string; url: string; expiresAt: string};

/** A picture POST /v1/pictures/suggestions proposes, with a signed URL to show it. */
export type PictureSuggestion = {ref: string; emoji: string; name: string; credit: Record<string, unknown>; url: string};
