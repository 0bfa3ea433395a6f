import {existsSync} from 'node:fs';
import {join} from 'node:path';
import type {Storyboard} from '../../compositions/storyboard';
import {MissingMediaError} from '../errors';
import {isRemoteMedia, mediaRefsOf} from '../media/storyboard-media-refs';
import {projectRoot} from '../project-root';

const isUrl = isRemoteMedia;

/** Every media reference of a storyboard with a setter (one list for the whole pipeline: storyboard-media-refs.ts). */
const mediaRefs = mediaRefsOf;

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
