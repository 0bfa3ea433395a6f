import type Database from 'better-sqlite3';
import {ASSET_ID} from './asset-refs';
import type {AssetStore} from './job-store';
import type {AssetRecord} from './job-types';

/** A row of `assets` (SQLite and Postgres). */
export type AssetRow = {
	id: string;
	kind: AssetRecord['kind'];
	content_type: string;
	file_name: string;
	bytes: number;
	sha256: string;
	original_name: string | null;
	duration_ms: number | null;
	width: number | null;
	height: number | null;
	created_at: number;
};

/** An `assets` row as an AssetRecord. */
export const assetFromRow = (r: AssetRow): AssetRecord => ({
	id: r.id,
	kind: r.kind,
	contentType: r.content_type,
	fileName: r.file_name,
	bytes: r.bytes,
	sha256: r.sha256,
	originalName: r.original_name,
	durationMs: r.duration_ms,
	width: r.width,
	height: r.height,
	createdAt: r.created_at,
});

/** Uploaded assets' metadata in the SQLite jobs database (see AssetStore). */
export const openSqliteAssetStore = (db: Database.Database): AssetStore => {
	const stmt = {
		insert: db.prepare(
			`INSERT OR IGNORE INTO assets (id, kind, content_type, file_name, bytes, sha256, original_name, duration_ms, width, height, created_at)
			VALUES (@id, @kind, @content_type, @file_name, @bytes, @sha256, @original_name, @duration_ms, @width, @height, @created_at)`,
		),
		get: db.prepare<[string], AssetRow>('SELECT * FROM assets WHERE id = ?'),
	};
	const get = (id: string): AssetRecord | null => {
		const row = ASSET_ID.test(id) ? stmt.get.get(id) : undefined;
		return row ? assetFromRow(row) : null;
	};
	return {
		async insert(a) {
			stmt.insert.run(assetToRow(a));
			return get(a.id)!;
		},
		get: async (id) => get(id),
	};
};

/** An AssetRecord as the values of its `assets` row. */
export const assetToRow = (a: AssetRecord): AssetRow => ({
	id: a.id,
	kind: a.kind,
	content_type: a.contentType,
	file_name: a.fileName,
	bytes: a.bytes,
	sha256: a.sha256,
	original_name: a.originalName,
	duration_ms: a.durationMs,
	width: a.width,
	height: a.height,
	created_at: a.createdAt,
});
