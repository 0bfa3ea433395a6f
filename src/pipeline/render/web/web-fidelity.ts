import {mkdir} from 'node:fs/promises';
import {join} from 'node:path';
import {findTemplate, templateIds} from '../../../compositions/registry';
import type {Storyboard} from '../../../compositions/storyboard';
import {UnknownTemplateError, PromptreelError} from '../../errors';
import {projectRoot} from '../../project-root';
import type {Quality} from '../quality';
import type {RenderedVideo, Renderer} from '../renderer';
import {framePsnr, type FramePsnr} from './frame-psnr';

/**
 * A template runs on the web renderer only if every compared frame is at least this close (dB), in
 * YUV PSNR (FramePsnr.psnr: the measure `ffmpeg -lavfi psnr` gives for video; RGB is reported too).
 */
export const WEB_PSNR_THRESHOLD_DB = 38;

/**
 * How the gate encodes both videos: near-lossless, so that PSNR measures how the two renderers
 * paint and not two lossy H.264 encoders' noise (at the draft preset's bitrates a busy clip scores
 * ~24 dB against itself encoded the other way). The capture reference takes PNG frames: Chrome's
 * JPEG screenshot is 4:2:0 even at quality 100, so a JPEG reference has its chroma subsampled
 * twice (screenshot, then encoder) where the web renderer's has it once; and it subsamples chroma
 * by a 2x2 box, as WebCodecs' encoder does (`boxFilteredChroma`), so that saturated pixel art does
 * not fail the gate on the two encoders' chroma filters (docs/web-fidelity.md). Pass these to
 * createLocalRenderer's `encoding` and createWebRenderer's `bitsPerPixel` for the renderers given
 * to webFidelity.
 */
export const GATE_ENCODING = {capture: {crf: 8, jpegQuality: 100, imageFormat: 'png', chroma: 'box'}, webBitsPerPixel: 2} as const;

export type FidelityVerdict = {
	passed: boolean;
	comparedFrames: number;
	minPsnr: number;
	meanPsnr: number;
	worstFrame: number;
	/** Frames under the threshold. */
	framesBelow: number;
	/** The lowest RGB PSNR of any frame (reported beside the YUV figure, not judged). */
	minRgbPsnr: number;
};

/** The gate itself: passes only if there are frames and every one is >= the threshold. */
export const judgeFidelity = (frames: FramePsnr[], thresholdDb = WEB_PSNR_THRESHOLD_DB): FidelityVerdict => {
	if (frames.length === 0)
		return {passed: false, comparedFrames: 0, minPsnr: 0, meanPsnr: 0, worstFrame: -1, framesBelow: 0, minRgbPsnr: 0};
	let worst = frames[0] as FramePsnr;
	let sum = 0;
	let below = 0;
	let minRgbPsnr = Number.POSITIVE_INFINITY;
	for (const f of frames) {
		if (f.psnr < worst.psnr) worst = f;
		minRgbPsnr = Math.min(minRgbPsnr, f.rgbPsnr);
		// Identical frames are Infinity: cap them so the mean stays a number.
		sum += Math.min(f.psnr, 100);
		if (f.psnr < thresholdDb) below++;
	}
	return {
		passed: below === 0,
		comparedFrames: frames.length,
		minPsnr: worst.psnr,
		meanPsnr: sum / frames.length,
		worstFrame: worst.frame,
		framesBelow: below,
		minRgbPsnr,
	};
};

export type WebFidelityResult = FidelityVerdict & {
	template: string;
	sample: string;
	quality: Quality;
	webFile: string;
	captureFile: string;
	/** What the web renderer returned (a WebRenderedVideo from createWebRenderer). */
	webVideo: RenderedVideo;
	webMs: number;
	captureMs: number;
	frames: number;
	fps: number;
};

/**
 * Renders a template's sample both ways (web renderer and capture renderer) and compares every
 * frame by PSNR. The caller passes both renderers (so they are reused across samples) and a
 * folder for the two videos; the web renderer must not fall back to capture for this template.
 * `storyboard` replaces the sample (a short fixture for tests); `sample` then only names the files.
 */
export const webFidelity = async (options: {
	template: string;
	sample: string;
	storyboard?: Storyboard;
	web: Renderer;
	capture: Renderer;
	outDir: string;
	quality?: Quality;
	thresholdDb?: number;
	signal?: AbortSignal;
	/** A capture render of the same sample and quality made earlier (e.g. for the other painter): not rendered again. */
	captureFile?: string;
}): Promise<WebFidelityResult> => {
	const template = findTemplate(options.template);
	if (!template) throw new UnknownTemplateError(options.template, templateIds);
	const storyboard = options.storyboard ?? template.samples[options.sample];
	if (!storyboard) {
		throw new PromptreelError(
			'INVALID_OPTION',
			`Template "${options.template}" has no sample "${options.sample}". Its samples: ${Object.keys(template.samples).join(', ')}`,
		);
	}
	const quality = options.quality ?? 'draft';
	// Samples name their media relative to public/ (samples/..., music/...).
	const mediaDir = join(projectRoot(), 'public');
	await mkdir(options.outDir, {recursive: true});
	const base = join(options.outDir, `${options.template}-${options.sample}-${quality}`);
	const common = {storyboard, mediaDir, quality, signal: options.signal};
	const web = await options.web.renderVideo({...common, outFile: `${base}-web.mp4`});
	const capture = options.captureFile
		? {file: options.captureFile, renderMs: 0, frames: web.frames, fps: web.fps}
		: await options.capture.renderVideo({...common, outFile: `${base}-capture.mp4`});
	const verdict = judgeFidelity(await framePsnr({file: web.file, reference: capture.file}), options.thresholdDb);
	return {
		...verdict,
		template: options.template,
		sample: options.sample,
		quality,
		webFile: web.file,
		captureFile: capture.file,
		webVideo: web,
		webMs: web.renderMs,
		captureMs: capture.renderMs,
		frames: capture.frames,
		fps: capture.fps,
	};
};
