// Runs the web fidelity gate on every template x sample and writes
// src/pipeline/render/web/web-eligibility.json, which decides which templates render on the web path.
// It also writes the worst compared frame of each template, web | capture side by side, to
// docs/web-fidelity/<template>.png (listed in docs/web-fidelity.md).
// Run: npm run web-eligibility [template ids...]   (vite-node scripts/update-web-eligibility.ts)
// With ids, only those templates are gated and the others' entries are kept from the committed file.
// WEB_GATE_SAMPLES=first gates only each template's first sample (a quicker run on a loaded machine).
// WEB_GATE_OUT=<folder> keeps the two videos of each sample there (default: <tmp>/promptreel-web-eligibility).
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
import type {WebEligibilityFile} from '../src/pipeline/render/web/web-eligibility';
import {writeSideBySide} from './web-side-by-side';

const cacheDir = join(projectRoot(), '.cache/web-eligibility');
const outDir = process.env.WEB_GATE_OUT ?? join(tmpdir(), 'promptreel-web-eligibility');
const quality = 'draft' as const;
const file = join(projectRoot(), 'src/pipeline/render/web/web-eligibility.json');
const framesDir = join(projectRoot(), 'docs/web-fidelity');
const only = process.argv.slice(2);
const firstSampleOnly = process.env.WEB_GATE_SAMPLES === 'first';
const previous: WebEligibilityFile | null = only.length > 0 && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
const web = createWebRenderer({
	cacheDir,
	captureTemplates: () => null,
	bitsPerPixel: GATE_ENCODING.webBitsPerPixel,
	licenseKey: process.env.REMOTION_LICENSE_KEY ?? null,
});
const capture = createLocalRenderer({cacheDir, encoding: GATE_ENCODING.capture});
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
		const samples: WebEligibilityFile['templates'][string]['samples'] = {};
		const failed: string[] = [];
		let worst: {psnr: number; web: string; capture: string; frame: number} | null = null;
		const names = Object.keys(template.samples);
		for (const sample of firstSampleOnly ? names.slice(0, 1) : names) {
			const r = await webFidelity({template: template.id, sample, web, capture, outDir, quality}).catch((error: Error) => error);
			if (r instanceof Error) {
				// A template the web renderer cannot render at all (e.g. a 3D transform without WebGL) fails the gate.
				samples[sample] = {minPsnr: 0, meanPsnr: 0, worstFrame: -1, framesBelow: 0, comparedFrames: 0, minRgbPsnr: 0};
				failed.push(`${sample} did not render on the web path: ${r.message.split('\n')[0]}`);
				process.stdout.write(`${template.id}/${sample}: web render failed: ${r.message.split('\n')[0]}\n`);
				continue;
			}
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
				`${template.id}/${sample}: min ${round(r.minPsnr)} dB (frame ${r.worstFrame}), mean ${round(r.meanPsnr)} dB (YUV; RGB min ${round(r.minRgbPsnr)}), ${r.framesBelow}/${r.comparedFrames} frames below ${WEB_PSNR_THRESHOLD_DB} dB\n`,
			);
			if (!r.passed) failed.push(`${sample} ${round(r.minPsnr)} dB at frame ${r.worstFrame}`);
		}
		result.templates[template.id] = {
			eligible: failed.length === 0,
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
	await Promise.all([web.close(), capture.close()]);
}
process.stdout.write(`wrote ${file}\n`);

function round(x: number): number {
	return Number.isFinite(x) ? Math.round(x * 100) / 100 : 999;
}
