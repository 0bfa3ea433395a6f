import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loadConfig} from '../../app';
import {projectRoot} from '../../pipeline/project-root';
import {
	assertKnownTemplate,
	bundleProject,
	createLocalRenderer,
	createWebRenderer,
	resolveBrowserExecutableSync,
} from '../../pipeline/render';
import {BrowserNotFoundError} from '../../pipeline/errors';
import {benchGenerate} from './bench-generate';
import {appendRow} from './bench-results-file';
import {benchMemory} from './bench-memory';
import {benchIncremental} from './bench-incremental';
import {benchTemplates} from './bench-templates';

/**
 * `promptreel bench`: figures as ratios against a baseline measured in the same process, so a
 * noisy machine still gives comparable numbers. Never fails on time.
 */
export const BENCH_PARTS = ['templates', 'incremental', 'generate', 'memory'] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];
/** Renderers the generate and memory parts measure: capture (Remotion's renderMedia) and web (in the page, capture for templates failing its gate). */
export const BENCH_RENDERERS = ['capture', 'web'] as const;
export type BenchRenderer = (typeof BENCH_RENDERERS)[number];

export const benchCommand = async (opts: {
	quality: 'standard' | 'draft';
	runs: number;
	templates?: string[];
	/** Parts to run (default all). */
	parts?: readonly BenchPart[];
	/** Chunk length of the incremental part (default the renderer's). */
	chunkSeconds?: number;
	/** Renderers of the generate and memory parts (default both). */
	renderers?: readonly BenchRenderer[];
}): Promise<number> => {
	const runs = (part: BenchPart) => !opts.parts || opts.parts.includes(part);
	const config = loadConfig();
	const log = (s: string) => process.stdout.write(`${s}\n`);
	const browserExecutable = config.browserExecutable ?? resolveBrowserExecutableSync();
	if (!browserExecutable) throw new BrowserNotFoundError('bench needs a browser');
	const root = projectRoot();
	for (const id of opts.templates ?? []) assertKnownTemplate(id);
	const renderers = opts.renderers ?? BENCH_RENDERERS;

	// 1. Bundling: cold (empty cache dir) then cached (same dir, found on disk by source hash).
	const coldDir = await mkdtemp(join(tmpdir(), 'promptreel-bench-'));
	const cold = await bundleProject({cacheDir: coldDir});
	const cached = await bundleProject({cacheDir: coldDir});
	log(`bundle: cold ${(cold.ms / 1000).toFixed(1)} s, cached ${cached.ms.toFixed(0)} ms`);

	// 2. Every template's sample through our render path against bare Remotion of the same size
	// and length, interleaved run by run; each ratio is the median over the runs.
	if (runs('templates')) log(`templates: ${opts.runs} interleaved run(s) each against bare Remotion…`);
	const rows = !runs('templates')
		? []
		: await benchTemplates({
				root,
				serveUrl: cold.serveUrl,
				cacheDir: coldDir,
				outDir: join(coldDir, 'out'),
				browserExecutable,
				quality: opts.quality,
				runs: opts.runs,
				only: opts.templates,
				log,
			});
	const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
	const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
	if (rows.length > 0) {
		log(
			'\n| template | size | frames | fps | bare fps | ratio (target >= 0.90) | pictures alone fps | pictures / bare | template / pictures |\n|---|---|---|---|---|---|---|---|---|',
		);
	}
	for (const r of rows) {
		const cells = [
			r.template,
			`${r.width}x${r.height}`,
			r.frames,
			medianOf(r.fps).toFixed(2),
			medianOf(r.bareFps).toFixed(2),
			r.ratio.toFixed(2),
			medianOf(r.visualsFps).toFixed(2),
			r.floorRatio.toFixed(2),
			r.overFloor.toFixed(2),
		];
		log(`| ${cells.join(' | ')} |`);
		await appendRow(join(root, 'bench/template-results.md'), {
			date,
			template: r.template,
			size: `${r.width}x${r.height}`,
			frames: r.frames,
			fps: medianOf(r.fps).toFixed(2),
			'bare fps': medianOf(r.bareFps).toFixed(2),
			ratio: r.ratio.toFixed(2),
			'pictures fps': medianOf(r.visualsFps).toFixed(2),
			'pictures / bare': r.floorRatio.toFixed(2),
			'template / pictures': r.overFloor.toFixed(2),
			runs: r.fps.length,
		});
	}
	const rssMb = process.resourceUsage().maxRSS / 1024;
	const explainer = rows.find((r) => r.template === 'explainer');
	if (explainer) {
		await appendRow(join(root, 'bench/results.md'), {
			date,
			size: `${explainer.width}x${explainer.height}`,
			frames: explainer.frames,
			'explainer fps': medianOf(explainer.fps).toFixed(2),
			'bare fps': medianOf(explainer.bareFps).toFixed(2),
			ratio: explainer.ratio.toFixed(2),
			'bundle cold s': (cold.ms / 1000).toFixed(1),
			'bundle cached ms': cached.ms.toFixed(0),
			'peak RSS MB (node only)': rssMb.toFixed(0),
		});
	}

	// 3. Incremental re-render: the 60 s bench storyboard, scene 3's title edited.
	if (runs('incremental')) {
		log('incremental: 60 s, 6 scenes; one pass, chunked, scene 3 title edited…');
		const inc = await benchIncremental({
			root,
			cacheDir: coldDir,
			outDir: join(coldDir, 'incremental'),
			browserExecutable,
			quality: opts.quality,
			chunkSeconds: opts.chunkSeconds,
			log,
		});
		const editRatio = inc.editMs / inc.onePassMs;
		const chunkedCost = inc.chunkedMs / inc.onePassMs - 1;
		log(
			`incremental: ${inc.width}x${inc.height}, ${inc.frames} frames, ${inc.chunkSeconds} s chunks: one pass ${(inc.onePassMs / 1000).toFixed(1)} s, chunked ${(inc.chunkedMs / 1000).toFixed(1)} s (${(chunkedCost * 100).toFixed(1)}%, target <= 5%), edit re-render ${(inc.editMs / 1000).toFixed(1)} s = ${(editRatio * 100).toFixed(1)}% of one pass (target <= 25%; ${inc.chunks.rendered}/${inc.chunks.total} chunks rendered), PSNR ${inc.psnr.toFixed(1)} dB (min ${inc.minPsnr.toFixed(1)}; target >= 40)`,
		);
		await appendRow(join(root, 'bench/incremental-results.md'), {
			date,
			size: `${inc.width}x${inc.height}`,
			frames: inc.frames,
			'chunk s': inc.chunkSeconds,
			'one pass s': (inc.onePassMs / 1000).toFixed(1),
			'chunked s': (inc.chunkedMs / 1000).toFixed(1),
			'chunked cost': `${(chunkedCost * 100).toFixed(1)}%`,
			'edit s': (inc.editMs / 1000).toFixed(1),
			'edit / one pass': `${(editRatio * 100).toFixed(1)}%`,
			'chunks rendered': `${inc.chunks.rendered}/${inc.chunks.total}`,
			'PSNR dB': inc.psnr.toFixed(1),
			'min PSNR dB': inc.minPsnr.toFixed(1),
		});
	}

	// 4. The whole pipeline on ~30 s of English narration, cold voice and render caches, per renderer.
	const createRendererFor = (renderer: BenchRenderer) => () =>
		renderer === 'web'
			? createWebRenderer({cacheDir: coldDir, browserExecutable, licenseKey: config.remotionLicenseKey ?? null})
			: createLocalRenderer({cacheDir: coldDir, browserExecutable});
	for (const renderer of runs('generate') ? renderers : []) {
		log(`generate (${renderer}): ~30 s English script, cold caches…`);
		const gen = await benchGenerate({quality: opts.quality, createRenderer: createRendererFor(renderer)});
		const stage = (name: string) => ((gen.stagesMs[name] ?? 0) / 1000).toFixed(1);
		const target = renderer === 'web' ? 1.0 : 2.0;
		log(
			`generate (${renderer}): ${gen.videoSec.toFixed(1)} s of video in ${gen.totalSec.toFixed(1)} s (planning ${stage('planning')} s, voicing ${stage('voicing')} s, fetching ${stage('fetching')} s, rendering ${stage('rendering')} s)`,
		);
		log(
			`generate (${renderer}): total / video length ${gen.totalOverVideo.toFixed(2)} (target <= ${target.toFixed(1)} at 720p); pipeline overhead / render time ${(gen.overheadOfRender * 100).toFixed(1)}% (target <= 15%)`,
		);
		await appendRow(join(root, 'bench/generate-results.md'), {
			date,
			renderer,
			quality: opts.quality,
			'video s': gen.videoSec.toFixed(1),
			'total s': gen.totalSec.toFixed(1),
			'planning s': stage('planning'),
			'voicing s': stage('voicing'),
			'fetching s': stage('fetching'),
			'rendering s': stage('rendering'),
			'total / video': gen.totalOverVideo.toFixed(2),
			'overhead / render': `${(gen.overheadOfRender * 100).toFixed(1)}%`,
		});
	}

	// 5. Peak memory of whole renders: node, Chromium and ffmpeg together (summed PSS), per renderer.
	for (const renderer of runs('memory') ? renderers : []) {
		log(`memory (${renderer}): whole renders, node and all its child processes (summed PSS)…`);
		const memory = await benchMemory({createRenderer: createRendererFor(renderer), log});
		const short = memory.find((m) => m.label === '1 min at 360p');
		const long = memory.find((m) => m.label === '4 min at 360p');
		const hd = memory.find((m) => m.quality === 'high');
		if (hd)
			log(
				`memory (${renderer}): 60 s at 1080p peak ${hd.peakMb.toFixed(0)} MB (target <= 1536 MB), rendered in ${hd.renderSec.toFixed(0)} s${renderer === 'web' ? ' (target <= 150 s)' : ''}`,
			);
		if (short && long)
			log(`memory (${renderer}): 4 min / 1 min at 360p ${(long.peakMb / short.peakMb).toFixed(2)} (target: flat, <= 1.10)`);
		for (const m of memory) {
			await appendRow(join(root, 'bench/memory-results.md'), {
				date,
				renderer,
				render: m.label,
				'video s': m.videoSec.toFixed(0),
				'peak PSS MB': m.peakMb.toFixed(0),
				processes: m.processes,
				'render s': m.renderSec.toFixed(0),
			});
		}
	}
	await rm(coldDir, {recursive: true, force: true});
	return 0;
};
