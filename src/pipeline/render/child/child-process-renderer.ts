import {type ChildProcess, spawn} from 'node:child_process';
import {PromptreelError, RenderCancelledError, RenderFailedError} from '../../errors';
import type {ErrorCode} from '../../errors';
import type {RenderedVideo, Renderer, RenderPosterOptions, RenderProgress, RenderVideoOptions, StoredObject} from '../renderer';
import type {WorkerError, WorkerReply, WorkerRequest} from './render-worker-protocol';

export type ChildProcessRendererOptions = {
	/** The renderer the workers run (for `id`: "local", "web", "lambda"). */
	rendererId: string;
	/** Starts one worker: e.g. node bin/promptreel.mjs render-worker, with an IPC channel. */
	command: readonly [string, ...string[]];
	env?: NodeJS.ProcessEnv;
};

/** A request before it gets its id (Omit over each member of the union). */
type Unsent = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

type Pending = {resolve: (value: unknown) => void; reject: (error: unknown) => void; onProgress?: (p: RenderProgress) => void};
type Worker = {child: ChildProcess; busy: boolean; pending: Map<number, Pending>};

const fromData = (e: WorkerError): Error => {
	if (e.code === 'CANCELLED') return new RenderCancelledError();
	if (e.code) return new PromptreelError(e.code as ErrorCode, e.message, {retryable: e.retryable ?? undefined, details: e.details});
	return new RenderFailedError(e.message, null);
};

/**
 * Renders in child processes (docs/architecture.md, "Renders out of the server's process"): each
 * render takes an idle worker or starts one, so there are as many workers as renders run at once
 * (the jobs service's concurrency), each keeping its browser and bundle across jobs. The server's
 * event loop only relays messages; a worker that crashes fails its render (retryable, so the job
 * runs again) and the next render starts a fresh one.
 */
export const createChildProcessRenderer = (o: ChildProcessRendererOptions): Renderer => {
	const workers = new Set<Worker>();
	let nextId = 1;
	let closed = false;

	const start = (): Worker => {
		const [file, ...args] = o.command;
		// The worker's output goes to our stderr: stdout may be a protocol (MCP over stdio).
		const child = spawn(file, args, {stdio: ['ignore', 2, 2, 'ipc'], env: o.env ?? process.env});
		const worker: Worker = {child, busy: false, pending: new Map()};
		child.on('message', (reply: WorkerReply) => {
			if (reply.type === 'ready') return;
			const p = worker.pending.get(reply.id);
			if (!p) return;
			if (reply.type === 'progress') p.onProgress?.(reply.progress);
			else {
				worker.pending.delete(reply.id);
				if (reply.type === 'result') p.resolve(reply.value);
				else p.reject(fromData(reply.error));
			}
		});
		const lost = (why: string) => {
			workers.delete(worker);
			for (const p of worker.pending.values())
				p.reject(new RenderFailedError(`The render process ${why}; the render can be tried again.`, null));
			worker.pending.clear();
		};
		child.on('exit', (code, signal) => lost(signal ? `was killed (${signal})` : `exited with code ${code}`));
		child.on('error', (error) => lost(`could not start: ${error.message}`));
		workers.add(worker);
		return worker;
	};

	/** Sends one request to an idle worker (or a new one) and settles with its answer. */
	const call = <T>(request: Unsent, extras: {signal?: AbortSignal; onProgress?: (p: RenderProgress) => void} = {}) => {
		if (closed) return Promise.reject(new RenderFailedError('The renderer is closed.', null));
		if (extras.signal?.aborted) return Promise.reject(new RenderCancelledError());
		const worker = [...workers].find((w) => !w.busy) ?? start();
		const id = nextId++;
		worker.busy = true;
		return new Promise<T>((resolve, reject) => {
			const onAbort = () => worker.child.send({type: 'cancel', id} satisfies WorkerRequest);
			extras.signal?.addEventListener('abort', onAbort, {once: true});
			const done = () => {
				worker.busy = false;
				extras.signal?.removeEventListener('abort', onAbort);
			};
			worker.pending.set(id, {
				resolve: (v) => {
					done();
					resolve(v as T);
				},
				reject: (e) => {
					done();
					reject(e);
				},
				onProgress: extras.onProgress,
			});
			worker.child.send({...request, id} as WorkerRequest);
		});
	};

	return {
		id: o.rendererId,
		renderVideo: ({onProgress, signal, ...options}: RenderVideoOptions) =>
			call<RenderedVideo>({type: 'renderVideo', options}, {signal, onProgress}),
		renderPoster: ({signal, ...options}: RenderPosterOptions) =>
			call<{file: string; stored?: StoredObject}>({type: 'renderPoster', options}, {signal}),
		sourceHash: () => call<string>({type: 'sourceHash'}),
		async close() {
			closed = true;
			await Promise.all(
				[...workers].map(
					(w) =>
						new Promise<void>((resolve) => {
							if (w.child.exitCode !== null || w.child.signalCode !== null) return resolve();
							const timer = setTimeout(() => w.child.kill('SIGKILL'), 10_000);
							w.child.once('exit', () => {
								clearTimeout(timer);
								resolve();
							});
							w.child.disconnect();
						}),
				),
			);
		},
	};
};
