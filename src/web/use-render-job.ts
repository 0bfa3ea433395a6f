import {useCallback, useEffect, useRef, useState} from 'react';
import type {ApiClient} from './api-client';
import type {JobEvent, JobView, SignedUrl, StoryboardJson} from './api-types';
import {readSse} from './read-sse';
import type {RenderState} from './render-panel';

const ENDS = new Set(['done', 'failed', 'cancelled']);
const RECONNECTS = 5;

/** Signed URLs of a finished job's files (their links are API paths that need a key). */
const signFiles = async (api: ApiClient, job: JobView): Promise<Record<string, string>> => {
	const entries = Object.entries(job.files).map(([name, link]) => [name, new URL(link, window.location.href).pathname] as const);
	if (entries.length === 0) return {};
	const {data} = await api.json<{data: SignedUrl[]}>({method: 'POST', path: '/v1/signed-urls', body: {paths: entries.map(([, p]) => p)}});
	return Object.fromEntries(entries.map(([name], i) => [name, data[i]!.url]));
};

/**
 * Renders a storyboard as a job (POST /v1/videos) and follows it through its event stream
 * (GET /v1/videos/{id}/events) until it ends; `show` opens an earlier job's files.
 */
export const useRenderJob = (api: ApiClient, onEnded: () => void) => {
	const [state, setState] = useState<RenderState>({job: null, files: {}, error: null});
	const [busy, setBusy] = useState(false);
	const stream = useRef<AbortController | null>(null);
	useEffect(() => () => stream.current?.abort(), []);

	const show = useCallback(
		async (job: JobView) => {
			try {
				setState({job, files: job.status === 'done' ? await signFiles(api, job) : {}, error: null});
			} catch (e) {
				setState({job, files: {}, error: e instanceof Error ? e.message : String(e)});
			}
		},
		[api],
	);

	const render = useCallback(
		async (storyboard: StoryboardJson, options: {quality: string; voice: string}) => {
			stream.current?.abort();
			const controller = new AbortController();
			stream.current = controller;
			setBusy(true);
			try {
				const created = await api.json<JobView>({method: 'POST', path: '/v1/videos', body: {storyboard, options}});
				let job = created;
				setState({job, files: {}, error: null});
				// A dropped stream resumes after the last event seen (README.md, "HTTP service": Last-Event-ID).
				let lastEventId = '0';
				for (let attempt = 0; attempt < RECONNECTS && !ENDS.has(job.status); attempt++) {
					await readSse({
						api,
						path: `/v1/videos/${created.id}/events?lastEventId=${encodeURIComponent(lastEventId)}`,
						signal: controller.signal,
						onMessage: (m) => {
							if (m.id) lastEventId = m.id;
							const event = JSON.parse(m.data) as JobEvent;
							job = {...job, status: event.status, stage: event.stage, progress: event.progress, error: event.error};
							setState((s) => ({...s, job}));
						},
					}).catch((e: unknown) => {
						if (controller.signal.aborted || attempt === RECONNECTS - 1) throw e;
					});
				}
				if (!ENDS.has(job.status)) throw new Error(`The event stream of ${created.id} ended before the job did (status ${job.status}).`);
				await show(await api.json<JobView>({path: `/v1/videos/${created.id}`}));
			} catch (e) {
				if (!controller.signal.aborted) setState((s) => ({...s, error: e instanceof Error ? e.message : String(e)}));
			} finally {
				setBusy(false);
				onEnded();
			}
		},
		[api, show, onEnded],
	);

	return {state, busy, render, show};
};
