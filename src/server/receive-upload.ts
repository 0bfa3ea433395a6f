import {createHash, randomBytes} from 'node:crypto';
import {mkdir, rename, rm, stat, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {checkPlayable, MediaCheckError, type PlayableMedia} from '../pipeline/media';
import {assetIdOf, type AssetRecord, type AssetStore} from '../jobs';
import {ApiError} from './http-errors';
import {sniffMedia} from './sniff-media';

export type ReceiveUploadOptions = {
	request: Request;
	/** The data dir's assets folder. */
	dir: string;
	assets: AssetStore;
	maxBytes: number;
	now: number;
	/** Largest image (or video frame) in pixels. Default IMAGE_LIMITS.maxPixels. */
	maxPixels?: number;
};

const ACCEPTED = 'PNG, JPEG, GIF or WebP images; MP4, QuickTime or WebM videos; MP3, M4A, WAV, Ogg or FLAC audio';

const tooLarge = (max: number) =>
	new ApiError('PAYLOAD_TOO_LARGE', `The upload is larger than ${max} bytes (PROMPTREEL_MAX_UPLOAD_BYTES).`, undefined, {
		Connection: 'close',
	});

/** The body, counted as it arrives: never more than `max` bytes are held. */
const readLimited = async (request: Request, max: number): Promise<Buffer> => {
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (declared > max) throw tooLarge(max);
	if (!request.body) return Buffer.alloc(0);
	const chunks: Uint8Array[] = [];
	let size = 0;
	const reader = request.body.getReader();
	for (;;) {
		const {done, value} = await reader.read();
		if (done) break;
		size += value.length;
		if (size > max) {
			await reader.cancel().catch(() => undefined);
			throw tooLarge(max);
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks);
};

/** The file of a multipart form (field `file`, else the first file), or the raw body. */
const fileOf = async (request: Request, body: Buffer): Promise<{bytes: Buffer; name: string | null}> => {
	const type = request.headers.get('content-type') ?? '';
	if (!/^multipart\/form-data/i.test(type)) return {bytes: body, name: null};
	let form: FormData;
	try {
		form = await new Response(new Uint8Array(body), {headers: {'content-type': type}}).formData();
	} catch (error) {
		throw new ApiError(
			'MALFORMED_MULTIPART',
			`The multipart body cannot be read (${error instanceof Error ? error.message : String(error)}).`,
		);
	}
	const named = form.get('file');
	const file = named instanceof File ? named : [...form.values()].find((v): v is File => v instanceof File);
	if (!file)
		throw new ApiError('INVALID_INPUT', 'The multipart form has no file: send it in a field named "file".', [
			{path: 'file', message: 'Missing.'},
		]);
	return {bytes: Buffer.from(await file.arrayBuffer()), name: file.name || null};
};

/**
 * Takes an upload (multipart field `file`, or the raw body), recognises it by its magic bytes
 * (the Content-Type header is not trusted), measures videos and audio, and stores it once per
 * content under `<id>.<ext>`.
 */
export const receiveUpload = async (o: ReceiveUploadOptions): Promise<AssetRecord> => {
	const body = await readLimited(o.request, o.maxBytes);
	const {bytes, name} = await fileOf(o.request, body);
	if (bytes.length === 0) throw new ApiError('INVALID_INPUT', 'The upload is empty.', [{path: 'file', message: 'Empty.'}]);
	const sniffed = sniffMedia(bytes.subarray(0, 64));
	if (!sniffed) {
		const declared = o.request.headers.get('content-type') ?? 'none';
		throw new ApiError(
			'UNSUPPORTED_MEDIA_TYPE',
			`The content is not a supported media file (${ACCEPTED}); the declared type "${declared}" is not trusted.`,
		);
	}
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	const id = assetIdOf(sha256);
	const existing = await o.assets.get(id);
	if (existing && (await stat(join(o.dir, existing.fileName)).catch(() => null))) return existing;

	await mkdir(o.dir, {recursive: true});
	const fileName = `${id}.${sniffed.ext}`;
	// Ends with the real extension: ffprobe picks some demuxers (images) by the name.
	const tmp = join(o.dir, `.${id}.${randomBytes(4).toString('hex')}.part.${sniffed.ext}`);
	try {
		await writeFile(tmp, bytes);
		// Decoded and measured now, so a file that would only fail at render time is refused here:
		// a header that does not decode is 415, too many pixels or a file cut short 422.
		let info: PlayableMedia;
		try {
			info = await checkPlayable({file: tmp, kind: sniffed.kind, head: bytes.subarray(0, 256 * 1024), maxPixels: o.maxPixels});
		} catch (error) {
			if (!(error instanceof MediaCheckError)) throw error;
			if (error.code === 'MEDIA_UNREADABLE' && !/cut short/.test(error.message)) {
				throw new ApiError('UNSUPPORTED_MEDIA_TYPE', `The file looks like ${sniffed.contentType} but cannot be used: ${error.message}`);
			}
			throw error;
		}
		await rename(tmp, join(o.dir, fileName));
		return await o.assets.insert({
			id,
			kind: sniffed.kind,
			contentType: sniffed.contentType,
			fileName,
			bytes: bytes.length,
			sha256,
			originalName: name,
			durationMs: info.durationMs,
			width: info.width,
			height: info.height,
			createdAt: o.now,
		});
	} finally {
		await rm(tmp, {force: true}).catch(() => undefined);
	}
};
