import type {RenderedVideo, RenderPosterOptions, RenderProgress, RenderVideoOptions, StoredObject} from '../renderer';

/** What crosses the IPC channel: the render options without their callbacks and signal. */
export type WorkerVideoOptions = Omit<RenderVideoOptions, 'onProgress' | 'signal'>;
export type WorkerPosterOptions = Omit<RenderPosterOptions, 'signal'>;

/** Parent -> render worker. */
export type WorkerRequest =
	| {type: 'renderVideo'; id: number; options: WorkerVideoOptions}
	| {type: 'renderPoster'; id: number; options: WorkerPosterOptions}
	| {type: 'sourceHash'; id: number}
	| {type: 'cancel'; id: number};

/** An error as data: a PromptreelError's code, message and details, or any other error's message. */
export type WorkerError = {code: string | null; message: string; retryable: boolean | null; details: unknown};

/** Render worker -> parent. */
export type WorkerReply =
	| {type: 'ready'; rendererId: string}
	| {type: 'progress'; id: number; progress: RenderProgress}
	| {type: 'result'; id: number; value: RenderedVideo | {file: string; stored?: StoredObject} | string}
	| {type: 'error'; id: number; error: WorkerError};
