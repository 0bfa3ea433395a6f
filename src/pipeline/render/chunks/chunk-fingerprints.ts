import {createHash} from 'node:crypto';
import {computeTimeline, type Scene, type Storyboard} from '../../../compositions/storyboard';
import {mediaRefsOf} from '../../media/storyboard-media-refs';
import {type ChunkRange, sceneSpans} from './plan-chunks';
import {localSceneFieldsOf} from './scene-locality';
import {stableJson} from './stable-json';

export type ChunkFingerprintOptions = {
	storyboard: Storyboard;
	chunks: readonly ChunkRange[];
	/** Content hash of a media reference (a local file's bytes; a URL as written). */
	mediaHash: (src: string) => string;
	/**
	 * Everything of the render outside the storyboard that changes pixels or sound: the template
	 * code's hash, size, scale, fps, length, encoder settings, chunk size.
	 */
	settings: Record<string, unknown>;
};

const sha = (...parts: string[]): string => {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(part).update('\0');
	return hash.digest('hex').slice(0, 32);
};

/**
 * One fingerprint per chunk: a hash of everything that paints or sounds in its frames. A chunk's
 * frames are a function of the props and the frame number (Remotion renders each frame from
 * them), so it depends on
 * - the render settings and every storyboard field outside the scenes (title, theme, format,
 *   template options, music, captions style, end card, credits, seed), the timeline of every
 *   scene, and every scene field its template does not declare local (scene-locality.ts), with
 *   the content of the media they name: these reach every chunk;
 * - derived facts that leave a scene: every scene's last caption end when there is music (the
 *   ducking spans come from it) and every non-ASCII character of the storyboard (which font
 *   subsets load);
 * - the local fields (and their media) of each scene on screen in the chunk.
 * Conservative by design: when unsure whether something reaches a chunk, it is included.
 */
export const chunkFingerprints = (o: ChunkFingerprintOptions): string[] => {
	const sb = o.storyboard;
	const timeline = computeTimeline(sb);
	const local = new Set<string>(localSceneFieldsOf(sb.template));
	const split = (scene: Scene) => {
		const own: Record<string, unknown> = {};
		const rest: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(scene)) (local.has(key) ? own : rest)[key] = value;
		return {own, rest};
	};
	const scenes = sb.scenes.map(split);

	// Media: a scene's local field's media go with that scene; every other one reaches all chunks.
	const sceneMedia = sb.scenes.map(() => [] as string[]);
	const globalMedia: string[] = [];
	for (const ref of mediaRefsOf(structuredClone(sb))) {
		const m = /^scenes\.(\d+)\.([^.]+)/.exec(ref.path);
		const entry = `${ref.path}=${o.mediaHash(ref.src)}`;
		if (m && local.has(m[2] ?? '')) sceneMedia[Number(m[1])]?.push(entry);
		else globalMedia.push(entry);
	}

	const nonAscii = [...new Set([...JSON.stringify(sb)].filter((c) => (c.codePointAt(0) ?? 0) > 126))].sort().join('');
	const global = sha(
		stableJson({
			settings: o.settings,
			storyboard: {...sb, scenes: scenes.map((s) => s.rest)},
			timeline,
			media: globalMedia,
			lastCaptionEnds: sb.music ? sb.scenes.map((s) => s.captions[s.captions.length - 1]?.endMs ?? null) : null,
			nonAscii,
		}),
	);

	const spans = sceneSpans(sb);
	return o.chunks.map((chunk) => {
		const onScreen = spans.flatMap((span) => {
			if (span.from > chunk.to || span.to < chunk.from) return [];
			return [{index: span.index, own: scenes[span.index]?.own, media: sceneMedia[span.index]}];
		});
		return sha(global, stableJson({from: chunk.from, to: chunk.to, scenes: onScreen}));
	});
};
