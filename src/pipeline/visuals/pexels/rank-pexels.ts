import type {PexelsPhoto, PexelsVideo} from './pexels-api-schema';

export type PixelSize = {width: number; height: number};

/** One downloadable file of a Pexels result, at a known size. */
export type PexelsFile = PixelSize & {url: string; ext: string};

export type PexelsCandidate = {
	kind: 'video' | 'photo';
	id: number;
	/** "video:123" / "photo:456": one clip is never used by two scenes. */
	key: string;
	pageUrl: string;
	author: string;
	authorUrl: string;
	/** Words describing it: a photo's alt text, else the words of its page's slug. */
	description: string;
	/** Video length in ms (whole seconds from the API); null for photos. */
	durationMs: number | null;
	file: PexelsFile;
	score: number;
	scores: {aspect: number; resolution: number; duration: number; overlap: number; rank: number};
};

const shortSide = (s: PixelSize) => Math.min(s.width, s.height);

/**
 * The video file to download: the smallest mp4 whose short side reaches the target's (720p for a
 * 720p render, not the 4K one); the largest one when none reaches it.
 */
export const pickVideoFile = (video: PexelsVideo, target: PixelSize): PexelsFile | null => {
	const files = video.video_files
		.filter((f) => (f.file_type ?? 'video/mp4') === 'video/mp4' && (f.width ?? 0) > 0 && (f.height ?? 0) > 0)
		.map((f) => ({url: f.link, width: f.width!, height: f.height!, ext: '.mp4'}))
		.sort((a, b) => a.width * a.height - b.width * b.height);
	if (files.length === 0) return null;
	return files.find((f) => shortSide(f) >= shortSide(target)) ?? files[files.length - 1]!;
};

// Sizes of the named `src` entries as documented, for URLs that carry no w/h parameters.
const NOMINAL: Record<string, {w?: number; h?: number; dpr?: number; crop?: boolean}> = {
	large2x: {w: 940, h: 650, dpr: 2},
	large: {w: 940, h: 650},
	medium: {h: 350},
	small: {h: 130},
	portrait: {w: 800, h: 1200, crop: true},
	landscape: {w: 1200, h: 627, crop: true},
	tiny: {w: 280, h: 200, crop: true},
};

/** Pixel size of one `src` entry, from its URL's w/h/dpr/fit parameters or the documented size. */
export const photoSrcSize = (name: string, url: string, photo: PixelSize): PixelSize => {
	let params: URLSearchParams;
	try {
		params = new URL(url).searchParams;
	} catch {
		params = new URLSearchParams();
	}
	const nominal = NOMINAL[name] ?? {};
	const num = (k: string) => (params.has(k) ? Number(params.get(k)) : undefined);
	const w = num('w') ?? (params.size > 0 && name === 'original' ? undefined : nominal.w);
	const h = num('h') ?? (params.size > 0 && name === 'original' ? undefined : nominal.h);
	const dpr = num('dpr') ?? nominal.dpr ?? 1;
	const crop = params.get('fit') === 'crop' || (nominal.crop ?? false);
	if (w === undefined && h === undefined) return {width: photo.width, height: photo.height};
	if (crop && w !== undefined && h !== undefined) return {width: Math.round(w * dpr), height: Math.round(h * dpr)};
	// Fitted inside the box, never enlarged.
	const scale = Math.min(1, ((w ?? Infinity) * dpr) / photo.width, ((h ?? Infinity) * dpr) / photo.height);
	return {width: Math.round(photo.width * scale), height: Math.round(photo.height * scale)};
};

const aspectScore = (s: PixelSize, target: PixelSize): number =>
	Math.max(0, 1 - Math.abs(Math.log(s.width / s.height / (target.width / target.height))));

/**
 * The image size to download: the smallest `src` that covers the frame without enlarging and
 * has about the frame's shape (a crop of the original at the frame's size when it is large
 * enough); else the largest of that shape.
 */
export const pickPhotoSrc = (photo: PexelsPhoto, target: PixelSize): PexelsFile | null => {
	const src: Record<string, string> = {...photo.src};
	// Pexels' image server crops and scales on request: the exact frame size, when the original
	// is large enough, beats the next named size up (a 6000 px original for a 1080p frame).
	const original = photo.src.original;
	if (original && !original.includes('?') && photo.width >= target.width && photo.height >= target.height) {
		src.fitted = `${original}?auto=compress&cs=tinysrgb&fit=crop&h=${target.height}&w=${target.width}`;
	}
	const options = Object.entries(src)
		.map(([name, url]) => ({url, ext: /\.png(\?|$)/i.test(url) ? '.png' : '.jpg', ...photoSrcSize(name, url, photo)}))
		.filter((o) => aspectScore(o, target) >= aspectScore(photo, target) - 0.05)
		.sort((a, b) => a.width * a.height - b.width * b.height);
	if (options.length === 0) return null;
	const covers = (o: PixelSize) => Math.max(target.width / o.width, target.height / o.height) <= 1.001;
	return options.find(covers) ?? options[options.length - 1]!;
};

/** Words of a pexels.com page slug: ".../video/lava-flowing-at-night-3066473/" -> "lava flowing at night". */
export const slugWords = (pageUrl: string): string => {
	const m = /\/(?:photo|video)\/([^/?#]+?)(?:-\d+)?\/?(?:[?#].*)?$/.exec(pageUrl);
	return m ? decodeURIComponent(m[1]!).replace(/-/g, ' ') : '';
};

const words = (text: string): Set<string> =>
	new Set(
		text
			.toLowerCase()
			.split(/[^\p{L}\p{N}]+/u)
			.filter((w) => w.length > 2)
			.map((w) => (w.length > 4 && w.endsWith('es') ? w.slice(0, -2) : w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w)),
	);

export type RankOptions = {
	videos?: readonly PexelsVideo[];
	photos?: readonly PexelsPhoto[];
	target: PixelSize;
	/** The scene's length: clips at least this long play without looping. */
	sceneDurationMs: number;
	/** The query and the scene's other keywords, for overlap with a result's description. */
	query: string;
	keywords: readonly string[];
	/** Keys of results already used by other scenes. */
	used: ReadonlySet<string>;
};

/** Below these a result is not used at all (wrong shape, or blurry at the render size). */
export const MIN_ASPECT_SCORE = 0.35;
export const MIN_RESOLUTION_SCORE = 0.45;

/**
 * Scores results for a scene (shape, sharpness at the render size, clip length, words shared with
 * the query, Pexels' own order) and returns the usable ones, best first, never one already used.
 */
export const rankPexels = (o: RankOptions): PexelsCandidate[] => {
	const queryWords = words(o.query);
	const sceneWords = words(o.keywords.join(' '));
	const overlap = (description: string) => {
		const d = words(description);
		if (d.size === 0 || queryWords.size === 0) return 0;
		const q = [...queryWords].filter((w) => d.has(w)).length / queryWords.size;
		const s = sceneWords.size === 0 ? 0 : [...sceneWords].filter((w) => d.has(w)).length / sceneWords.size;
		return 0.7 * q + 0.3 * s;
	};
	const score = (c: Omit<PexelsCandidate, 'score' | 'scores'>, index: number): PexelsCandidate => {
		const scale = Math.max(o.target.width / c.file.width, o.target.height / c.file.height);
		const scores = {
			aspect: aspectScore(c.file, o.target),
			resolution: scale <= 1 ? 1 : 1 / scale,
			duration: c.durationMs === null ? 0.7 : Math.max(0.3, Math.min(1, c.durationMs / Math.max(1, o.sceneDurationMs))),
			overlap: overlap(c.description),
			rank: 1 / (1 + 0.15 * index),
		};
		const total = 0.35 * scores.aspect + 0.25 * scores.resolution + 0.15 * scores.duration + 0.2 * scores.overlap + 0.05 * scores.rank;
		return {...c, score: total, scores};
	};
	const out: PexelsCandidate[] = [];
	(o.videos ?? []).forEach((v, i) => {
		const file = pickVideoFile(v, o.target);
		if (!file) return;
		out.push(
			score(
				{
					kind: 'video',
					id: v.id,
					key: `video:${v.id}`,
					pageUrl: v.url,
					author: v.user.name,
					authorUrl: v.user.url,
					description: slugWords(v.url),
					durationMs: v.duration * 1000,
					file,
				},
				i,
			),
		);
	});
	(o.photos ?? []).forEach((p, i) => {
		const file = pickPhotoSrc(p, o.target);
		if (!file) return;
		out.push(
			score(
				{
					kind: 'photo',
					id: p.id,
					key: `photo:${p.id}`,
					pageUrl: p.url,
					author: p.photographer,
					authorUrl: p.photographer_url,
					description: p.alt?.trim() || slugWords(p.url),
					durationMs: null,
					file,
				},
				i,
			),
		);
	});
	return out
		.filter((c) => !o.used.has(c.key) && c.scores.aspect >= MIN_ASPECT_SCORE && c.scores.resolution >= MIN_RESOLUTION_SCORE)
		.sort((a, b) => b.score - a.score);
};
