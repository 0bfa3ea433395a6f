import {existsSync} from 'node:fs';
import {join} from 'node:path';
import type {Storyboard} from '../../compositions/storyboard';
import {MissingMediaError} from '../errors';
import {projectRoot} from '../project-root';

const isUrl = (src: string) => /^https?:\/\//i.test(src);

type MediaRef = {where: string; src: string; set: (next: string) => void};

/** Every media reference of a storyboard with a setter (scene visuals, icons, narration, music). */
const mediaRefs = (sb: Storyboard): MediaRef[] => {
	const refs: MediaRef[] = [];
	sb.scenes.forEach((scene, i) => {
		const where = `scenes.${i} ("${scene.id}")`;
		const visual = scene.visual;
		if (visual.kind === 'video' || visual.kind === 'image') {
			refs.push({where: `${where} visual`, src: visual.src, set: (s) => (visual.src = s)});
		} else if (visual.icon) {
			refs.push({where: `${where} icon`, src: visual.icon, set: (s) => (visual.icon = s)});
		}
		const narration = scene.narration;
		if (narration.audio) refs.push({where: `${where} narration`, src: narration.audio, set: (s) => (narration.audio = s)});
	});
	const music = sb.music;
	if (music) refs.push({where: 'music', src: music.src, set: (s) => (music.src = s)});
	return refs;
};

/**
 * The folders relative media paths resolve against, in order: the storyboard's own folder, then
 * promptreel's public/ folder (bundled samples, music and icons).
 */
export const mediaSearchPath = (mediaDir: string): string[] => [mediaDir, join(projectRoot(), 'public')];

/** The file a relative media path resolves to, or null. */
export const findLocalMedia = (src: string, mediaDir: string): string | null =>
	mediaSearchPath(mediaDir)
		.map((dir) => join(dir, src))
		.find((path) => existsSync(path)) ?? null;

/** Relative media paths of a storyboard that resolve nowhere -> MissingMediaError naming the scene. */
export const assertLocalMediaExist = (sb: Storyboard, mediaDir: string): void => {
	for (const ref of mediaRefs(sb)) {
		if (isUrl(ref.src)) continue;
		if (!findLocalMedia(ref.src, mediaDir)) throw new MissingMediaError(ref.where, ref.src, join(mediaDir, ref.src));
	}
};

/**
 * A copy of the storyboard whose relative media paths point at `baseUrl` (the media server's
 * mount of the storyboard folder). Only for the render's input props: never stored.
 */
export const withMediaBaseUrl = (sb: Storyboard, baseUrl: string): Storyboard => {
	const copy = structuredClone(sb);
	for (const ref of mediaRefs(copy)) {
		if (!isUrl(ref.src)) ref.set(new URL(ref.src.split('/').map(encodeURIComponent).join('/'), baseUrl).toString());
	}
	return copy;
};

/** Relative media paths of a storyboard (to copy a storyboard's folder elsewhere). */
export const localMediaPaths = (sb: Storyboard): string[] =>
	mediaRefs(sb)
		.map((r) => r.src)
		.filter((s) => !isUrl(s));

/**
 * A copy of the storyboard with each relative media path replaced by `urlOf(path)` (the Lambda
 * renderer's presigned URLs). Only for a render's input props: never stored.
 */
export const withMediaUrls = (sb: Storyboard, urlOf: (src: string) => string): Storyboard => {
	const copy = structuredClone(sb);
	for (const ref of mediaRefs(copy)) {
		if (!isUrl(ref.src)) ref.set(urlOf(ref.src));
	}
	return copy;
};
