import {createReadStream} from 'node:fs';
import {stat} from 'node:fs/promises';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {join, normalize, sep} from 'node:path';
import {contentTypeOf} from '../media/content-type-of';

export type MediaServer = {
	/**
	 * Makes `folders` reachable under one base URL (ending in /): a path is looked up in each
	 * folder in order, first match wins.
	 */
	mount(folders: string[]): string;
	unmount(baseUrl: string): void;
	close(): Promise<void>;
};

/**
 * Serves the media folders of the storyboards being rendered on 127.0.0.1, with Range support
 * (Chromium seeks audio and video). Per-job media cannot live in the cached bundle (bundle()
 * copies public/ once), so the renderer mounts each storyboard folder here for the render.
 */
export const startMediaServer = async (): Promise<MediaServer> => {
	const mounts = new Map<string, string[]>();
	let counter = 0;
	const server: Server = createServer((req, res) => {
		void (async () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const [, mountId, ...rest] = url.pathname.split('/');
			const folders = mountId ? mounts.get(mountId) : undefined;
			const relativePath = normalize(decodeURIComponent(rest.join('/')));
			if (!folders || relativePath.startsWith('..') || relativePath.includes(`${sep}..${sep}`)) {
				res.writeHead(404).end();
				return;
			}
			let file = '';
			let info = null;
			for (const folder of folders) {
				file = join(folder, relativePath);
				info = await stat(file).catch(() => null);
				if (info?.isFile()) break;
			}
			if (!info?.isFile()) {
				res.writeHead(404).end();
				return;
			}
			const type = contentTypeOf(file);
			const headers = {'Content-Type': type, 'Accept-Ranges': 'bytes', 'Access-Control-Allow-Origin': '*'};
			const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
			if (range) {
				const start = range[1] ? Number(range[1]) : Math.max(0, info.size - Number(range[2]));
				const end = range[1] && range[2] ? Math.min(Number(range[2]), info.size - 1) : info.size - 1;
				if (start > end || start >= info.size) {
					res.writeHead(416, {'Content-Range': `bytes */${info.size}`}).end();
					return;
				}
				res.writeHead(206, {...headers, 'Content-Range': `bytes ${start}-${end}/${info.size}`, 'Content-Length': end - start + 1});
				if (req.method === 'HEAD') return void res.end();
				createReadStream(file, {start, end}).pipe(res);
				return;
			}
			res.writeHead(200, {...headers, 'Content-Length': info.size});
			if (req.method === 'HEAD') return void res.end();
			createReadStream(file).pipe(res);
		})().catch(() => {
			if (!res.headersSent) res.writeHead(500);
			res.end();
		});
	});
	await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
	const {port} = server.address() as AddressInfo;
	return {
		mount(folders) {
			const id = `m${++counter}`;
			mounts.set(id, folders);
			return `http://127.0.0.1:${port}/${id}/`;
		},
		unmount(baseUrl) {
			const id = new URL(baseUrl).pathname.split('/')[1];
			if (id) mounts.delete(id);
		},
		close: () =>
			new Promise<void>((resolveClose) => {
				server.closeAllConnections();
				server.close(() => resolveClose());
			}),
	};
};
