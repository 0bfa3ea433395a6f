import type {StoryboardJson} from './api-types';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const mapVisual = (visual: unknown, fn: (src: string) => string): unknown => {
	if (!isObject(visual)) return visual;
	const out: Json = {...visual};
	if (typeof out.src === 'string') out.src = fn(out.src);
	if (typeof out.icon === 'string') out.icon = fn(out.icon);
	if (Array.isArray(out.extraIcons)) out.extraIcons = out.extraIcons.map((s) => (typeof s === 'string' ? fn(s) : s));
	return out;
};

/**
 * A copy of a storyboard with every media reference (narration audio, pictures, icons, shots,
 * music, logo, font file) passed through `fn`; the rest is shared. The fields are those of the
 * storyboard schema that hold a media source (docs/architecture.md, "The storyboard").
 */
export const mapMedia = (storyboard: StoryboardJson, fn: (src: string) => string): StoryboardJson => {
	const out: StoryboardJson = {...storyboard};
	out.scenes = storyboard.scenes.map((scene) => {
		const s = {...scene};
		if (isObject(s.narration) && typeof s.narration.audio === 'string') s.narration = {...s.narration, audio: fn(s.narration.audio)};
		s.visual = mapVisual(s.visual, fn) as typeof s.visual;
		if (Array.isArray(s.shots)) s.shots = s.shots.map((shot) => (isObject(shot) ? {...shot, visual: mapVisual(shot.visual, fn)} : shot));
		return s;
	});
	if (isObject(out.music) && typeof out.music.src === 'string') out.music = {...out.music, src: fn(out.music.src)};
	if (isObject(out.theme)) {
		const theme = {...out.theme};
		if (typeof theme.logo === 'string') theme.logo = fn(theme.logo);
		if (typeof theme.fontFile === 'string') theme.fontFile = fn(theme.fontFile);
		out.theme = theme;
	}
	return out;
};

/** Every media reference of a storyboard, once each. */
export const mediaRefsOf = (storyboard: StoryboardJson): string[] => {
	const refs = new Set<string>();
	mapMedia(storyboard, (src) => {
		refs.add(src);
		return src;
	});
	return [...refs];
};

/** `asset:<id>` refs (uploads and media the server made) name GET /v1/assets/{id}/content. */
export const assetPathOf = (ref: string): string | null => {
	const m = /^asset:([A-Za-z0-9_-]+)$/.exec(ref);
	return m ? `/v1/assets/${m[1]}/content` : null;
};
