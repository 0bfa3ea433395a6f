import type {Storyboard} from '../../compositions/storyboard';

/** What a media field holds: the content types a download for it accepts follow from it. */
export type MediaRefKind = 'image' | 'video' | 'audio' | 'font';

/** One media reference of a storyboard, with a setter to point it elsewhere (a local copy). */
export type MediaRef = {
	/** Dotted path, e.g. `scenes.0.narration.audio`, `theme.logo`. */
	path: string;
	/** Human name, e.g. `scenes.0 ("intro") narration`, `music`. */
	where: string;
	/** The scene it belongs to, or null (theme, music). */
	sceneId: string | null;
	kind: MediaRefKind;
	src: string;
	set: (next: string) => void;
	/** Removes the reference when its media cannot be had, and says what shows instead. */
	drop: () => string;
};

type Visual = Storyboard['scenes'][number]['visual'];

const visualRefs = (visual: Visual, path: string, where: string, sceneId: string, replace: (v: Visual | null) => string): MediaRef[] => {
	if (visual.kind === 'video' || visual.kind === 'image') {
		return [
			{path: `${path}.src`, where, sceneId, kind: visual.kind, src: visual.src, set: (s) => (visual.src = s), drop: () => replace(null)},
		];
	}
	const refs: MediaRef[] = [];
	const icon = visual.icon;
	if (icon) {
		refs.push({
			path: `${path}.icon`,
			where: `${where} icon`,
			sceneId,
			kind: 'image',
			src: icon,
			set: (s) => (visual.icon = s),
			drop: () => ((visual.icon = null), 'the scene shows no icon'),
		});
	}
	visual.extraIcons.forEach((src, k) => {
		const current = () => visual.extraIcons.indexOf(src);
		refs.push({
			path: `${path}.extraIcons.${k}`,
			where: `${where} extra icon ${k + 1}`,
			sceneId,
			kind: 'image',
			src,
			set: (s) => (visual.extraIcons[current()] = s),
			drop: () => (visual.extraIcons.splice(current(), 1), 'the icon is left out'),
		});
	});
	return refs;
};

/**
 * Every media reference of a storyboard: scene visuals, icons and extra icons, shot visuals,
 * narration audio, music, the brand logo and font. The one list the render (media server, missing
 * files), the localize step (https media downloaded before the render) and the jobs' media policy
 * read, so a field added to the schema is guarded everywhere at once.
 */
export const mediaRefsOf = (sb: Storyboard): MediaRef[] => {
	const refs: MediaRef[] = [];
	sb.scenes.forEach((scene, i) => {
		const where = `scenes.${i} ("${scene.id}")`;
		refs.push(
			...visualRefs(scene.visual, `scenes.${i}.visual`, `${where} visual`, scene.id, () => {
				scene.visual = {kind: 'procedural', style: 'orbs', icon: null, extraIcons: []};
				return 'the scene shows a procedural background instead';
			}),
		);
		scene.shots.forEach((shot, j) => {
			if (!shot.visual) return;
			refs.push(
				...visualRefs(shot.visual, `scenes.${i}.shots.${j}.visual`, `${where} shot ${j + 1} visual`, scene.id, () => {
					shot.visual = null;
					// A shot that would change nothing is not valid: it goes.
					if (!shot.keyPhrase && !shot.camera) scene.shots.splice(scene.shots.indexOf(shot), 1);
					return 'the shot keeps the picture before it';
				}),
			);
		});
		const narration = scene.narration;
		if (narration.audio) {
			refs.push({
				path: `scenes.${i}.narration.audio`,
				where: `${where} narration`,
				sceneId: scene.id,
				kind: 'audio',
				src: narration.audio,
				set: (s) => (narration.audio = s),
				drop: () => {
					narration.audio = null;
					narration.voicedText = null;
					narration.voice = null;
					return 'the scene has no recorded narration';
				},
			});
		}
	});
	const music = sb.music;
	if (music) {
		refs.push({
			path: 'music.src',
			where: 'music',
			sceneId: null,
			kind: 'audio',
			src: music.src,
			set: (s) => (music.src = s),
			drop: () => ((sb.music = null), 'the video has no music'),
		});
	}
	const theme = sb.theme;
	if (theme.logo) {
		refs.push({
			path: 'theme.logo',
			where: 'theme logo',
			sceneId: null,
			kind: 'image',
			src: theme.logo,
			set: (s) => (theme.logo = s),
			drop: () => ((theme.logo = null), 'the video shows no logo'),
		});
	}
	if (theme.fontFile) {
		refs.push({
			path: 'theme.fontFile',
			where: 'theme font',
			sceneId: null,
			kind: 'font',
			src: theme.fontFile,
			set: (s) => (theme.fontFile = s),
			drop: () => ((theme.fontFile = null), `the text uses ${theme.fontFamily} instead`),
		});
	}
	return refs;
};

/** An http(s) URL rather than a path relative to the storyboard's folder. */
export const isRemoteMedia = (src: string): boolean => /^https?:\/\//i.test(src);
