// Runs the web fidelity gate on every template x sample and writes
// src/pipeline/render/web/web-eligibility.json, which decides which templates render on the web path.
// It also writes the worst compared frame of each template, web | capture side by side, to
// docs/web-fidelity/<template>.png (listed in docs/web-fidelity.md).
// Run: npm run web-eligibility [template ids...]   (vite-node scripts/update-web-eligibility.ts)
// With ids, only those templates are gated and the others' entries are kept from the committed file.
// WEB_GATE_SAMPLES=first gates only each template's first sample (a quicker run on a loaded machine).
// Each template is gated with both painters, the web renderer's own (composer) and Chromium's
// HTML-in-canvas; when both pass, each renders the first sample at 720p (quality "standard",
// product encoding, WEB_GATE_TIMING_RUNS interleaved runs, default 2, best run) and the faster one
// is kept (HTML-in-canvas only when more than 5% faster than the composer): which
// painter is faster depends on what a frame holds (docs/web-fidelity.md). The entry records the
// painter (`paint`) and, when both passed, both speeds (`paintFps`).
// WEB_GATE_PAINT=composer|html-in-canvas tries only that painter (a template that keeps its painter keeps
// the speeds its last two-painter run timed).
import {existsSync, readFileSync} from 'node:fs';
import {mkdir, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {templates} from '../src/compositions/registry';
import {projectRoot} from '../src/pipeline/project-root';
import {createLocalRenderer} from '../src/pipeline/render/local-renderer';
import {createWebRenderer} from '../src/pipeline/render/web/create-web-renderer';
import {hashWebPageSources} from '../src/pipeline/render/web/web-page-bundle';
import {GATE_ENCODING, WEB_PSNR_THRESHOLD_DB, webFidelity} from '../src/pipeline/render/web/web-fidelity';
import type {WebPaint} from '../src/pipeline/render/web/page/protocol';
import {choosePaint, type WebEligibilityFile} from '../src/pipeline/render/web/web-eligibility';
import {writeSideBySide} from './web-side-by-side';

const cacheDir = join(projectRoot(), '.cache/web-eligibility');
const outDir = process.env.WEB_GATE_OUT ?? join(tmpdir(), 'promptreel-web-eligibility');
const quality = 'draft' as const;
const file = join(projectRoot(), 'src/pipeline/render/web/web-eligibility.json');
const framesDir = join(projectRoot(), 'docs/web-fidelity');
const only = process.argv.slice(2);
const firstSampleOnly = process.env.WEB_GATE_SAMPLES === 'first';
const previous: WebEligibilityFile | null = only.length > 0 && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
// One web renderer per painter. WEB_GATE_PAINT=<painter> tries only that one.
const painters = (['composer', 'html-in-canvas'] as const).filter((p) => !process.env.WEB_GATE_PAINT || process.env.WEB_GATE_PAINT === p);
const webBy = Object.fromEntries(
	painters.map((paint) => [
		paint,
		createWebRenderer({
			cacheDir,
			captureTemplates: () => null,
			paint: () => paint,
			bitsPerPixel: GATE_ENCODING.webBitsPerPixel,
			licenseKey: process.env.REMOTION_LICENSE_KEY ?? null,
		}),
	]),
) as Record<WebPaint, ReturnType<typeof createWebRenderer>>;
// Painters are timed with the product's encoding (the gate's near-lossless one costs more to encode).
const timingBy: Partial<Record<WebPaint, ReturnType<typeof createWebRenderer>>> = {};
const timingRenderer = (paint: WebPaint) => {
	timingBy[paint] ??= createWebRenderer({
		cacheDir,
		captureTemplates: () => null,
		paint: () => paint,
		licenseKey: process.env.REMOTION_LICENSE_KEY ?? null,
	});
	return timingBy[paint];
};
const capture = createLocalRenderer({cacheDir, encoding: GATE_ENCODING.capture});
const timingRuns = Number(process.env.WEB_GATE_TIMING_RUNS ?? 2);
const result: WebEligibilityFile = {
	generatedAt: new Date().toISOString(),
	thresholdDb: WEB_PSNR_THRESHOLD_DB,
	quality,
	sourceHash: await hashWebPageSources(),
	templates: previous?.templates ?? {},
};
await mkdir(framesDir, {recursive: true});
try {
	for (const template of templates.filter((t) => only.length === 0 || only.includes(t.id))) {
		const names = Object.keys(template.samples);
		const captureFiles = new Map<string, string>();
		const results: Awaited<ReturnType<typeof gateWith>>[] = [];
		for (const paint of painters)
			results.push(await gateWith(template.id, paint, firstSampleOnly ? names.slice(0, 1) : names, captureFiles));
		const passed = results.filter((r) => r.failed.length === 0);
		// Two painters passed: the faster at 720p paints it.
		const paintFps =
			passed.length > 1
				? await timePainters(
						template.id,
						passed.map((r) => r.paint),
					)
				: undefined;
		// None passed: the last painter tried is reported (HTML-in-canvas unless WEB_GATE_PAINT says otherwise).
		const gated = choosePaint(results, paintFps);
		if (!gated) throw new Error('WEB_GATE_PAINT names no painter (composer, html-in-canvas)');
		let composerFailure = results.find((r) => r.paint === 'composer' && r.failed.length > 0)?.failed.join('; ');
		// Gated with HTML-in-canvas only: keep the composer's earlier failure from the committed file.
		const before = previous?.templates[template.id];
		if (!painters.includes('composer') && before && !before.eligible && (before.paint ?? 'composer') === 'composer') {
			composerFailure = before.reason ?? undefined;
		}
		const {failed, samples, worst, paint} = gated;
		// Gated with one painter (WEB_GATE_PAINT), the one kept before: the last timing of both still says why it was kept.
		const keptFps = !paintFps && painters.length === 1 && before?.paint === paint ? before.paintFps : undefined;
		result.templates[template.id] = {
			eligible: failed.length === 0,
			paint,
			...(paint === 'html-in-canvas' && composerFailure ? {composerFailure} : {}),
			...(paintFps ? {paintFps} : keptFps ? {paintFps: keptFps} : {}),
			reason:
				failed.length === 0
					? null
					: `Template "${template.id}" failed the web fidelity gate (< ${WEB_PSNR_THRESHOLD_DB} dB: ${failed.join('; ')}); rendered by the capture renderer`,
			samples,
		};
		if (worst) await writeSideBySide({...worst, outFile: join(framesDir, `${template.id}.png`), maxWidth: 720});
		// After each template, so a long run that is stopped keeps what it measured.
		await writeFile(file, `${JSON.stringify(result, null, '\t')}\n`);
	}
} finally {
	await Promise.all([...Object.values(webBy), ...Object.values(timingBy)].map((w) => w.close()).concat(capture.close()));
}
process.stdout.write(`wrote ${file}\n`);

/**
 * Frames per second of each painter on the template's first sample at 720p ("standard"): runs
 * interleaved painter by painter after a warm-up render of each, the best run of each.
 */
async function timePainters(templateId: string, paints: WebPaint[]): Promise<Partial<Record<WebPaint, number>>> {
	const storyboard = Object.values(templates.find((t) => t.id === templateId)?.samples ?? {})[0];
	if (!storyboard) throw new Error(`${templateId} has no sample to time`);
	const fps: Partial<Record<WebPaint, number>> = {};
	const mediaDir = join(projectRoot(), 'public');
	for (const paint of paints)
		await timingRenderer(paint).renderVideo({
			storyboard,
			mediaDir,
			quality: 'draft',
			outFile: join(outDir, paint, `${templateId}-warm.mp4`),
		});
	for (let run = 0; run < timingRuns; run++) {
		for (const paint of paints) {
			const video = await timingRenderer(paint).renderVideo({
				storyboard,
				mediaDir,
				quality: 'standard',
				outFile: join(outDir, paint, `${templateId}-timing.mp4`),
			});
			const runFps = (video.frames * 1000) / video.renderMs;
			fps[paint] = Math.max(fps[paint] ?? 0, Math.round(runFps * 10) / 10);
			process.stdout.write(`${templateId} [${paint}]: 720p timing run ${run + 1}: ${runFps.toFixed(1)} fps\n`);
		}
	}
	return fps;
}

/** One painter on the template's samples; the capture reference of each sample is rendered once and reused. */
async function gateWith(templateId: string, paint: WebPaint, sampleNames: string[], captureFiles: Map<string, string>) {
	const samples: WebEligibilityFile['templates'][string]['samples'] = {};
	const failed: string[] = [];
	let worst: {psnr: number; web: string; capture: string; frame: number} | null = null;
	for (const sample of sampleNames) {
		const r = await webFidelity({
			template: templateId,
			sample,
			web: webBy[paint],
			capture,
			outDir: join(outDir, paint),
			quality,
			captureFile: captureFiles.get(sample),
		}).catch((error: Error) => error);
		if (r instanceof Error) {
			// A template the web renderer cannot render at all (e.g. a 3D transform without WebGL) fails the gate.
			samples[sample] = {minPsnr: 0, meanPsnr: 0, worstFrame: -1, framesBelow: 0, comparedFrames: 0, minRgbPsnr: 0};
			failed.push(`${sample} did not render on the web path (${paint}): ${r.message.split('\n')[0]}`);
			process.stdout.write(`${templateId}/${sample} [${paint}]: web render failed: ${r.message.split('\n')[0]}\n`);
			continue;
		}
		captureFiles.set(sample, r.captureFile);
		if (!worst || r.minPsnr < worst.psnr) worst = {psnr: r.minPsnr, web: r.webFile, capture: r.captureFile, frame: r.worstFrame};
		samples[sample] = {
			minPsnr: round(r.minPsnr),
			meanPsnr: round(r.meanPsnr),
			worstFrame: r.worstFrame,
			framesBelow: r.framesBelow,
			comparedFrames: r.comparedFrames,
			minRgbPsnr: round(r.minRgbPsnr),
		};
		process.stdout.write(
			`${templateId}/${sample} [${paint}]: min ${round(r.minPsnr)} dB (frame ${r.worstFrame}), mean ${round(r.meanPsnr)} dB (YUV; RGB min ${round(r.minRgbPsnr)}), ${r.framesBelow}/${r.comparedFrames} frames below ${WEB_PSNR_THRESHOLD_DB} dB\n`,
		);
		if (!r.passed)
			failed.push(`${sample} ${round(r.minPsnr)} dB at frame ${r.worstFrame}${paint === 'html-in-canvas' ? ' (HTML-in-canvas)' : ''}`);
	}
	return {paint, samples, failed, worst};
}

function round(x: number): number {
	return Number.isFinite(x) ? Math.round(x * 100) / 100 : 999;
}
