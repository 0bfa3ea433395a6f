import {existsSync} from 'node:fs';
import {mkdtemp, readdir, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {listen, type FakeServer} from '../../../test/fakes/listen';
import {DownloadError, downloadMedia} from './download-media';
import {isPrivateAddress} from './guarded-lookup';

let dir: string;
let server: FakeServer;
beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'promptreel-download-'));
	server = await listen((req, res) => {
		const path = req.url ?? '/';
		if (path === '/ok.jpg') {
			res.writeHead(200, {'content-type': 'image/jpeg', 'content-length': 2048});
			return res.end(Buffer.alloc(2048, 1));
		}
		if (path === '/redirect') {
			res.writeHead(302, {location: '/ok.jpg'});
			return res.end();
		}
		if (path === '/page') {
			res.writeHead(200, {'content-type': 'text/html'});
			return res.end('<html></html>');
		}
		if (path === '/big-chunked') {
			// No content-length: the limit is enforced while streaming.
			res.writeHead(200, {'content-type': 'video/mp4'});
			for (let i = 0; i < 20; i++) res.write(Buffer.alloc(1024));
			return res.end();
		}
		if (path === '/slow') {
			res.writeHead(200, {'content-type': 'video/mp4'});
			res.write(Buffer.alloc(10));
			return; // never ends
		}
		res.writeHead(404);
		res.end();
	});
});
afterAll(async () => {
	await server.close();
	await rm(dir, {recursive: true, force: true});
});

const get = (path: string, o: Partial<Parameters<typeof downloadMedia>[0]> = {}) =>
	downloadMedia({url: `${server.url}${path}`, file: join(dir, path.replace(/\W/g, '_')), allowPrivateNetwork: true, ...o});

describe('downloadMedia (size, type and time limits; private network guard)', () => {
	it('downloads, following redirects', async () => {
		const r = await get('/redirect');
		expect(r).toMatchObject({bytes: 2048, contentType: 'image/jpeg', finalUrl: `${server.url}/ok.jpg`});
		expect((await stat(r.file)).size).toBe(2048);
	});

	it('refuses wrong types, oversize bodies, 404s and slow servers, leaving no partial file', async () => {
		await expect(get('/page')).rejects.toThrow(/content type "text\/html" is not one of image\/\*, video\/\*/);
		await expect(get('/ok.jpg', {maxBytes: 1000})).rejects.toThrow(/2048 bytes is over the limit of 1000/);
		await expect(get('/big-chunked', {maxBytes: 10_000})).rejects.toThrow(/more than the limit of 10000 bytes/);
		await expect(get('/missing')).rejects.toMatchObject({name: 'DownloadError', reason: 'HTTP 404'});
		const started = Date.now();
		await expect(get('/slow', {timeoutMs: 300})).rejects.toThrow(/timed out/);
		expect(Date.now() - started).toBeLessThan(2000);
		expect((await readdir(dir)).filter((f) => f.endsWith('.part'))).toEqual([]);
		expect(existsSync(join(dir, '_page'))).toBe(false);
	});

	it('refuses private and loopback addresses unless allowed (literal IPs and resolved names)', async () => {
		const e = await get('/ok.jpg', {allowPrivateNetwork: false, allowHttp: true}).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(DownloadError);
		expect((e as DownloadError).reason).toBe('refused: private address');
		const port = new URL(server.url).port;
		await expect(downloadMedia({url: `https://localhost:${port}/ok.jpg`, file: join(dir, 'lh')})).rejects.toThrow(
			/refused: private address/,
		);
		// Plain http only when allowed: a redirect to http is refused the same way.
		await expect(downloadMedia({url: `http://example.com/ok.jpg`, file: join(dir, 'h')})).rejects.toThrow(
			/refused: only https URLs, not http:/,
		);
		await expect(downloadMedia({url: 'file:///etc/passwd', file: join(dir, 'f')})).rejects.toThrow(/only https URLs/);
		const privates = [
			'10.1.2.3',
			'192.168.0.1',
			'172.20.0.1',
			'169.254.169.254',
			'::1',
			'::',
			'fd00::1',
			'::ffff:127.0.0.1',
			'::ffff:7f00:1',
			'100.64.0.1',
			'198.18.0.1',
		];
		// IPv4-compatible, NAT64 and 6to4 forms of loopback and private IPv4 addresses (issue 13, item 11).
		privates.push(
			'::127.0.0.1',
			'::7f00:1',
			'64:ff9b::7f00:1',
			'64:ff9b::a00:1',
			'2002:7f00:1::1',
			'64:ff9b:1::1',
			'2001:db8::1',
			'fe80::1',
			'ff02::1',
		);
		for (const ip of privates) expect(isPrivateAddress(ip), ip).toBe(true);
		for (const ip of ['8.8.8.8', '2606:4700::1111', '172.32.0.1', '64:ff9b::808:808', '2002:808:808::1'])
			expect(isPrivateAddress(ip), ip).toBe(false);
	});
});
