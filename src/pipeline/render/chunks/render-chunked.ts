import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {type FfmpegOverrideFn, RenderInternals, renderMedia, type RenderMediaOptions} from '@remotion/renderer';
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
	/** The longest a chunk may be (for the stats). */
	framesPerChunk: number;
	/** Null: nothing is reused or kept. */
	cache: ChunkCache | null;
	/** Reuse cached chunks (false renders every chunk again and stores it). */
	reuse: boolean;
	onProgress?: (p: RenderProgress) => void;
	signal?: AbortSignal;
};

export type ChunkedRenderStats = {
	framesPerChunk: number;
	total: number;
	rendered: number;
	reused: number;
	/** renderMedia calls: one per run of neighbouring chunks that had to be rendered. */
	renders: number;
};

/** Audio sample rate of Remotion's renders (and of every chunk's WAV). */
const SAMPLE_RATE = 48_000;

type Missing = {chunk: ChunkRange; fingerprint: string; files: ChunkFiles};

/** Groups chunks to render into runs of neighbours, each rendered by one renderMedia. */
export const runsOfNeighbours = <T extends {chunk: ChunkRange}>(missing: readonly T[]): T[][] => {
	const runs: T[][] = [];
	for (const m of missing) {
		const run = runs.at(-1);
		const last = run?.at(-1);
		if (run && last && last.chunk.index + 1 === m.chunk.index) run.push(m);
		else runs.push([m]);
	}
	return runs;
};

const ff = (media: ChunkMediaOptions, args: string[]) =>
	RenderInternals.callFf({
		bin: 'ffmpeg',
		args: ['-hide_banner', '-loglevel', 'error', ...args],
		indent: false,
		logLevel: media.logLevel ?? 'error',
		binariesDirectory: media.binariesDirectory ?? null,
		cancelSignal: media.cancelSignal,
	});

/**
 * The run's x264 encode, after any other override: a keyframe at each of `frames` (counted from
 * the run's start), so the run splits into its chunks without re-encoding.
 */
const splittableRun =
	(frames: readonly number[], inner: FfmpegOverrideFn | undefined): FfmpegOverrideFn =>
	(o) => {
		const args = inner ? inner(o) : o.args;
		const preset = args.indexOf('-preset');
		if (preset < 0) return args;
		const keyframes = frames.length > 0 ? ['-force_key_frames', `expr:${frames.map((n) => `eq(n,${n})`).join('+')}`] : [];
		return [...args.slice(0, preset + 2), ...keyframes, ...args.slice(preset + 2)];
	};

/**
 * Cuts a run's MP4 into one MPEG-TS file per chunk at the keyframes placed on the boundaries,
 * without re-encoding (Annex B start codes, as a chunk rendered alone), and its WAV into one WAV
 * per chunk, sample-exact. Remotion's ffmpeg has no segment muxer: the MP4 is opened once per
 * chunk, seeked a quarter frame past the chunk's first frame (a stream copy starts at the keyframe
 * before, the chunk's own) and cut after the chunk's frame count.
 */
const splitRun = async (o: {media: ChunkMediaOptions; run: Missing[]; mp4: string; wav: string; fps: number}) => {
	const first = o.run[0]!.chunk.from;
	const inputs = o.run.flatMap((m) => ['-ss', ((m.chunk.from - first + 0.25) / o.fps).toFixed(6), '-i', o.mp4]);
	// Remotion encodes into Matroska first (millisecond timestamps: 33, 33, 34 ms at 30 fps) and
	// copies that into the MP4; each timestamp goes back to its frame's exact time in 1/90000 s.
	const onFrameGrid = (ts: string) => `round(round(${ts}*TB*${o.fps})*90000/${o.fps})`;
	const outputs = o.run.flatMap((m, i) => [
		'-map',
		`${i}:v:0`,
		'-frames:v',
		String(m.chunk.to - m.chunk.from + 1),
		'-c',
		'copy',
		'-bsf:v',
		`h264_mp4toannexb,setts=time_base=1/90000:pts=${onFrameGrid('PTS')}:dts=${onFrameGrid('DTS')}`,
		'-f',
		'mpegts',
		'-y',
		m.files.video,
	]);
	const samplesPerFrame = SAMPLE_RATE / o.fps;
	const audio = o.run.flatMap((m) => [
		'-map',
		`${o.run.length}:a:0`,
		'-af',
		`atrim=start_sample=${Math.round((m.chunk.from - first) * samplesPerFrame)}:end_sample=${Math.round((m.chunk.to + 1 - first) * samplesPerFrame)},asetpts=N/SR/TB`,
		'-c:a',
		'pcm_s16le',
		'-y',
		m.files.audio,
	]);
	await ff(o.media, [...inputs, '-i', o.wav, ...outputs, ...audio]);
};

/**
 * Joins chunk files into the output: the MPEG-TS videos byte by byte (as combineChunks does for
 * h264), the WAVs one after the other encoded once to AAC (Remotion's 320 kbit/s, 18 kHz cutoff),
 * with the composition's exact frame rate.
 */
const joinChunks = async (o: {media: ChunkMediaOptions; files: ChunkFiles[]; outFile: string; work: string; fps: number}) => {
	const list = join(o.work, 'audio-files.txt');
	await writeFile(list, o.files.map((f) => `file '${f.audio.replaceAll("'", "'\\''")}'`).join('\n'));
	await ff(o.media, [
		'-i',
		`concat:${o.files.map((f) => f.video).join('|')}`,
		'-f',
		'concat',
		'-safe',
		'0',
		'-i',
		list,
		'-map',
		'0:v:0',
		'-map',
		'1:a:0',
		'-c:v',
		'copy',
		'-c:a',
		'aac',
		'-cutoff',
		'18000',
		'-b:a',
		'320k',
		'-r',
		String(o.fps),
		'-movflags',
		'faststart',
		'-y',
		o.outFile,
	]);
};

/**
 * Renders a video chunk by chunk, each chunk cached as h264 in MPEG-TS with its audio apart as
 * WAV, and joins them. Neighbouring chunks that must be rendered are rendered together, by one
 * renderMedia with a keyframe on each chunk boundary, and cut apart after without re-encoding:
 * a first render is one renderMedia like a one-pass render, and an edit re-renders the chunks it
 * reaches in one go. Audio is cut sample-exact and encoded once for the whole video, so joins do
 * not click.
 */
export const renderChunked = async (o: RenderChunkedOptions): Promise<ChunkedRenderStats> => {
	const work = await mkdtemp(join(tmpdir(), 'promptreel-chunks-'));
	const fps = o.media.composition.fps;
	try {
		const files: ChunkFiles[] = [];
		const missing: Missing[] = [];
		for (const chunk of o.chunks) {
			const fingerprint = o.fingerprints[chunk.index];
			if (fingerprint === undefined) throw new Error(`No fingerprint for chunk ${chunk.index}.`);
			const cached = o.reuse && o.cache ? await o.cache.take(fingerprint, work) : null;
			if (cached) files.push(cached);
			else {
				const target = {video: join(work, `${chunk.index}.ts`), audio: join(work, `${chunk.index}.wav`)};
				missing.push({chunk, fingerprint, files: target});
				files.push(target);
			}
		}

		const runs = runsOfNeighbours(missing);
		const missingFrames = missing.reduce((n, m) => n + m.chunk.to - m.chunk.from + 1, 0);
		let doneFrames = 0;
		o.onProgress?.({stage: 'rendering', progress: 0});
		for (const run of runs) {
			if (o.signal?.aborted) throw new Error('cancelled');
			const [first, last] = [run[0]!.chunk, run.at(-1)!.chunk];
			const mp4 = join(work, `run-${first.index}.mp4`);
			const wav = join(work, `run-${first.index}.wav`);
			// As MP4: Remotion encodes `h264` while it captures (parallel encoding), not `h264-ts`.
			await renderMedia({
				...o.media,
				codec: 'h264',
				audioCodec: 'pcm-16',
				outputLocation: mp4,
				separateAudioTo: wav,
				enforceAudioTrack: true,
				frameRange: [first.from, last.to],
				compositionStart: 0,
				overwrite: true,
				ffmpegOverride: splittableRun(
					run.slice(1).map((m) => m.chunk.from - first.from),
					o.media.ffmpegOverride,
				),
				onProgress: (p) => o.onProgress?.({stage: 'rendering', progress: (doneFrames + p.renderedFrames) / Math.max(1, missingFrames)}),
			});
			await splitRun({media: o.media, run, mp4, wav, fps});
			await Promise.all([rm(mp4, {force: true}), rm(wav, {force: true})]);
			doneFrames += last.to - first.from + 1;
			for (const m of run) await o.cache?.store(m.fingerprint, m.files);
		}

		o.onProgress?.({stage: 'encoding', progress: 0});
		await joinChunks({media: o.media, files, outFile: o.outFile, work, fps});
		o.onProgress?.({stage: 'encoding', progress: 1});
		await o.cache?.evict(new Set(o.fingerprints));
		return {
			framesPerChunk: o.framesPerChunk,
			total: o.chunks.length,
			rendered: missing.length,
			reused: o.chunks.length - missing.length,
			renders: runs.length,
		};
	} finally {
		await rm(work, {recursive: true, force: true}).catch(() => undefined);
	}
};
