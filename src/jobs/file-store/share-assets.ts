import {stat} from 'node:fs/promises';
import {join} from 'node:path';
import type {AssetStore} from '../job-store';
import type {FileStore} from './file-store';

/**
 * Makes sure a stored file (an uploaded asset) is in this server's data dir, fetching it from
 * the shared store when another server received it. False when neither has it.
 */
export const ensureLocalFile = async (o: {files: FileStore; dataDir: string; key: string}): Promise<boolean> => {
	const local = join(o.dataDir, o.key);
	if (await stat(local).catch(() => null)) return true;
	return o.files.download(o.key, local);
};

/**
 * Uploaded and made assets shared through the file store: a record is stored only after its file
 * is in the store, and an asset looked up on a server that does not have its file yet fetches it
 * (`assets/<file>` in the data dir is the local copy the pipeline reads). The data dir alone
 * needs no sharing: the store is returned as it is.
 */
export const shareAssets = (o: {assets: AssetStore; files: FileStore; dataDir: string}): AssetStore => {
	if (o.files.kind === 'local') return o.assets;
	return {
		async insert(asset) {
			const key = `assets/${asset.fileName}`;
			await o.files.putFile({key, file: join(o.dataDir, key), contentType: asset.contentType});
			return o.assets.insert(asset);
		},
		async get(id) {
			const asset = await o.assets.get(id);
			if (asset) await ensureLocalFile({files: o.files, dataDir: o.dataDir, key: `assets/${asset.fileName}`});
			return asset;
		},
	};
};
