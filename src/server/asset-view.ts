import type {AssetView} from './api-schemas';
import type {AssetRecord} from '../jobs';

/** The public shape of an uploaded asset, with the `asset:<id>` ref to put in storyboards. */
export const toAssetView = (a: AssetRecord): AssetView => ({
	id: a.id,
	ref: `asset:${a.id}`,
	kind: a.kind,
	contentType: a.contentType,
	bytes: a.bytes,
	sha256: a.sha256,
	durationMs: a.durationMs,
	width: a.width,
	height: a.height,
	originalName: a.originalName,
	createdAt: new Date(a.createdAt).toISOString(),
});
