import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {combineChunks, RenderInternals, renderMedia, type RenderMediaOptions} from '@remotion/renderer';
import type {RenderProgress} from '../renderer';
import type {ChunkCache, ChunkFiles} from './chunk-cache';
import type {ChunkRange} from './plan-chunks';

/** What each chunk's renderMedia shares with a whole-video render: everything but the output. */
export type ChunkMediaOptions = Omit<
	RenderMediaOptions,
	'codec' | 'outputLocation' | 'frameRange' | 'onProgress' | 'separateAudioTo' | 'audioCodec' | 'forSeamlessAacConcatenation'
>;

export type RenderChunkedOptions = {
	media: ChunkMediaOptions;
	outFile: string;
	chunks: readonly ChunkRange[];
	/** One per chunk (chunkFingerprints). */
	fingerprints: readonly string[];
	framesPerChunk: number;
	/** Null: nothing is reused or kept. */
	cache: ChunkCache | null;
	/** Reuse cached chunks (false renders every chunk again and stores it). */
	reuse: boolean;
	onProgress?: (p: RenderProgress) => void;
	signal?: AbortSignal;
};

export type ChunkedRenderStats = {framesPerChunk: number; total: number; rendered: number; reused: number};

/**
 * Rewraps a chunk's H.264 from MP4 into MPEG-TS without re-encoding (Annex B start codes, as
 * combineChunks joins TS chunks byte by byte), with Remotion's own ffmpeg.
 */
const remuxToTs = async (o: {from: string; to: string; media: ChunkMediaOptions}) => {
	await RenderInternals.callFf({
		bin: 'ffmpeg',
		args: [
			'-hide_banner',
			'-loglevel',
			'error',
			'-i',
			o.from,
			'-map',
			'0:v:0',
			'-c',
			'copy',
			'-bsf:v',
			'h264_mp4toannexb',
			'-f',
			'mpegts',
			'-y',
			o.to,
		],
		indent: false,
		logLevel: o.media.logLevel ?? 'error',
		binariesDirectory: o.media.binariesDirectory ?? null,
		cancelSignal: o.media.cancelSignal,
	});
};

/**
 * Renders a video chunk by chunk and joins the chunks with combineChunks, the way Remotion Lambda
 * does (@remotion/serverless handlers/renderer.js): each chunk is h264 in MPEG-TS (joined without
 * re-encoding) with its audio apart as AAC made for seamless concatenation (padding that
 * combineChunks trims, so joins do not click), every chunk with an audio track. Cached chunks are
 * taken as they are; the rest are rendered and stored.
 */
export const renderChunked = async (o: RenderChunkedOptions): Promise<ChunkedRenderStats> => {
	const work = await mkdtemp(join(tmpdir(), 'promptreel-chunks-'));
	try {
		const files: ChunkFiles[] = [];
		const missing: {chunk: ChunkRange; fingerprint: string; slot: number}[] = [];
		for (const chunk of o.chunks) {
			const fingerprint = o.fingerprints[chunk.index];
			if (fingerprint === undefined) throw new Error(`No fingerprint for chunk ${chunk.index}.`);
			const cached = o.reuse && o.cache ? await o.cache.take(fingerprint, work) : null;
			if (cached) files.push(cached);
			else {
				missing.push({chunk, fingerprint, slot: files.length});
				files.push({video: join(work, `${chunk.index}.ts`), audio: join(work, `${chunk.index}.aac`)});
			}
		}

		const missingFrames = missing.reduce((n, m) => n + m.chunk.to - m.chunk.from + 1, 0);
		let doneFrames = 0;
		o.onProgress?.({stage: 'rendering', progress: 0});
		for (const m of missing) {
			if (o.signal?.aborted) throw new Error('cancelled');
			const target = files[m.slot]!;
			// As MP4 first: Remotion encodes `h264` while it captures (parallel encoding) but renders
			// `h264-ts` frames to disk and encodes them after; the rewrap to TS is a copy.
			const mp4 = join(work, `${m.chunk.index}.mp4`);
			await renderMedia({
				...o.media,
				codec: 'h264',
				audioCodec: 'aac',
				outputLocation: mp4,
				separateAudioTo: target.audio,
				forSeamlessAacConcatenation: true,
				enforceAudioTrack: true,
				frameRange: [m.chunk.from, m.chunk.to],
				compositionStart: 0,
				overwrite: true,
				onProgress: (p) => o.onProgress?.({stage: 'rendering', progress: (doneFrames + p.renderedFrames) / Math.max(1, missingFrames)}),
			});
			await remuxToTs({from: mp4, to: target.video, media: o.media});
			await rm(mp4, {force: true});
			doneFrames += m.chunk.to - m.chunk.from + 1;
			await o.cache?.store(m.fingerprint, target);
		}

		o.onProgress?.({stage: 'encoding', progress: 0});
		await combineChunks({
			outputLocation: o.outFile,
			videoFiles: files.map((f) => f.video),
			audioFiles: files.map((f) => f.audio),
			codec: 'h264',
			audioCodec: 'aac',
			fps: o.media.composition.fps,
			framesPerChunk: o.framesPerChunk,
			preferLossless: false,
			compositionDurationInFrames: o.media.composition.durationInFrames,
			cancelSignal: o.media.cancelSignal,
			logLevel: o.media.logLevel,
			onProgress: (p) => o.onProgress?.({stage: 'encoding', progress: p.totalProgress}),
		});
		o.onProgress?.({stage: 'encoding', progress: 1});
		await o.cache?.evict(new Set(o.fingerprints));
		return {framesPerChunk: o.framesPerChunk, total: o.chunks.length, rendered: missing.length, reused: o.chunks.length - missing.length};
	} finally {
		await rm(work, {recursive: true, force: true}).catch(() => undefined);
	}
};
