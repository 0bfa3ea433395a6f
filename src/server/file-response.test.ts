import {mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {etagOf, fileResponse, parseRange} from './file-response';

describe('parseRange (RFC 9110)', () => {
	it.each([
		[undefined, null],
		['bytes=0-99', {start: 0, end: 99}],
		['bytes=100-', {start: 100, end: 999}],
		['bytes=-200', {start: 800, end: 999}],
		['bytes=-5000', {start: 0, end: 999}],
		['bytes=990-5000', {start: 990, end: 999}],
		['bytes=1000-', 'unsatisfiable'],
		['bytes=5000-6000', 'unsatisfiable'],
		['bytes=-0', 'unsatisfiable'],
		['bytes=9-3', null],
		['bytes=0-1,5-6', null],
		['items=0-1', null],
		['bytes=abc', null],
		['bytes=-', null],
	] as const)('%s -> %j', (header, expected) => {
		expect(parseRange(header, 1000)).toEqual(expected);
	});

	it('nothing is satisfiable in an empty file', () => {
		expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
	});
});

describe('fileResponse', () => {
	const dir = mkdtempSync(join(tmpdir(), 'promptreel-file-'));
	afterAll(() => rmSync(dir, {recursive: true, force: true}));
	const path = join(dir, 'captions.vtt');
	writeFileSync(path, 'WEBVTT\n\n0123456789');
	const info = statSync(path);
	const respond = (method: string, headers: Record<string, string> = {}) =>
		fileResponse({method, path, size: info.size, mtimeMs: info.mtimeMs, contentType: 'text/vtt', fileName: 'captions.vtt', headers});

	it('serves 206 for a range, 304 for a matching ETag, the whole file when If-Range is stale', async () => {
		const partial = respond('GET', {range: 'bytes=8-11'});
		expect(partial.status).toBe(206);
		expect(partial.headers.get('content-range')).toBe(`bytes 8-11/${info.size}`);
		expect(await partial.text()).toBe('0123');
		expect(respond('GET', {ifNoneMatch: etagOf(info)}).status).toBe(304);
		const stale = respond('GET', {range: 'bytes=8-11', ifRange: '"old"'});
		expect(stale.status).toBe(200);
		expect(await stale.text()).toBe('WEBVTT\n\n0123456789');
	});

	it('answers HEAD with the headers only, and 416 naming the size', async () => {
		const head = respond('HEAD', {range: 'bytes=0-3'});
		expect(head.status).toBe(206);
		expect(head.headers.get('content-length')).toBe('4');
		expect(head.body).toBeNull();
		const bad = respond('GET', {range: 'bytes=500-'});
		expect(bad.status).toBe(416);
		expect(bad.headers.get('content-range')).toBe(`bytes */${info.size}`);
	});
});
