import {existsSync} from 'node:fs';
import {copyFile, mkdir, rm} from 'node:fs/promises';
import {join} from 'node:path';
import type {Aspect, Credit} from '../../../compositions/storyboard';
import {DownloadError, downloadMedia} from '../../media/download-media';
import {MEDIA_SIZE_LIMITS} from '../../media/media-size-limits';
import {probeMedia, type MediaInfo} from '../../media/probe-media';
import type {FindVisualsResult, FoundVisual, VisualsProvider} from '../visuals-provider';
import type {PexelsPhoto, PexelsVideo} from './pexels-api-schema';
import {PexelsError, type PexelsClient, type PexelsOrientation} from './pexels-client';
import {rankPexels, type PexelsCandidate} from './rank-pexels';

/** The line Pexels asks every user of its API to show prominently. */
export const PEXELS_CREDIT: Credit = {
	kind: 'other',
	title: 'Photos and videos provided by Pexels',
	author: null,
	authorUrl: null,
	url: 'https://www.pexels.com',
	license: 'Pexels License',
	source: null,
};

export type PexelsVisualsOptions = {
	client: PexelsClient;
	/** Downloads are cached here by media id and size, across runs. */
	cacheDir: string;
	/** What to search, in order of preference, for each query. Default ['video', 'photo']. */
	kinds?: readonly ('video' | 'photo')[];
	/** Queries tried per scene (its keywords, specific to generic). Default 4. */
	maxQueriesPerScene?: number;
	/** Results of one search tried for download before the next query. Default 3. */
	candidatesPerQuery?: number;
	/** Default MEDIA_SIZE_LIMITS: 80 MB for stock videos, 20 MB for photos. */
	maxVideoBytes?: number;
	maxPhotoBytes?: number;
	/** Each download. Default 60 s. */
	downloadTimeoutMs?: number;
	/** Allow media links on private addresses (a fake or self-hosted API). Default false. */
	allowPrivateNetwork?: boolean;
	/** Default probeMedia (ffprobe). */
	probe?: (file: string) => Promise<MediaInfo>;
};

const ORIENTATION: Record<Aspect, PexelsOrientation> = {'16:9': 'landscape', '9:16': 'portrait', '1:1': 'square'};

const quoteList = (qs: readonly string[]) => qs.map((q) => `"${q}"`).join(', ');

/**
 * Stock videos and photos from Pexels for each scene: walks the scene's queries from specific to
 * generic, ranks results (see rankPexels), downloads the best one that works (cached on disk by
 * id and size) into the output's media folder, and credits its author. Scenes with nothing usable
 * come back as misses with the reason, for the offline visuals to fill. After a fatal error (bad
 * key, rate limit, hourly budget, repeated failures) no more requests are made.
 */
export const createPexelsVisuals = (options: PexelsVisualsOptions): VisualsProvider => {
	const kinds = options.kinds ?? ['video', 'photo'];
	const maxQueries = options.maxQueriesPerScene ?? 4;
	const perQuery = options.candidatesPerQuery ?? 3;
	const probe = options.probe ?? probeMedia;

	return {
		id: 'pexels',
		async find(o): Promise<FindVisualsResult> {
			const visuals: (FoundVisual | null)[] = o.scenes.map(() => null);
			const misses: FindVisualsResult['misses'] = [];
			const used = new Set<string>();
			// Results whose download failed are not tried again for a later query or scene.
			const failed = new Set<string>();
			const searches = new Map<string, Promise<PexelsVideo[] | PexelsPhoto[]>>();
			const orientation = ORIENTATION[o.aspect];
			let gaveUp: string | null = null;
			let failuresInRow = 0;
			await mkdir(o.mediaDir, {recursive: true});

			const search = (kind: 'video' | 'photo', query: string) => {
				const key = `${kind}\0${query}`;
				let p = searches.get(key);
				if (!p) {
					p =
						kind === 'video'
							? options.client.searchVideos(query, {orientation, perPage: 15, signal: o.signal})
							: options.client.searchPhotos(query, {orientation, perPage: 15, signal: o.signal});
					searches.set(key, p);
				}
				return p;
			};

			const fetchCandidate = async (c: PexelsCandidate): Promise<{file: string; durationMs: number | null}> => {
				const name = `pexels-${c.kind}-${c.id}-${c.file.width}x${c.file.height}${c.file.ext}`;
				const cached = join(options.cacheDir, name);
				if (!existsSync(cached)) {
					await downloadMedia({
						url: c.file.url,
						file: cached,
						acceptTypes: c.kind === 'video' ? ['video/'] : ['image/'],
						maxBytes:
							c.kind === 'video'
								? (options.maxVideoBytes ?? MEDIA_SIZE_LIMITS.stockVideo)
								: (options.maxPhotoBytes ?? MEDIA_SIZE_LIMITS.stockPhoto),
						timeoutMs: options.downloadTimeoutMs ?? 60_000,
						allowPrivateNetwork: options.allowPrivateNetwork,
						signal: o.signal,
					});
				}
				let durationMs: number | null = null;
				try {
					const info = await probe(cached);
					if (!info.hasVideo) throw new Error('no picture in it');
					if (c.kind === 'video') durationMs = info.durationMs;
				} catch (error) {
					await rm(cached, {force: true});
					throw new DownloadError(c.file.url, `not a readable ${c.kind} (${(error as Error).message})`, {cause: error});
				}
				const file = join(o.mediaDir, name);
				await copyFile(cached, file);
				return {file, durationMs};
			};

			for (const [i, scene] of o.scenes.entries()) {
				o.signal?.throwIfAborted();
				if (gaveUp !== null) {
					misses.push({sceneId: scene.sceneId, reason: gaveUp});
					continue;
				}
				const queries = [...new Set(scene.keywords.map((k) => k.trim()).filter((k) => k !== ''))].slice(0, maxQueries);
				if (queries.length === 0 && scene.title.trim() !== '') queries.push(scene.title.trim());
				let found: FoundVisual | null = null;
				let answered = 0;
				let lastError: PexelsError | null = null;
				search: for (const query of queries) {
					for (const kind of kinds) {
						let results: PexelsVideo[] | PexelsPhoto[];
						try {
							results = await search(kind, query);
							failuresInRow = 0;
							answered++;
						} catch (error) {
							if (!(error instanceof PexelsError)) throw error;
							failuresInRow++;
							lastError = error;
							if (error.fatal || failuresInRow >= 3) {
								gaveUp = `Pexels stopped answering usefully: ${error.message}`;
								break search;
							}
							o.onWarning?.(
								'PEXELS_SEARCH_FAILED',
								`${scene.sceneId}: Pexels ${kind} search for "${query}" failed (${error.message}); trying the next query.`,
							);
							continue;
						}
						const ranked = rankPexels({
							videos: kind === 'video' ? (results as PexelsVideo[]) : [],
							photos: kind === 'photo' ? (results as PexelsPhoto[]) : [],
							target: o.target,
							sceneDurationMs: scene.durationMs,
							query,
							keywords: scene.keywords,
							used: new Set([...used, ...failed]),
						});
						for (const c of ranked.slice(0, perQuery)) {
							try {
								const got = await fetchCandidate(c);
								used.add(c.key);
								const what = c.kind === 'video' ? 'Video' : 'Photo';
								found = {
									kind: c.kind === 'video' ? 'video' : 'image',
									file: got.file,
									durationMs: got.durationMs,
									query,
									sourceUrl: c.pageUrl,
									credit: {
										kind: c.kind === 'video' ? 'video' : 'image',
										title: c.description ? `${what}: ${c.description}` : `${what} for "${query}"`,
										author: c.author,
										authorUrl: c.authorUrl,
										url: c.pageUrl,
										license: 'Pexels License',
										source: 'Pexels',
									},
								};
								break search;
							} catch (error) {
								if (o.signal?.aborted) throw error;
								failed.add(c.key);
								const why = error instanceof DownloadError ? error.reason : (error as Error).message;
								o.onWarning?.(
									'MEDIA_DOWNLOAD_FAILED',
									`${scene.sceneId}: could not download ${c.file.url} (${why}); trying the next result.`,
								);
							}
						}
					}
				}
				if (found) visuals[i] = found;
				else {
					const reason =
						gaveUp ??
						(answered === 0 && lastError
							? `every Pexels search failed (${lastError.message})`
							: `no usable Pexels video or photo for ${quoteList(queries)}`);
					misses.push({sceneId: scene.sceneId, reason});
				}
				o.onProgress?.((i + 1) / o.scenes.length);
			}
			return {visuals, misses, credits: visuals.some(Boolean) ? [PEXELS_CREDIT] : []};
		},
	};
};
