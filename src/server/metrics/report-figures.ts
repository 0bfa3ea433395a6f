import {readFile} from 'node:fs/promises';
import {join} from 'node:path';

/** What metrics take from a done job's report.json (README.md, "Output"). */
export type ReportFigures = {
	/** Frames rendered per second of render time; null when nothing was rendered (cache hit). */
	renderFps: number | null;
	/** The video came from the render cache. */
	renderCacheHit: boolean;
	/** Scenes voiced in the run from the voice cache, and voiced in all. */
	voiceCacheHits: number;
	voiced: number;
	/** Dollars a Lambda render accrued; 0 when it rendered elsewhere. */
	lambdaCostUsd: number;
};

type ReportLike = {
	video?: {durationMs?: number; fps?: number; frames?: number} | null;
	renderTimingsMs?: Record<string, number>;
	cacheHit?: boolean | null;
	completion?: {voiced?: string[]; voiceCacheHits?: string[]} | null;
	lambda?: {costUsd?: number} | null;
};

/** Reads the figures of a finished run from its report.json; null when it has none (a custom runner). */
export const readReportFigures = async (outputDir: string): Promise<ReportFigures | null> => {
	let report: ReportLike;
	try {
		report = JSON.parse(await readFile(join(outputDir, 'report.json'), 'utf8')) as ReportLike;
	} catch {
		return null;
	}
	const renderMs = report.renderTimingsMs?.render;
	const video = report.video;
	const frames = video?.frames ?? (video?.durationMs && video.fps ? Math.round((video.durationMs / 1000) * video.fps) : undefined);
	return {
		renderFps: renderMs && frames ? frames / (renderMs / 1000) : null,
		renderCacheHit: report.cacheHit === true,
		voiceCacheHits: report.completion?.voiceCacheHits?.length ?? 0,
		voiced: report.completion?.voiced?.length ?? 0,
		lambdaCostUsd: report.lambda?.costUsd ?? 0,
	};
};
