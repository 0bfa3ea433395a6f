import type {IssueDetail} from '../pipeline/errors';
import type {AssetStore} from './job-store';
import type {AssetRecord} from './job-types';

/** Ids are derived from the content: the same bytes uploaded twice are one asset. */
export const ASSET_ID = /^ast_[0-9a-f]{24}$/;
export const assetIdOf = (sha256: string) => `ast_${sha256.slice(0, 24)}`;

/** `asset:<id>` as returned by POST /v1/assets. */
export const ASSET_REF = /^asset:(ast_[0-9a-f]{24})$/;
/** Where an asset sits relative to a job's media folder (and how a rewritten storyboard names it). */
export const ASSET_PATH = /^assets\/(ast_[0-9a-f]{24})\.[a-z0-9]{2,5}$/;
export const assetPath = (asset: AssetRecord) => `assets/${asset.fileName}`;

type Field = {path: string; holder: Record<string, unknown>; key: string; kinds: AssetRecord['kind'][]};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Media fields of an unparsed storyboard, with the asset kinds each may hold. */
const mediaFields = (sb: Record<string, unknown>, prefix: string): Field[] => {
	const fields: Field[] = [];
	if (Array.isArray(sb.scenes)) {
		sb.scenes.forEach((scene: unknown, i) => {
			if (!isObject(scene)) return;
			if (isObject(scene.visual) && (scene.visual.kind === 'image' || scene.visual.kind === 'video')) {
				fields.push({path: `${prefix}.scenes.${i}.visual.src`, holder: scene.visual, key: 'src', kinds: [scene.visual.kind]});
			}
			// A completed storyboard (POST /v1/storyboards/complete) names its illustrations as assets too.
			if (isObject(scene.visual) && scene.visual.kind === 'procedural') {
				fields.push({path: `${prefix}.scenes.${i}.visual.icon`, holder: scene.visual, key: 'icon', kinds: ['image']});
			}
			if (isObject(scene.narration))
				fields.push({path: `${prefix}.scenes.${i}.narration.audio`, holder: scene.narration, key: 'audio', kinds: ['audio', 'video']});
		});
	}
	if (isObject(sb.music)) fields.push({path: `${prefix}.music.src`, holder: sb.music, key: 'src', kinds: ['audio', 'video']});
	return fields;
};

/**
 * Rewrites the `asset:<id>` references of a storyboard in a request body (before it is parsed:
 * the storyboard schema takes https URLs and relative paths only) to `assets/<id>.<ext>`, which
 * the job runner copies into the job's folder. A video visual without `durationMs` gets the
 * length measured at upload. Unknown ids and the wrong kind of media are issues naming the path.
 */
export const rewriteAssetRefs = async (body: unknown, assets: Pick<AssetStore, 'get'>, prefix = 'storyboard'): Promise<IssueDetail[]> => {
	if (!isObject(body) || !isObject(body.storyboard)) return [];
	const issues: IssueDetail[] = [];
	for (const f of mediaFields(body.storyboard, prefix)) {
		const value = f.holder[f.key];
		if (typeof value !== 'string') continue;
		const match = ASSET_REF.exec(value);
		if (!match) continue;
		const asset = await assets.get(match[1]!);
		if (!asset) {
			issues.push({
				path: f.path,
				message: `No asset "${match[1]}" on this server: upload the file with POST /v1/assets and use the ref it returns.`,
			});
			continue;
		}
		if (!f.kinds.includes(asset.kind)) {
			issues.push({
				path: f.path,
				message: `Asset ${asset.id} is ${asset.kind} (${asset.contentType}); this field takes ${f.kinds.join(' or ')}.`,
			});
			continue;
		}
		f.holder[f.key] = assetPath(asset);
		if (f.key === 'src' && f.holder.kind === 'video' && f.holder.durationMs === undefined && asset.durationMs)
			f.holder.durationMs = asset.durationMs;
		if (f.key === 'src' && !('kind' in f.holder) && f.holder.durationMs === undefined && asset.durationMs)
			f.holder.durationMs = asset.durationMs;
	}
	return issues;
};
