import type Database from 'better-sqlite3';

/** An uploaded file. `ref` (`asset:<id>`) names it in a storyboard sent to this server. */
export type AssetRecord = {
	id: string;
	kind: 'image' | 'video' | 'audio';
	contentType: string;
	/** File name inside the data dir's assets folder: `<id>.<ext>`. */
	fileName: string;
	bytes: number;
	sha256: string;
	originalName: string | null;
	/** Measured with ffprobe at upload (video and audio). */
	durationMs: number | null;
	width: number | null;
	height: number | null;
	createdAt: number;
};

type Row = {id: string; kind: AssetRecord['kind']; content_type: string; file_name: string; bytes: number; sha256: string; original_name: string | null; duration_ms: number | null; width: number | null; height: number | null; created_at: number};

/** Ids are derived from the content: the same bytes uploaded twice are one asset. */
export const ASSET_ID = /^ast_[0-9a-f]{24}$/;
export const assetIdOf = (sha256: string) => `ast_${sha256.slice(0, 24)}`;

export type AssetStore = ReturnType<typeof openAssetStore>;

/** Uploaded assets' metadata, in the jobs database. */
export const openAssetStore = (db: Database.Database) => {
	const stmt = {
		insert: db.prepare(
			`INSERT OR IGNORE INTO assets (id, kind, content_type, file_name, bytes, sha256, original_name, duration_ms, width, height, created_at)
			VALUES (@id, @kind, @content_type, @file_name, @bytes, @sha256, @original_name, @duration_ms, @width, @height, @created_at)`,
		),
		get: db.prepare<[string], Row>('SELECT * FROM assets WHERE id = ?'),
	};
	const fromRow = (r: Row): AssetRecord => ({
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
	const get = (id: string): AssetRecord | null => {
		const row = ASSET_ID.test(id) ? stmt.get.get(id) : undefined;
		return row ? fromRow(row) : null;
	};
	return {
		/** Stores the record unless the same content is there already; returns the stored one. */
		insert(a: AssetRecord): AssetRecord {
			stmt.insert.run({
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
			return get(a.id)!;
		},
		get,
	};
};
