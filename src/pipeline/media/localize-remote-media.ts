import {createHash} from 'node:crypto';
import {rename, rm} from 'node:fs/promises';
import {join} from 'node:path';
import type {Storyboard} from '../../compositions/storyboard';
import {DownloadError, downloadMedia} from './download-media';
import {MEDIA_SIZE_LIMITS} from './media-size-limits';
import {probeMedia, type MediaInfo} from './probe-media';

export type LocalizeRemoteMediaOptions = {
	storyboard: Storyboard;
	/** The storyboard's folder: files go to its `media/` and are referenced relative to it. */
	outDir: string;
	/** Per file. Default MEDIA_SIZE_LIMITS: 200 MB for videos, 25 MB for images. */
	maxVideoBytes?: number;
	maxImageBytes?: number;
	/** Per file. Default 60 s. */
	timeoutMs?: number;
	/** PROMPTREEL_ALLOW_PRIVATE_URLS: tests and trusted networks only. Default false. */
	allowPrivateNetwork?: boolean;
	signal?: AbortSignal;
	probe?: (file: string) => Promise<MediaInfo>;
};

export type LocalizeRemoteMediaResult = {
	/** A copy whose scene media are local files (or procedural backgrounds where a download failed). */
	storyboard: Storyboard;
	warnings: {code: 'MEDIA_URL_FAILED'; sceneId: string; url: string; message: string}[];
};

const EXTENSIONS: Record<string, string> = {
	'image/jpeg': '.jpg',
	'image/png': '.png',
	'image/webp': '.webp',
	'image/gif': '.gif',
	'video/mp4': '.mp4',
	'video/webm': '.webm',
	'video/quicktime': '.mov',
};

/**
 * Brings the https media of a storyboard's scenes (your own media by URL) into its folder, so the
 * folder is self-contained and renders never fetch at render time: each download has size, type
 * and time limits; a video's length is measured from the file. A download that fails names the
 * scene and the URL, and that scene falls back to a procedural background.
 */
export const localizeRemoteMedia = async (o: LocalizeRemoteMediaOptions): Promise<LocalizeRemoteMediaResult> => {
	const storyboard = structuredClone(o.storyboard);
	const warnings: LocalizeRemoteMediaResult['warnings'] = [];
	const probe = o.probe ?? probeMedia;
	for (const [i, scene] of storyboard.scenes.entries()) {
		const visual = scene.visual;
		if (visual.kind === 'procedural' || !/^https?:\/\//i.test(visual.src)) continue;
		const url = visual.src;
		const base = `url-${createHash('sha256').update(url).digest('hex').slice(0, 16)}`;
		const tmp = join(o.outDir, 'media', `${base}.download`);
		try {
			const got = await downloadMedia({
				url,
				file: tmp,
				acceptTypes: visual.kind === 'video' ? ['video/'] : ['image/'],
				maxBytes: visual.kind === 'video' ? (o.maxVideoBytes ?? MEDIA_SIZE_LIMITS.video) : (o.maxImageBytes ?? MEDIA_SIZE_LIMITS.image),
				timeoutMs: o.timeoutMs ?? 60_000,
				allowPrivateNetwork: o.allowPrivateNetwork,
				signal: o.signal,
			});
			const name = `${base}${EXTENSIONS[got.contentType] ?? (visual.kind === 'video' ? '.mp4' : '.jpg')}`;
			await rename(tmp, join(o.outDir, 'media', name));
			let info: MediaInfo;
			try {
				info = await probe(join(o.outDir, 'media', name));
			} catch (error) {
				await rm(join(o.outDir, 'media', name), {force: true});
				throw new DownloadError(url, `not a readable ${visual.kind}`, {cause: error});
			}
			visual.src = `media/${name}`;
			if (visual.kind === 'video') visual.durationMs = info.durationMs;
		} catch (error) {
			if (o.signal?.aborted) throw error;
			await rm(tmp, {force: true}).catch(() => undefined);
			const reason = error instanceof DownloadError ? error.reason : (error as Error).message;
			warnings.push({
				code: 'MEDIA_URL_FAILED',
				sceneId: scene.id,
				url,
				message: `scenes.${i} ("${scene.id}"): could not download ${url} (${reason}); the scene shows a procedural background instead.`,
			});
			scene.visual = {kind: 'procedural', style: 'orbs', icon: null, extraIcons: []};
		}
	}
	return {storyboard, warnings};
};
