import {PromptreelError} from '../../errors';
import type {Renderer} from '../renderer';
import type {WorkerError, WorkerReply, WorkerRequest} from './render-worker-protocol';

const asData = (error: unknown): WorkerError =>
	error instanceof PromptreelError
		? {code: error.code, message: error.message, retryable: error.retryable, details: error.details ?? null}
		: {code: null, message: error instanceof Error ? error.message : String(error), retryable: null, details: null};

/**
 * The render worker's side (`promptreel render-worker`, started by child-process-renderer.ts):
 * answers render requests on the IPC channel with `renderer`, one browser and bundle for all of
 * them, forwarding progress and cancelling on request. Resolves when the parent disconnects.
 */
export const runRenderWorker = (renderer: Renderer): Promise<void> =>
	new Promise((resolve) => {
		const send = (reply: WorkerReply) => process.send?.(reply);
		const running = new Map<number, AbortController>();
		process.on('message', (request: WorkerRequest) => {
			if (request.type === 'cancel') {
				running.get(request.id)?.abort();
				return;
			}
			const controller = new AbortController();
			running.set(request.id, controller);
			const work =
				request.type === 'renderVideo'
					? renderer.renderVideo({
							...request.options,
							signal: controller.signal,
							onProgress: (progress) => send({type: 'progress', id: request.id, progress}),
						})
					: request.type === 'renderPoster'
						? renderer.renderPoster({...request.options, signal: controller.signal})
						: renderer.sourceHash();
			work
				.then(
					(value) => send({type: 'result', id: request.id, value}),
					(error: unknown) => send({type: 'error', id: request.id, error: asData(error)}),
				)
				.finally(() => running.delete(request.id));
		});
		process.on('disconnect', () => {
			for (const c of running.values()) c.abort();
			renderer.close().finally(resolve);
		});
		send({type: 'ready', rendererId: renderer.id});
	});
