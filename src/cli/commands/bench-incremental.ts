import {join} from 'node:path';
import {templates} from '../../compositions/registry';
import {computeTimeline, type Storyboard} from '../../compositions/storyboard';
import {createLocalRenderer, DEFAULT_CHUNK_SECONDS, type Quality} from '../../pipeline/render';
import {framePsnr} from '../../pipeline/render/web';

export type IncrementalBench = {
	frames: number;
	width: number;
	height: number;
	chunkSeconds: number;
	/** One-pass render of the storyboard (today's path), ms. */
	onePassMs: number;
	/** First chunked render (empty chunk cache), ms. */
	chunkedMs: number;
	/** Chunked re-render after scene 3's title was edited, ms. */
	editMs: number;
	chunks: {total: number; rendered: number; reused: number};
	/** Mean PSNR (dB) of the edited re-render against a one-pass render of the edited storyboard. */
	psnr: number;
	minPsnr: number;
};

/**
 * The fixed bench storyboard: 60 s in 6 scenes of 10 s (the explainer's landscape sample's
 * scenes, pictures, narration, captions and music, each used twice), fades of 0.5 s, a 3 s end card.
 */
export const incrementalBenchStoryboard = (): Storyboard => {
	const sample = templates.find((t) => t.id === 'explainer')!.samples.landscape!;
	const scenes = [0, 1, 2, 3, 4, 5].map((i) => {
		const scene = structuredClone(sample.scenes[i % sample.scenes.length]!);
		return {
			...scene,
			id: `${scene.id}-${i + 1}`,
			title: `${scene.title} (${i + 1})`,
			durationMs: 10_000,
			transition: {type: 'fade' as const, direction: 'from-right' as const, durationMs: 500},
		};
	});
	return {...structuredClone(sample), scenes, endCard: {...sample.endCard, durationMs: 3000}};
};

/**
 * Incremental re-render (issue #17 item 2), in one process: the bench storyboard rendered in one
 * pass and in chunks (empty chunk cache), then scene 3's title edited and re-rendered in chunks,
 * compared by PSNR with a one-pass render of the edited storyboard.
 */
export const benchIncremental = async (o: {
	root: string;
	cacheDir: string;
	outDir: string;
	browserExecutable: string;
	quality: Quality;
	chunkSeconds?: number;
	log: (line: string) => void;
}): Promise<IncrementalBench> => {
	const chunkSeconds = o.chunkSeconds ?? DEFAULT_CHUNK_SECONDS;
	const mediaDir = join(o.root, 'src/compositions/templates/explainer/samples');
	const storyboard = incrementalBenchStoryboard();
	const edited = structuredClone(storyboard);
	edited.scenes[2]!.title = 'An edited title for scene 3';
	const common = {cacheDir: o.cacheDir, browserExecutable: o.browserExecutable};
	const onePass = createLocalRenderer({...common, chunkSeconds: null});
	const chunked = createLocalRenderer({...common, chunkSeconds, chunkCacheDir: join(o.outDir, 'chunk-cache')});
	const render = async (renderer: typeof onePass, sb: Storyboard, name: string) => {
		const result = await renderer.renderVideo({storyboard: sb, mediaDir, outFile: join(o.outDir, `${name}.mp4`), quality: o.quality});
		o.log(
			`  ${name}: ${(result.renderMs / 1000).toFixed(1)} s${result.chunks ? ` (${result.chunks.rendered}/${result.chunks.total} chunks rendered in ${result.chunks.renders ?? result.chunks.rendered} renders)` : ''}`,
		);
		return result;
	};
	try {
		// Each renderer opens its browser and loads the bundle once before anything is timed.
		for (const [renderer, name] of [
			[onePass, 'warm-one-pass'],
			[chunked, 'warm-chunked'],
		] as const)
			await renderer.renderPoster({storyboard, mediaDir, outFile: join(o.outDir, `${name}.jpg`), quality: o.quality, frame: 0});
		const full = await render(onePass, storyboard, 'one-pass');
		const first = await render(chunked, storyboard, 'chunked');
		const edit = await render(chunked, edited, 'edited-chunked');
		const reference = await render(onePass, edited, 'edited-one-pass');
		const psnr = await framePsnr({file: edit.file, reference: reference.file});
		const values = psnr.map((f) => Math.min(f.psnr, 100));
		return {
			frames: computeTimeline(storyboard).durationInFrames,
			width: full.width,
			height: full.height,
			chunkSeconds,
			onePassMs: full.renderMs,
			chunkedMs: first.renderMs,
			editMs: edit.renderMs,
			chunks: edit.chunks ?? {total: 0, rendered: 0, reused: 0},
			psnr: values.reduce((a, b) => a + b, 0) / Math.max(1, values.length),
			minPsnr: Math.min(...values),
		};
	} finally {
		await Promise.all([onePass.close(), chunked.close()]);
	}
};
