import {createReadStream} from 'node:fs';
import {open, stat, type FileHandle} from 'node:fs/promises';
import {createServer, type IncomingMessage, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {join, normalize} from 'node:path';
import {contentTypeOf} from '../../media/content-type-of';

/** One render's output: the page writes encoded chunks to it at their byte positions. */
export type UploadSession = {
	/** POST `?position=N` with the chunk as body. */
	uploadUrl: string;
	/** POST `{"progress": 0..1}`. */
	progressUrl: string;
	/** Bytes received so far. */
	bytes(): number;
	/** Closes the file; resolves once every chunk received is on disk. */
	finish(): Promise<void>;
};

export type WebPageServer = {
	/** URL of the page (index.html) of the bundle the server was started with. */
	pageUrl: string;
	/** Opens `outFile` for writing (truncated) and returns where the page sends it. */
	openUpload(options: {outFile: string; onProgress?: (progress: number) => void}): Promise<UploadSession>;
	close(): Promise<void>;
};

const readBody = async (req: IncomingMessage): Promise<Buffer> => {
	const parts: Buffer[] = [];
	for await (const part of req) parts.push(part as Buffer);
	return Buffer.concat(parts);
};

/**
 * Serves the web render page on 127.0.0.1 and receives what it renders. The output comes back in
 * the encoder's chunks, each written at its offset (the MP4 muxer patches its header at the end),
 * so a video never passes through the page or this process as one string or buffer.
 */
export const startWebPageServer = async (options: {bundleDir: string}): Promise<WebPageServer> => {
	const uploads = new Map<string, {file: FileHandle; bytes: number; queue: Promise<void>; onProgress?: (p: number) => void}>();
	let counter = 0;
	const server: Server = createServer((req, res) => {
		void (async () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const [, kind, id] = url.pathname.split('/');
			if (req.method === 'POST' && (kind === 'upload' || kind === 'progress')) {
				const session = id ? uploads.get(id) : undefined;
				if (!session) return void res.writeHead(404).end();
				const body = await readBody(req);
				if (kind === 'progress') {
					session.onProgress?.(Number((JSON.parse(body.toString('utf8')) as {progress: number}).progress));
					return void res.writeHead(204).end();
				}
				const position = Number(url.searchParams.get('position'));
				if (!Number.isSafeInteger(position) || position < 0) return void res.writeHead(400).end('bad position');
				session.queue = session.queue.then(async () => {
					await session.file.write(body, 0, body.length, position);
					session.bytes += body.length;
				});
				await session.queue;
				return void res.writeHead(204).end();
			}
			if (req.method !== 'GET' || kind !== 'page') return void res.writeHead(404).end();
			const relativePath = normalize(decodeURIComponent(url.pathname.slice('/page/'.length)) || 'index.html');
			if (relativePath.startsWith('..')) return void res.writeHead(404).end();
			const file = join(options.bundleDir, relativePath);
			const info = await stat(file).catch(() => null);
			if (!info?.isFile()) return void res.writeHead(404).end();
			res.writeHead(200, {'Content-Type': contentTypeOf(file), 'Content-Length': info.size});
			createReadStream(file).pipe(res);
		})().catch((error: unknown) => {
			if (!res.headersSent) res.writeHead(500);
			res.end(error instanceof Error ? error.message : String(error));
		});
	});
	await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		pageUrl: `${base}/page/index.html`,
		async openUpload({outFile, onProgress}) {
			const id = `u${++counter}`;
			const session = {file: await open(outFile, 'w'), bytes: 0, queue: Promise.resolve(), onProgress};
			uploads.set(id, session);
			return {
				uploadUrl: `${base}/upload/${id}`,
				progressUrl: `${base}/progress/${id}`,
				bytes: () => session.bytes,
				async finish() {
					uploads.delete(id);
					await session.queue.catch(() => undefined);
					await session.file.close();
				},
			};
		},
		close: () =>
			new Promise<void>((resolveClose) => {
				server.closeAllConnections();
				server.close(() => resolveClose());
			}),
	};
};
