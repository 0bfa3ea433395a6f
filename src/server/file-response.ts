import {createReadStream} from 'node:fs';
import {Readable} from 'node:stream';

export type ByteRange = {start: number; end: number};

/**
 * Reads a Range header (RFC 9110 §14) against a file size:
 * - `null`: no usable Range (absent, another unit, bad syntax, several ranges) -> the whole file, 200;
 * - `'unsatisfiable'`: well-formed but outside the file -> 416;
 * - a range -> 206.
 */
export const parseRange = (header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null => {
	if (!header) return null;
	const match = /^bytes=([^,]+)$/i.exec(header.trim());
	if (!match) return null;
	const spec = match[1]!.trim();
	const parts = /^(\d*)-(\d*)$/.exec(spec);
	if (!parts) return null;
	const [, from, to] = parts as unknown as [string, string, string];
	if (from === '' && to === '') return null;
	if (from === '') {
		// Suffix: the last N bytes.
		const n = Number(to);
		if (n === 0 || size === 0) return 'unsatisfiable';
		return {start: Math.max(0, size - n), end: size - 1};
	}
	const start = Number(from);
	const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
	if (to !== '' && Number(to) < start) return null;
	if (start >= size) return 'unsatisfiable';
	return {start, end};
};

/** A strong validator from size and modification time: job files never change once written. */
export const etagOf = (file: {size: number; mtimeMs: number}): string =>
	`"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;

const matchesEtag = (header: string | undefined, etag: string): boolean =>
	header !== undefined && (header.trim() === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag));

/** A stream that opens its source on the first read: HEAD and 304 answers never open it. */
const lazyStream = (open: () => Promise<ReadableStream<Uint8Array>>): ReadableStream<Uint8Array> => {
	let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			reader ??= (await open()).getReader();
			const {done, value} = await reader.read();
			if (done) controller.close();
			else controller.enqueue(value);
		},
		cancel: (reason) => reader?.cancel(reason),
	});
};

/**
 * A file as an HTTP response: ETag and If-None-Match (304), Range and If-Range (206/416), HEAD
 * without opening the file. The body streams from disk (`path`) or from `open` (the file store).
 */
export const fileResponse = (o: {
	method: string;
	/** A local file; or give `open`. */
	path?: string;
	/** Opens the file, or a range of it (both ends included), e.g. from the S3 file store. */
	open?: (range: ByteRange) => Promise<ReadableStream<Uint8Array>>;
	size: number;
	mtimeMs: number;
	contentType: string;
	headers: {range?: string | undefined; ifNoneMatch?: string | undefined; ifRange?: string | undefined};
	fileName: string;
}): Response => {
	const etag = etagOf(o);
	const base: Record<string, string> = {
		'Accept-Ranges': 'bytes',
		ETag: etag,
		'Last-Modified': new Date(o.mtimeMs).toUTCString(),
		'Cache-Control': 'private, max-age=3600',
		'Content-Type': o.contentType,
		'Content-Disposition': `inline; filename="${o.fileName}"`,
	};
	if (matchesEtag(o.headers.ifNoneMatch, etag)) return new Response(null, {status: 304, headers: base});

	// If-Range with another validator: the client's partial copy is stale, send everything.
	const rangeApplies = o.headers.ifRange === undefined || o.headers.ifRange.trim() === etag;
	const range = rangeApplies ? parseRange(o.headers.range, o.size) : null;
	if (range === 'unsatisfiable') {
		return new Response(
			JSON.stringify({
				error: {code: 'RANGE_NOT_SATISFIABLE', message: `The range "${o.headers.range}" is outside the file (${o.size} bytes).`},
			}),
			{status: 416, headers: {...base, 'Content-Range': `bytes */${o.size}`, 'Content-Type': 'application/json; charset=utf-8'}},
		);
	}
	const status = range ? 206 : 200;
	const start = range?.start ?? 0;
	const end = range?.end ?? o.size - 1;
	const headers: Record<string, string> = {...base, 'Content-Length': String(Math.max(0, end - start + 1))};
	if (range) headers['Content-Range'] = `bytes ${start}-${end}/${o.size}`;
	if (o.method === 'HEAD' || o.size === 0) return new Response(null, {status, headers});
	const {open, path} = o;
	const body = open
		? lazyStream(() => open({start, end}))
		: (Readable.toWeb(createReadStream(path ?? '', {start, end})) as ReadableStream<Uint8Array>);
	return new Response(body, {status, headers});
};
