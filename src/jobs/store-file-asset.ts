import {createHash, randomBytes} from 'node:crypto';
import {copyFile, mkdir, readFile, rename, rm, stat} from 'node:fs/promises';
import {extname, join} from 'node:path';
import {probeMedia} from '../pipeline/media';
import {assetIdOf} from './asset-refs';
import type {AssetStore} from './job-store';
import type {AssetRecord} from './job-types';

/** The files the pipeline makes for a storyboard, by extension (they are ours: no sniffing needed). */
const MADE_KINDS: Record<string, {kind: AssetRecord['kind']; contentType: string}> = {
	'.mp3': {kind: 'audio', contentType: 'audio/mpeg'},
	'.wav': {kind: 'audio', contentType: 'audio/wav'},
	'.m4a': {kind: 'audio', contentType: 'audio/mp4'},
	'.svg': {kind: 'image', contentType: 'image/svg+xml'},
	'.png': {kind: 'image', contentType: 'image/png'},
	'.jpg': {kind: 'image', contentType: 'image/jpeg'},
	'.jpeg': {kind: 'image', contentType: 'image/jpeg'},
	'.webp': {kind: 'image', contentType: 'image/webp'},
	'.mp4': {kind: 'video', contentType: 'video/mp4'},
	'.webm': {kind: 'video', contentType: 'video/webm'},
};

/**
 * Stores a file the pipeline made (narration, an illustration) as an asset, once per content,
 * like an upload (POST /v1/assets) but typed by its extension: a client gets it back as
 * `asset:<id>` and can fetch, preview and send it again. Null for a kind assets do not hold.
 */
export const storeFileAsset = async (o: {file: string; dir: string; assets: AssetStore; now: number}): Promise<AssetRecord | null> => {
	const ext = extname(o.file).toLowerCase();
	const type = MADE_KINDS[ext];
	if (!type) return null;
	const bytes = await readFile(o.file);
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	const id = assetIdOf(sha256);
	const existing = await o.assets.get(id);
	if (existing && (await stat(join(o.dir, existing.fileName)).catch(() => null))) return existing;
	await mkdir(o.dir, {recursive: true});
	const fileName = `${id}${ext === '.jpeg' ? '.jpg' : ext}`;
	const tmp = join(o.dir, `.${fileName}.${randomBytes(4).toString('hex')}.part`);
	try {
		await copyFile(o.file, tmp);
		const info = type.kind === 'image' ? null : await probeMedia(tmp);
		await rename(tmp, join(o.dir, fileName));
		return await o.assets.insert({
			id,
			kind: type.kind,
			contentType: type.contentType,
			fileName,
			bytes: bytes.length,
			sha256,
			originalName: null,
			durationMs: info?.durationMs ?? null,
			width: info?.width ?? null,
			height: info?.height ?? null,
			createdAt: o.now,
		});
	} finally {
		await rm(tmp, {force: true}).catch(() => undefined);
	}
};
