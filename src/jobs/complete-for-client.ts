import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, rm} from 'node:fs/promises';
import {join} from 'node:path';
import type {Storyboard} from '../compositions/storyboard';
import {completeStoryboard, isBundledMedia, type SceneCompletion} from '../pipeline/complete';
import {ASSET_PATH} from './asset-refs';
import type {JobWarning} from './job-schemas';
import type {AssetStore} from './job-store';
import {copyAssets, voiceOptionsOf, type JobProviders} from './run-job';
import {storeFileAsset} from './store-file-asset';

export type CompleteForClientResult = {
	/** The completed storyboard, its media named `asset:<id>` (or https URLs, or bundled paths such as music/calm-pad.mp3). */
	storyboard: Record<string, unknown>;
	scenes: SceneCompletion[];
	warnings: JobWarning[];
};

export type CompleteForClient = (o: {
	storyboard: Storyboard;
	options: {voice: string; rate: number};
	signal?: AbortSignal;
}) => Promise<CompleteForClientResult>;

type Ref = {get: () => string | null; set: (src: string) => void};

/** The media fields of a parsed storyboard with setters (visuals, icons, narration, music). */
const refsOf = (sb: Storyboard): Ref[] => {
	const refs: Ref[] = [];
	for (const scene of sb.scenes) {
		const v = scene.visual;
		if (v.kind === 'procedural') refs.push({get: () => v.icon, set: (s) => (v.icon = s)});
		else refs.push({get: () => v.src, set: (s) => (v.src = s)});
		const n = scene.narration;
		refs.push({get: () => n.audio, set: (s) => (n.audio = s)});
	}
	const music = sb.music;
	if (music) refs.push({get: () => music.src, set: (s) => (music.src = s)});
	return refs;
};

/**
 * Completes a storyboard for a client (POST /v1/storyboards/complete): voices and illustrates it
 * like a render would (completeStoryboard, in a scratch folder), then stores every file it names as
 * an asset, so the answer is a storyboard the client can preview (GET /v1/assets/{id}/content),
 * edit and send to POST /v1/videos, which reuses what is unchanged.
 */
export const createCompleteForClient =
	(deps: {dataDir: string; assets: AssetStore; providers?: JobProviders; now?: () => number}): CompleteForClient =>
	async ({storyboard, options, signal}) => {
		const scratchRoot = join(deps.dataDir, 'tmp');
		await mkdir(scratchRoot, {recursive: true});
		const work = await mkdtemp(join(scratchRoot, 'complete-'));
		try {
			await copyAssets(storyboard, deps.dataDir, work);
			const result = await completeStoryboard({
				storyboard,
				dir: work,
				dataDir: deps.dataDir,
				...voiceOptionsOf(options),
				preferredVoice: deps.providers?.preferredVoice,
				voiceProviders: deps.providers?.voiceProviders,
				signal,
			});
			const sb = structuredClone(result.storyboard);
			const now = (deps.now ?? Date.now)();
			for (const ref of refsOf(sb)) {
				const src = ref.get();
				if (!src || /^https?:\/\//i.test(src)) continue;
				const uploaded = ASSET_PATH.exec(src);
				if (uploaded) {
					ref.set(`asset:${uploaded[1]}`);
					continue;
				}
				const file = join(work, src);
				if (!existsSync(file) && isBundledMedia(src)) continue;
				const asset = await storeFileAsset({file, dir: join(deps.dataDir, 'assets'), assets: deps.assets, now});
				if (asset) ref.set(`asset:${asset.id}`);
			}
			return {
				storyboard: sb as unknown as Record<string, unknown>,
				scenes: result.scenes,
				warnings: result.warnings.map((w) => ({stage: w.stage, code: w.code, message: w.message})),
			};
		} finally {
			await rm(work, {recursive: true, force: true}).catch(() => undefined);
		}
	};
