import type {Pool} from 'pg';
import {ASSET_ID} from '../asset-refs';
import type {AssetStore} from '../job-store';
import type {AssetRecord} from '../job-types';
import {assetFromRow, assetToRow, type AssetRow} from '../sqlite-asset-store';
import {rows} from './open-pg-pool';

const COLUMNS = [
	'id',
	'kind',
	'content_type',
	'file_name',
	'bytes',
	'sha256',
	'original_name',
	'duration_ms',
	'width',
	'height',
	'created_at',
] as const;

/** Uploaded assets' metadata in Postgres (see AssetStore); the same content uploaded twice keeps the first record. */
export const openPostgresAssetStore = (pool: Pool, ready: Promise<unknown>): AssetStore => {
	const get = async (id: string): Promise<AssetRecord | null> => {
		if (!ASSET_ID.test(id)) return null;
		await ready;
		const [row] = await rows<AssetRow>(pool, 'SELECT * FROM assets WHERE id = $1', [id]);
		return row ? assetFromRow(row) : null;
	};
	return {
		async insert(a) {
			await ready;
			const row = assetToRow(a);
			await pool.query(
				`INSERT INTO assets (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT (id) DO NOTHING`,
				COLUMNS.map((k) => row[k]),
			);
			return (await get(a.id))!;
		},
		get,
	};
};
