import {createHash} from 'node:crypto';
import type {LookupFunction} from 'node:net';
import {rename, rm} from 'node:fs/promises';
import {join} from 'node:path';
import type {Storyboard} from '../../compositions/storyboard';
import {DownloadError, downloadMedia} from './download-media';
import {MEDIA_SIZE_LIMITS} from './media-size-limits';
import {probeMedia, type MediaInfo} from './probe-media';
import {isRemoteMedia, mediaRefsOf, type MediaRef, type MediaRefKind} from './storyboard-media-refs';

export type LocalizeRemoteMediaOptions = {
	storyboard: Storyboard;
	/** The storyboard's folder: files go to its `media/` and are referenced relative to it. */
	outDir: string;
	/** Per file. Default MEDIA_SIZE_LIMITS: 200 MB for videos, 25 MB for images, 50 MB for audio, 10 MB for fonts. */
	maxVideoBytes?: number;
	maxImageBytes?: number;
	/** Per file. Default 60 s. */
	timeoutMs?: number;
	/** PROMPTREEL_ALLOW_PRIVATE_URLS: tests and trusted networks only (plain http is then allowed too). Default false. */
	allowPrivateNetwork?: boolean;
	/** The name lookup under the guard (default the system resolver). */
	lookup?: LookupFunction;
	signal?: AbortSignal;
	probe?: (file: string) => Promise<MediaInfo>;
};

export type LocalizeRemoteMediaResult = {
	/** A copy whose media are local files (or left out, with a warning, where a download failed). */
	storyboard: Storyboard;
	warnings: {code: 'MEDIA_URL_FAILED'; sceneId: string; url: string; message: string; path: string}[];
};

const EXTENSIONS: Record<string, string> = {
	'image/jpeg': '.jpg',
	'image/png': '.png',
	'image/webp': '.webp',
	'image/gif': '.gif',
	'image/svg+xml': '.svg',
	'video/mp4': '.mp4',
	'video/webm': '.webm',
	'video/quicktime': '.mov',
	'audio/mpeg': '.mp3',
	'audio/mp4': '.m4a',
	'audio/wav': '.wav',
	'audio/x-wav': '.wav',
	'audio/ogg': '.ogg',
	'audio/flac': '.flac',
	'font/ttf': '.ttf',
	'font/otf': '.otf',
	'font/woff2': '.woff2',
};

const ACCEPT: Record<MediaRefKind, string[]> = {
	image: ['image/'],
	video: ['video/'],
	audio: ['audio/', 'video/'],
	// Font servers often answer application/octet-stream; the extension comes from the URL then.
	font: ['font/', 'application/font', 'application/x-font', 'application/vnd.ms-opentype', 'application/octet-stream'],
};

const extensionOf = (ref: MediaRef, contentType: string): string => {
	const known = EXTENSIONS[contentType];
	if (known) return known;
	const fromUrl = /\.(ttf|otf|woff2|mp3|m4a|wav|ogg|flac|mp4|webm|mov|jpe?g|png|webp|gif|svg)$/i.exec(new URL(ref.src).pathname)?.[0];
	return fromUrl?.toLowerCase() ?? {image: '.jpg', video: '.mp4', audio: '.mp3', font: '.ttf'}[ref.kind];
};

type Fetched = {src: string; info: MediaInfo | null};

/**
 * Brings every https media reference of a storyboard (scene and shot visuals, icons, narration,
 * music, logo, font: storyboard-media-refs.ts) into its folder through the guarded downloader, so
 * the folder is self-contained and the renderer (Chromium) never fetches a user's URL. Each
 * download has size, type and time limits and is checked on every redirect hop; a video's or
 * audio's length is measured from the file. A reference whose media cannot be had is left out
 * with a warning naming the scene, the field and a short reason (never the remote answer).
 */
export const localizeRemoteMedia = async (o: LocalizeRemoteMediaOptions): Promise<LocalizeRemoteMediaResult> => {
	const storyboard = structuredClone(o.storyboard);
	const warnings: LocalizeRemoteMediaResult['warnings'] = [];
	const probe = o.probe ?? probeMedia;
	const fetched = new Map<string, Fetched | DownloadError>();

	const fetchOne = async (ref: MediaRef): Promise<Fetched> => {
		const url = ref.src;
		const base = `url-${createHash('sha256').update(`${ref.kind}\n${url}`).digest('hex').slice(0, 16)}`;
		const tmp = join(o.outDir, 'media', `${base}.download`);
		try {
			const maxBytes =
				ref.kind === 'video'
					? (o.maxVideoBytes ?? MEDIA_SIZE_LIMITS.video)
					: ref.kind === 'image'
						? (o.maxImageBytes ?? MEDIA_SIZE_LIMITS.image)
						: MEDIA_SIZE_LIMITS[ref.kind];
			const got = await downloadMedia({
				url,
				file: tmp,
				acceptTypes: ACCEPT[ref.kind],
				maxBytes,
				timeoutMs: o.timeoutMs ?? 60_000,
				allowPrivateNetwork: o.allowPrivateNetwork,
				lookup: o.lookup,
				signal: o.signal,
			});
			const name = `${base}${extensionOf(ref, got.contentType)}`;
			const file = join(o.outDir, 'media', name);
			await rename(tmp, file);
			// Fonts and SVG icons are not something ffprobe reads; the browser checks them.
			if (ref.kind === 'font' || got.contentType === 'image/svg+xml') return {src: `media/${name}`, info: null};
			try {
				return {src: `media/${name}`, info: await probe(file)};
			} catch (error) {
				await rm(file, {force: true});
				throw new DownloadError(url, `not a readable ${ref.kind}`, {cause: error});
			}
		} finally {
			await rm(tmp, {force: true}).catch(() => undefined);
		}
	};

	for (const ref of mediaRefsOf(storyboard).filter((r) => isRemoteMedia(r.src))) {
		const key = `${ref.kind}\n${ref.src}`;
		let got = fetched.get(key);
		if (!got) {
			try {
				got = await fetchOne(ref);
			} catch (error) {
				if (o.signal?.aborted) throw error;
				got = error instanceof DownloadError ? error : new DownloadError(ref.src, 'not a readable file', {cause: error});
			}
			fetched.set(key, got);
		}
		if (got instanceof DownloadError) {
			const instead = ref.drop();
			const owner = ref.sceneId === null ? ref.where : `scene ${ref.sceneId}`;
			warnings.push({
				code: 'MEDIA_URL_FAILED',
				sceneId: ref.sceneId ?? '',
				url: ref.src,
				path: ref.path,
				message: `could not fetch media for ${owner} (${got.reason}): ${ref.path} = ${ref.src}; ${instead}.`,
			});
			continue;
		}
		ref.set(got.src);
		// The file's own length wins over what the storyboard claims: a clip loops by it, music too.
		if (got.info && ref.path.endsWith('.src') && ref.kind !== 'image') setDuration(storyboard, ref.path, got.info.durationMs);
	}
	return {storyboard, warnings};
};

/** Sets `durationMs` beside a localized video visual or music `src` (the path names it). */
const setDuration = (sb: Storyboard, srcPath: string, durationMs: number): void => {
	let holder: unknown = sb;
	for (const key of srcPath.split('.').slice(0, -1)) holder = (holder as Record<string, unknown>)[key];
	const h = holder as {durationMs?: number; kind?: string};
	if (h && (h.kind === 'video' || srcPath === 'music.src')) h.durationMs = durationMs;
};
