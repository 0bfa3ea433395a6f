import {createReadStream, statSync} from 'node:fs';
import type http from 'node:http';
import {listen, sendJson} from './listen';
import {fakeMediaFiles} from './make-media';

/** One item of the fake library; search matches its slug words. */
export type FakeItem = {
	kind: 'video' | 'photo';
	id: number;
	slug: string;
	durationSec?: number;
	width?: number;
	height?: number;
	author?: string;
};

export type FakePexelsOptions = {
	apiKey?: string;
	/** Default: a small library about volcanoes. */
	library?: FakeItem[];
	/** The next N API requests get 429 with these headers. */
	rateLimit?: {count: number; retryAfterSec?: number; resetInSec?: number};
	/** Queries answered 500 every time. */
	failQueries?: string[];
	/** Every API request answers this status (a Pexels outage). */
	downStatus?: number;
	/** Media ids whose downloads fail: 'missing' (404) or 'html' (wrong content type). */
	brokenMedia?: Record<number, 'missing' | 'html'>;
};

export type FakePexels = {
	url: string;
	requests: {path: string; query: string | null; orientation: string | null; auth: string | undefined; status: number; at: number}[];
	downloads: string[];
	close(): Promise<void>;
};

export const VOLCANO_LIBRARY: FakeItem[] = [
	{kind: 'video', id: 3066401, slug: 'molten-lava-glow-in-the-dark', durationSec: 12},
	{kind: 'video', id: 3066402, slug: 'lava-flowing-down-a-slope', durationSec: 4},
	{kind: 'video', id: 3066403, slug: 'volcano-eruption-at-night', durationSec: 15},
	{kind: 'video', id: 3066404, slug: 'erupting-volcano-with-ash-cloud', durationSec: 9},
	{kind: 'photo', id: 7001, slug: 'volcano-mountain-under-blue-sky', author: 'Ana Lima'},
	{kind: 'photo', id: 7002, slug: 'green-mountain-range', author: 'Kenji Sato'},
	{kind: 'video', id: 3066405, slug: 'aerial-view-of-a-mountain', durationSec: 20},
];

const words = (s: string) =>
	s
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter((w) => w.length > 2);

/**
 * A local server speaking the Pexels API's wire format: GET /v1/search and GET /videos/search
 * (Authorization header, query/orientation/per_page), realistic payloads whose media links point
 * back here, rate-limit headers, 429s, 500s; and the media itself (real files made with ffmpeg),
 * video links redirecting to a "CDN" path as Pexels' do.
 */
export const startFakePexels = async (options: FakePexelsOptions = {}): Promise<FakePexels> => {
	const media = fakeMediaFiles();
	const library = options.library ?? VOLCANO_LIBRARY;
	const apiKey = options.apiKey ?? 'fake-pexels-key';
	const requests: FakePexels['requests'] = [];
	const downloads: string[] = [];
	let limited = options.rateLimit?.count ?? 0;
	let base = '';

	const serveFile = (res: http.ServerResponse, file: string, type: string) => {
		res.writeHead(200, {'content-type': type, 'content-length': statSync(file).size});
		createReadStream(file).pipe(res);
	};

	const photoJson = (item: FakeItem) => {
		const width = item.width ?? 6000;
		const height = item.height ?? 4000;
		const original = `${base}/photos/${item.id}/pexels-photo-${item.id}.jpeg`;
		const q = (params: string) => `${original}?auto=compress&cs=tinysrgb&${params}`;
		const author = item.author ?? 'Photographer';
		return {
			id: item.id,
			width,
			height,
			url: `https://www.pexels.com/photo/${item.slug}-${item.id}/`,
			photographer: author,
			photographer_url: `https://www.pexels.com/@${author.toLowerCase().replace(/\s+/g, '-')}`,
			photographer_id: 1000 + item.id,
			avg_color: '#7A6A5B',
			src: {
				original,
				large2x: q('dpr=2&h=650&w=940'),
				large: q('h=650&w=940'),
				medium: q('h=350'),
				small: q('h=130'),
				portrait: q('fit=crop&h=1200&w=800'),
				landscape: q('fit=crop&h=627&w=1200'),
				tiny: q('dpr=1&fit=crop&h=200&w=280'),
			},
			liked: false,
			alt: item.slug.replace(/-/g, ' '),
		};
	};

	const videoJson = (item: FakeItem) => {
		const sizes: [string, number, number][] = [
			['sd', 640, 360],
			['hd', 1280, 720],
			['hd', 1920, 1080],
			['uhd', 3840, 2160],
		];
		return {
			id: item.id,
			width: item.width ?? 3840,
			height: item.height ?? 2160,
			duration: item.durationSec ?? 10,
			full_res: null,
			tags: [],
			url: `https://www.pexels.com/video/${item.slug}-${item.id}/`,
			image: `${base}/videos/${item.id}/pictures/preview-0.jpg`,
			avg_color: null,
			user: {id: 2000 + item.id, name: item.author ?? 'Videographer', url: `https://www.pexels.com/@videographer-${item.id}`},
			video_files: sizes.map(([quality, w, h], i) => ({
				id: item.id * 10 + i,
				quality,
				file_type: 'video/mp4',
				width: w,
				height: h,
				fps: 25,
				link: `${base}/video-files/${item.id}/${w}x${h}.mp4`,
				size: w * h,
			})),
			video_pictures: [{id: item.id, nr: 0, picture: `${base}/videos/${item.id}/pictures/preview-0.jpg`}],
		};
	};

	const server = await listen((req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		const path = url.pathname;
		const api = path === '/v1/search' || path === '/videos/search';
		if (!api) {
			downloads.push(path);
			const m = /^\/(video-files|photos|cdn)\/(\d+)\//.exec(path);
			const id = Number(m?.[2]);
			const broken = options.brokenMedia?.[id];
			if (broken === 'missing') return sendJson(res, 404, {error: 'Not found'});
			if (broken === 'html') {
				res.writeHead(200, {'content-type': 'text/html'});
				return res.end('<html>not a video</html>');
			}
			if (m?.[1] === 'video-files') {
				// Pexels' links redirect to its CDN.
				res.writeHead(302, {location: `/cdn/${id}/${path.split('/').pop()}`});
				return res.end();
			}
			if (m?.[1] === 'cdn') return serveFile(res, media.video, 'video/mp4');
			if (m?.[1] === 'photos') return serveFile(res, media.photo, 'image/jpeg');
			return sendJson(res, 404, {error: 'Not found'});
		}
		const query = url.searchParams.get('query');
		const record = (status: number) =>
			requests.push({
				path,
				query,
				orientation: url.searchParams.get('orientation'),
				auth: req.headers.authorization,
				status,
				at: Date.now(),
			});
		const reset = Math.floor(Date.now() / 1000) + 3600;
		const limits = {
			'x-ratelimit-limit': '20000',
			'x-ratelimit-remaining': String(20000 - requests.length),
			'x-ratelimit-reset': String(reset),
		};
		if (req.headers.authorization !== apiKey) {
			record(401);
			return sendJson(res, 401, {error: 'Unauthorized'});
		}
		if (limited > 0) {
			limited--;
			record(429);
			const headers: Record<string, string> = {'x-ratelimit-limit': '20000', 'x-ratelimit-remaining': '0'};
			if (options.rateLimit?.retryAfterSec !== undefined) headers['retry-after'] = String(options.rateLimit.retryAfterSec);
			if (options.rateLimit?.resetInSec !== undefined)
				headers['x-ratelimit-reset'] = String(Math.floor(Date.now() / 1000) + options.rateLimit.resetInSec);
			return sendJson(res, 429, {error: 'Rate limit exceeded'}, headers);
		}
		if (options.downStatus) {
			record(options.downStatus);
			return sendJson(res, options.downStatus, {error: 'Internal Server Error'});
		}
		if (query !== null && options.failQueries?.includes(query)) {
			record(500);
			return sendJson(res, 500, {error: 'Internal Server Error'});
		}
		record(200);
		const kind = path === '/v1/search' ? 'photo' : 'video';
		const perPage = Number(url.searchParams.get('per_page') ?? 15);
		const q = words(query ?? '');
		const hits = library.filter(
			(item) => item.kind === kind && q.length > 0 && q.every((w) => words(item.slug).some((s) => s.startsWith(w.replace(/e?s$/, '')))),
		);
		const page = hits.slice(0, perPage);
		const common = {
			page: 1,
			per_page: perPage,
			total_results: hits.length,
			...(hits.length > perPage ? {next_page: `${base}${path}?page=2`} : {}),
		};
		return sendJson(
			res,
			200,
			kind === 'photo'
				? {...common, photos: page.map(photoJson)}
				: {...common, url: `https://www.pexels.com/search/videos/${encodeURIComponent(query ?? '')}/`, videos: page.map(videoJson)},
			limits,
		);
	});
	base = server.url;
	return {url: server.url, requests, downloads, close: server.close};
};
