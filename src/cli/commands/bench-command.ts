import {appendFile, mkdir, mkdtemp, readFile, rm} from 'node:fs/promises';
import {existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {openBrowser, renderMedia, selectComposition} from '@remotion/renderer';
import {loadConfig} from '../../app';
import {projectRoot} from '../../pipeline/project-root';
import {
	assertKnownTemplate,
	bundleProject,
	CHROMIUM_OPTIONS,
	createLocalRenderer,
	resolveBrowserExecutableSync,
	resolveQuality,
} from '../../pipeline/render';
import {BrowserNotFoundError} from '../../pipeline/errors';
import {renderStoryboard} from '../../pipeline/output';
import {benchGenerate} from './bench-generate';

const BARE_ID = 'bench-bare';

type BenchRow = Record<string, string | number>;

/**
 * `promptreel bench`: figures as ratios against a baseline measured in the same process, so a
 * noisy machine still gives comparable numbers. Never fails on time.
 */
export const benchCommand = async (opts: {quality: 'standard' | 'draft'}): Promise<number> => {
	const config = loadConfig();
	const log = (s: string) => process.stdout.write(`${s}\n`);
	const browserExecutable = config.browserExecutable ?? resolveBrowserExecutableSync();
	if (!browserExecutable) throw new BrowserNotFoundError('bench needs a browser');
	const root = projectRoot();
	const sample = assertKnownTemplate('explainer').samples.landscape;
	if (!sample) throw new Error('The explainer landscape sample is missing.');

	// 1. Bundling: cold (empty cache dir) then cached (same dir, found on disk by source hash).
	const coldDir = await mkdtemp(join(tmpdir(), 'promptreel-bench-'));
	const cold = await bundleProject({cacheDir: coldDir});
	const cached = await bundleProject({cacheDir: coldDir});
	log(`bundle: cold ${(cold.ms / 1000).toFixed(1)} s, cached ${cached.ms.toFixed(0)} ms`);

	// 2. Our explainer sample through our renderer. Both timed sections cover choosing the
	// composition and rendering it in an already open browser: a poster first opens the renderer's
	// browser and media server, as step 3 opens its browser before its clock starts.
	const renderer = createLocalRenderer({cacheDir: coldDir, browserExecutable});
	const out = join(coldDir, 'out');
	await mkdir(out, {recursive: true});
	const mediaDir = join(root, 'src/compositions/templates/explainer/samples');
	await renderer.renderPoster({storyboard: sample, mediaDir, outFile: join(out, 'warm-up.jpg'), quality: opts.quality});
	// The render path every command uses; force: the render cache must not answer.
	const rendered = await renderStoryboard({
		storyboard: sample,
		mediaDir,
		outDir: out,
		quality: opts.quality,
		renderer,
		dataDir: coldDir,
		force: true,
	});
	await renderer.close();
	const video = rendered.report.video;
	const renderMs = rendered.report.renderTimingsMs.render;
	if (!video?.frames || !video.width || !video.height || renderMs === undefined)
		throw new Error('The explainer sample was not rendered (cache answered?).');
	const ours = {frames: video.frames, width: video.width, height: video.height, fps: video.fps, renderMs};
	const oursFps = ours.frames / (ours.renderMs / 1000);
	log(
		`explainer sample: ${ours.frames} frames at ${ours.width}x${ours.height} in ${(ours.renderMs / 1000).toFixed(1)} s = ${oursFps.toFixed(2)} fps`,
	);

	// 3. Baseline: a bare composition (solid colour + number) of the same size and length.
	const browser = await openBrowser('chrome', {browserExecutable, chromiumOptions: CHROMIUM_OPTIONS, logLevel: 'error'});
	let bareFps = 0;
	try {
		const started = performance.now();
		const composition = await selectComposition({
			serveUrl: cold.serveUrl,
			id: BARE_ID,
			inputProps: {width: ours.width, height: ours.height, fps: ours.fps, durationInFrames: ours.frames},
			puppeteerInstance: browser,
			browserExecutable,
			logLevel: 'error',
		});
		const q = resolveQuality(opts.quality, composition);
		await renderMedia({
			serveUrl: cold.serveUrl,
			composition,
			inputProps: {width: ours.width, height: ours.height, fps: ours.fps, durationInFrames: ours.frames},
			codec: 'h264',
			outputLocation: join(out, 'bare.mp4'),
			puppeteerInstance: browser,
			browserExecutable,
			chromiumOptions: CHROMIUM_OPTIONS,
			imageFormat: 'jpeg',
			jpegQuality: q.jpegQuality,
			crf: q.crf,
			x264Preset: q.x264Preset,
			concurrency: 1,
			logLevel: 'error',
		});
		bareFps = composition.durationInFrames / ((performance.now() - started) / 1000);
	} finally {
		await browser.close({silent: true}).catch(() => undefined);
	}
	log(`bare composition: ${bareFps.toFixed(2)} fps`);
	const ratio = oursFps / bareFps;
	const rssMb = process.resourceUsage().maxRSS / 1024;
	log(`ratio ours/bare: ${ratio.toFixed(2)} (target >= 0.90)`);
	log(`peak RSS of the node process: ${rssMb.toFixed(0)} MB (the browser's memory is not included)`);

	const row: BenchRow = {
		date: new Date().toISOString().slice(0, 16).replace('T', ' '),
		size: `${ours.width}x${ours.height}`,
		frames: ours.frames,
		'explainer fps': oursFps.toFixed(2),
		'bare fps': bareFps.toFixed(2),
		ratio: ratio.toFixed(2),
		'bundle cold s': (cold.ms / 1000).toFixed(1),
		'bundle cached ms': cached.ms.toFixed(0),
		'peak RSS MB': rssMb.toFixed(0),
	};
	await appendRow(join(root, 'bench/results.md'), row);

	// 4. The whole pipeline on ~30 s of English narration, cold voice and render caches.
	log('generate: ~30 s English script, cold caches…');
	const gen = await benchGenerate({browserExecutable, quality: opts.quality, bundleCacheDir: coldDir});
	const stage = (name: string) => ((gen.stagesMs[name] ?? 0) / 1000).toFixed(1);
	log(
		`generate: ${gen.videoSec.toFixed(1)} s of video in ${gen.totalSec.toFixed(1)} s (planning ${stage('planning')} s, voicing ${stage('voicing')} s, fetching ${stage('fetching')} s, rendering ${stage('rendering')} s)`,
	);
	log(
		`generate: total / video length ${gen.totalOverVideo.toFixed(2)}; pipeline overhead / render time ${(gen.overheadOfRender * 100).toFixed(1)}% (target <= 15%)`,
	);
	await appendRow(join(root, 'bench/generate-results.md'), {
		date: row.date!,
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
	await rm(coldDir, {recursive: true, force: true});
	return 0;
};

const appendRow = async (file: string, row: BenchRow) => {
	const keys = Object.keys(row);
	const header = `| ${keys.join(' | ')} |\n|${keys.map(() => '---').join('|')}|\n`;
	const current = existsSync(file) ? await readFile(file, 'utf8') : '';
	const prefix = current.includes(header.split('\n')[0]!)
		? ''
		: `${current ? '\n' : '# Benchmarks\n\nAppended by `npm run bench`. Figures are ratios within one run; absolute fps are noisy on shared machines.\n\n'}${header}`;
	await appendFile(file, `${prefix}| ${keys.map((k) => row[k]).join(' | ')} |\n`);
};
