import {createWriteStream} from 'node:fs';
import {mkdir, writeFile} from 'node:fs/promises';
import {Readable} from 'node:stream';
import {pipeline} from 'node:stream/promises';
import type {ReadableStream as NodeReadableStream} from 'node:stream/web';
import {join} from 'node:path';
import {toBatchView, type BatchView, type CreateBatchBody, type JobsService} from '../../jobs';
import {ERROR_CODES, PromptreelError, ValidationError, type ErrorCode, type IssueDetail} from '../../pipeline/errors';

export type BatchItemView = BatchView['items'][number];

/** Where `promptreel batch` sends its batch: the jobs service in this process, or a server over HTTP. */
export type BatchClient = {
	create(body: CreateBatchBody): Promise<BatchView>;
	get(id: string): Promise<BatchView>;
	/** Copies the files of a done item into `dir`; resolves to their names. */
	download(item: BatchItemView, dir: string): Promise<string[]>;
};

/** A client over an in-process jobs service (the data dir's, as `promptreel mcp` opens it). */
export const serviceBatchClient = (service: JobsService): BatchClient => {
	const view = async (id: string) => {
		const {batch, jobs} = await service.getBatch(id);
		return toBatchView(batch, jobs, '');
	};
	return {
		create: async (body) => view((await service.createBatch(body)).id),
		get: view,
		async download(item, dir) {
			await mkdir(dir, {recursive: true});
			const names = Object.keys(item.files);
			for (const name of names) {
				// Through the file store: the data dir, or the bucket when PROMPTREEL_STORAGE_URL is set.
				const file = await service.openFile(item.id, name);
				await pipeline(Readable.fromWeb((await file.open()) as NodeReadableStream<Uint8Array>), createWriteStream(join(dir, name)));
			}
			return names;
		},
	};
};

/** The server's error answer as our error (422 issues kept, so lines can be named). */
const errorOf = async (res: Response, what: string): Promise<PromptreelError> => {
	const body = (await res.json().catch(() => null)) as {error?: {code?: string; message?: string; issues?: IssueDetail[]}} | null;
	const message = `${what}: HTTP ${res.status}: ${body?.error?.message ?? res.statusText}`;
	if (body?.error?.issues) return new ValidationError(message, body.error.issues);
	const code = body?.error?.code;
	return new PromptreelError(code && (ERROR_CODES as string[]).includes(code) ? (code as ErrorCode) : 'UNAVAILABLE', message);
};

/**
 * A client of a promptreel server (`--server URL`), sending `apiKey` as the Bearer key
 * (PROMPTREEL_API_KEY). The server's links are followed for the files.
 */
export const httpBatchClient = (o: {server: string; apiKey?: string | undefined}): BatchClient => {
	const base = o.server.replace(/\/+$/, '');
	const headers: Record<string, string> = o.apiKey ? {authorization: `Bearer ${o.apiKey}`} : {};
	const call = async (method: string, url: string, what: string, body?: unknown): Promise<Response> => {
		const res = await fetch(url, {
			method,
			headers: body === undefined ? headers : {...headers, 'content-type': 'application/json'},
			body: body === undefined ? undefined : JSON.stringify(body),
		}).catch((error: unknown) => {
			throw new PromptreelError(
				'UNAVAILABLE',
				`${what}: cannot reach ${base} (${error instanceof Error ? error.message : String(error)}).`,
			);
		});
		if (!res.ok) throw await errorOf(res, what);
		return res;
	};
	return {
		create: async (body) => (await call('POST', `${base}/v1/batches`, 'Submitting the batch', body)).json() as Promise<BatchView>,
		get: async (id) => (await call('GET', `${base}/v1/batches/${id}`, `Reading batch ${id}`)).json() as Promise<BatchView>,
		async download(item, dir) {
			await mkdir(dir, {recursive: true});
			for (const [name, url] of Object.entries(item.files)) {
				const res = await call('GET', url, `Downloading ${name} of ${item.id}`);
				await writeFile(join(dir, name), Buffer.from(await res.arrayBuffer()));
			}
			return Object.keys(item.files);
		},
	};
};
