import {join} from 'node:path';
import {openBrowser, renderMedia, type HeadlessBrowser} from '@remotion/renderer';
import {templates} from '../../compositions/registry';
import {frameSize, storyboardSchema, type Storyboard} from '../../compositions/storyboard';
import {renderStoryboard} from '../../pipeline/output';
import {CHROMIUM_OPTIONS, createLocalRenderer, resolveQuality, startMediaServer} from '../../pipeline/render';
import {mountRenderMedia} from '../../pipeline/render/frame-sized-media';
import type {MediaServer} from '../../pipeline/render/media-server';
import type {Quality} from '../../pipeline/render/quality';

const BARE_ID = 'bench-bare';
const VISUALS_ID = 'bench-visuals';

/**
 * One template's landscape sample against the bare composition and against the sample's picture
 * floor (its pictures alone), each as the median of the runs' ratios.
 */
export type TemplateBenchRow = {
	template: string;
	frames: number;
	width: number;
	height: number;
	fps: number[];
	bareFps: number[];
	visualsFps: number[];
	/** template / bare: the target (>= 0.9). */
	ratio: number;
	/** picture floor / bare: what the sample's media cost before any design. */
	floorRatio: number;
	/** template / picture floor: what the template's own design costs over its pictures. */
	overFloor: number;
};

const median = (xs: number[]): number => {
	const s = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** What every baseline render of the bench needs: the bundle, the open browser, size, preset and output. */
type BaselineRender = {
	serveUrl: string;
	browser: HeadlessBrowser;
	browserExecutable: string;
	size: {width: number; height: number; fps: number; frames: number};
	quality: Quality;
	outFile: string;
};

/** A bench composition rendered like ours: same encoder settings, concurrency 1, an open browser; returns fps. */
const baselineFps = async (o: BaselineRender & {id: string; props: Record<string, unknown>}): Promise<number> => {
	const composition = {
		id: o.id,
		width: o.size.width,
		height: o.size.height,
		fps: o.size.fps,
		durationInFrames: o.size.frames,
		defaultProps: o.props,
		props: o.props,
		defaultCodec: null,
		defaultOutName: null,
		defaultVideoImageFormat: null,
		defaultPixelFormat: null,
		defaultProResProfile: null,
		defaultSampleRate: null,
	};
	const q = resolveQuality(o.quality, composition);
	const started = performance.now();
	await renderMedia({
		serveUrl: o.serveUrl,
		composition,
		inputProps: o.props,
		codec: 'h264',
		colorSpace: 'bt709',
		outputLocation: o.outFile,
		overwrite: true,
		puppeteerInstance: o.browser,
		browserExecutable: o.browserExecutable,
		chromiumOptions: CHROMIUM_OPTIONS,
		scale: q.scale,
		imageFormat: 'jpeg',
		jpegQuality: q.jpegQuality,
		crf: q.crf,
		x264Preset: q.x264Preset,
		concurrency: 1,
		logLevel: 'error',
	});
	return o.size.frames / ((performance.now() - started) / 1000);
};

/**
 * The bare composition (solid colour + frame number) of a size and length, rendered like ours
 * (same encoder settings, concurrency 1, an open browser); its metadata is the input props, so
 * no page load is timed, as our renderer resolves compositions in Node.
 */
export const bareFps = async (o: BaselineRender): Promise<number> => {
	const props = {width: o.size.width, height: o.size.height, fps: o.size.fps, durationInFrames: o.size.frames};
	return baselineFps({...o, id: BARE_ID, props});
};

/**
 * A sample's picture floor (`bench-visuals`: each scene's picture full frame, cut, nothing else)
 * rendered like bare, its media served and frame-sized as our renderer serves them.
 */
export const visualsFps = async (
	o: BaselineRender & {mediaServer: MediaServer; storyboard: Storyboard; mediaDir: string; cacheDir: string},
): Promise<number> => {
	const {base, inputProps} = await mountRenderMedia({
		server: o.mediaServer,
		storyboard: o.storyboard,
		mediaDir: o.mediaDir,
		quality: o.quality,
		cacheDir: o.cacheDir,
	});
	try {
		return await baselineFps({...o, id: VISUALS_ID, props: inputProps});
	} finally {
		o.mediaServer.unmount(base);
	}
};

/**
 * Every template's landscape sample through the one render path, each run interleaved with a bare
 * render of the same size and length (issue: ratios vary run to run, so each row is the median of
 * the runs' ratios). docs/templates.md: a template should cost no more than 10% over bare.
 */
export const benchTemplates = async (o: {
	root: string;
	serveUrl: string;
	cacheDir: string;
	outDir: string;
	browserExecutable: string;
	quality: Quality;
	runs: number;
	only?: readonly string[];
	log: (line: string) => void;
}): Promise<TemplateBenchRow[]> => {
	const chosen = templates.filter((t) => !o.only || o.only.includes(t.id));
	const rows = new Map<string, TemplateBenchRow>();
	const renderer = createLocalRenderer({cacheDir: o.cacheDir, browserExecutable: o.browserExecutable});
	const browser = await openBrowser('chrome', {
		browserExecutable: o.browserExecutable,
		chromiumOptions: CHROMIUM_OPTIONS,
		logLevel: 'error',
	});
	const mediaServer = await startMediaServer();
	try {
		for (let run = 1; run <= o.runs; run++) {
			for (const template of chosen) {
				const sample = template.samples.landscape ?? Object.values(template.samples)[0]!;
				const mediaDir = join(o.root, 'src/compositions/templates', template.id, 'samples');
				const outDir = join(o.outDir, `${template.id}-${run}`);
				// The render path every command uses; force: the render cache must not answer.
				const rendered = await renderStoryboard({
					storyboard: sample,
					mediaDir,
					outDir,
					quality: o.quality,
					renderer,
					dataDir: o.cacheDir,
					force: true,
				});
				const video = rendered.report.video;
				const renderMs = rendered.report.renderTimingsMs.render;
				if (!video?.frames || !video.width || !video.height || renderMs === undefined) throw new Error(`${template.id}: no render timing.`);
				const fps = video.frames / (renderMs / 1000);
				const bare = await bareFps({
					serveUrl: o.serveUrl,
					browser,
					browserExecutable: o.browserExecutable,
					// The sample's full size with the same preset: the same scale, JPEG quality and encoder settings.
					size: {...frameSize(sample.format), fps: video.fps, frames: video.frames},
					quality: o.quality,
					outFile: join(outDir, 'bare.mp4'),
				});
				const floor = await visualsFps({
					serveUrl: o.serveUrl,
					browser,
					browserExecutable: o.browserExecutable,
					mediaServer,
					storyboard: storyboardSchema.parse(sample),
					mediaDir,
					cacheDir: o.cacheDir,
					size: {...frameSize(sample.format), fps: video.fps, frames: video.frames},
					quality: o.quality,
					outFile: join(outDir, 'visuals.mp4'),
				});
				const row = rows.get(template.id) ?? {
					template: template.id,
					frames: video.frames,
					width: video.width,
					height: video.height,
					fps: [],
					bareFps: [],
					visualsFps: [],
					ratio: 0,
					floorRatio: 0,
					overFloor: 0,
				};
				row.fps.push(fps);
				row.bareFps.push(bare);
				row.visualsFps.push(floor);
				row.ratio = median(row.fps.map((f, i) => f / row.bareFps[i]!));
				row.floorRatio = median(row.visualsFps.map((f, i) => f / row.bareFps[i]!));
				row.overFloor = median(row.fps.map((f, i) => f / row.visualsFps[i]!));
				rows.set(template.id, row);
				o.log(
					`  run ${run}/${o.runs} ${template.id}: ${fps.toFixed(2)} fps, bare ${bare.toFixed(2)} fps, pictures alone ${floor.toFixed(2)} fps; ratio ${(fps / bare).toFixed(2)}, floor ${(floor / bare).toFixed(2)}`,
				);
			}
		}
	} finally {
		await mediaServer.close();
		await renderer.close();
		await browser.close({silent: true}).catch(() => undefined);
	}
	return [...rows.values()];
};
