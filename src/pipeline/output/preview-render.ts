import type {IncomingMessage} from 'node:http';
import {computeTimeline, frameSize, type Storyboard} from '../../compositions/storyboard';
import {planCompletion} from '../complete';
import {guardedRequest} from '../media';
import {localMediaPaths, resolveQuality, type Quality} from '../render';
import {checkStoryboardWithWarnings} from './check-storyboard';
import {estimateRenderTime, type RenderTimeEstimate} from './estimate-render-time';

export type RemoteMediaCheck = {path: string; src: string; ok: boolean; status: number | null; message: string | null};

/** What a render of a storyboard would do, found without rendering (`promptreel validate`, `dryRun`). */
export type RenderPreview = {
	valid: true;
	title: string;
	template: string;
	language: string;
	scenes: number;
	/** Length as the storyboard stands; scenes voiced now may change it (their durationSource says how). */
	durationMs: number;
	quality: Quality;
	width: number;
	height: number;
	frames: number;
	/** Ids of the scenes a render voices (no audio yet, or made from another text, voice or rate). */
	toVoice: string[];
	/** Ids of the scenes whose audio a render keeps. */
	reused: string[];
	/** Ids of the procedural scenes a render illustrates. */
	toIllustrate: string[];
	/** The voice new audio is made with. */
	voice: string;
	/** Local media found (relative paths). */
	localMedia: number;
	/** https media, each checked by a HEAD request (not downloaded). A failed one is replaced at render time, with a warning. */
	remoteMedia: RemoteMediaCheck[];
	estimate: RenderTimeEstimate;
	warnings: {code: string; path: string; message: string}[];
};

export type PreviewRenderOptions = {
	storyboard: unknown;
	source?: string | undefined;
	/** Folder relative media resolve against. */
	mediaDir: string;
	quality: Quality;
	voice?: string | undefined;
	rate?: number | undefined;
	preferredVoice?: string | undefined;
	allowUnknownKeys?: boolean | undefined;
	/** PROMPTREEL_ALLOW_PRIVATE_URLS: https media may be on loopback and private addresses. */
	allowPrivateNetwork?: boolean | undefined;
	/** HEAD every https media (default true). */
	checkRemote?: boolean;
	signal?: AbortSignal | undefined;
};

const remoteRefs = (sb: Storyboard): {path: string; src: string}[] => {
	const refs: {path: string; src: string}[] = [];
	sb.scenes.forEach((s, i) => {
		if (s.visual.kind !== 'procedural') refs.push({path: `scenes.${i}.visual.src`, src: s.visual.src});
		else if (s.visual.icon) refs.push({path: `scenes.${i}.visual.icon`, src: s.visual.icon});
		if (s.narration.audio) refs.push({path: `scenes.${i}.narration.audio`, src: s.narration.audio});
	});
	if (sb.music) refs.push({path: 'music.src', src: sb.music.src});
	return refs.filter((r) => /^https?:\/\//i.test(r.src));
};

/** One HEAD request through the guarded client (public addresses only), 10 s at most. */
const head = (src: string, o: PreviewRenderOptions): Promise<{status: number | null; message: string | null}> =>
	new Promise((resolve) => {
		const signal = AbortSignal.any([AbortSignal.timeout(10_000), ...(o.signal ? [o.signal] : [])]);
		try {
			const req = guardedRequest(
				{url: new URL(src), method: 'HEAD', headers: {'user-agent': 'promptreel'}, signal, allowPrivateNetwork: o.allowPrivateNetwork},
				(res: IncomingMessage) => {
					res.resume();
					const status = res.statusCode ?? null;
					resolve({status, message: status !== null && status >= 200 && status < 400 ? null : `answered HTTP ${status}`});
				},
			);
			req.on('error', (error) => resolve({status: null, message: error.message}));
			req.end();
		} catch (error) {
			resolve({status: null, message: error instanceof Error ? error.message : String(error)});
		}
	});

/**
 * Checks a storyboard like a render would (schema, template, local media; https media by a HEAD)
 * and says what the render would do: scenes to voice and reuse, pictures to add, length, size and
 * an estimated render time from measured speeds. Throws what a render would throw for bad input.
 */
export const previewRender = async (o: PreviewRenderOptions): Promise<RenderPreview> => {
	const {storyboard, warnings} = checkStoryboardWithWarnings({
		storyboard: o.storyboard,
		source: o.source,
		mediaDir: o.mediaDir,
		allowUnknownKeys: o.allowUnknownKeys,
	});
	const plan = planCompletion({storyboard, voice: o.voice, rate: o.rate, preferredVoice: o.preferredVoice});
	const timeline = computeTimeline(storyboard);
	const size = resolveQuality(o.quality, frameSize(storyboard.format));
	const remote = remoteRefs(storyboard);
	const remoteMedia: RemoteMediaCheck[] =
		o.checkRemote === false
			? []
			: await Promise.all(
					remote.map(async (r) => {
						const answer = await head(r.src, o);
						return {...r, ...answer, ok: answer.message === null};
					}),
				);
	const ids = (indexes: number[]) => indexes.map((i) => storyboard.scenes[i]!.id);
	const toVoice = new Set(plan.toVoice);
	return {
		valid: true,
		title: storyboard.title,
		template: storyboard.template,
		language: storyboard.language,
		scenes: storyboard.scenes.length,
		durationMs: timeline.durationMs,
		quality: o.quality,
		width: size.width,
		height: size.height,
		frames: timeline.durationInFrames,
		toVoice: ids(plan.toVoice),
		reused: storyboard.scenes.filter((s, i) => !toVoice.has(i) && s.narration.audio !== null).map((s) => s.id),
		toIllustrate: ids(plan.toIllustrate),
		voice: plan.voice,
		localMedia: new Set(localMediaPaths(storyboard)).size,
		remoteMedia,
		estimate: estimateRenderTime({frames: timeline.durationInFrames, width: size.width, height: size.height}),
		warnings: [...warnings, ...(plan.warning && plan.toVoice.length > 0 ? [{...plan.warning, path: 'scenes'}] : [])],
	};
};
