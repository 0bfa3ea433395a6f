// Runs the web fidelity gate on every template x sample and writes
// src/pipeline/render/web/web-eligibility.json, which decides which templates render on the web path.
// Run: npm run web-eligibility   (vite-node scripts/update-web-eligibility.ts)
import {writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {templates} from '../src/compositions/registry';
import {projectRoot} from '../src/pipeline/project-root';
import {createLocalRenderer} from '../src/pipeline/render/local-renderer';
import {createWebRenderer} from '../src/pipeline/render/web/create-web-renderer';
import {hashWebPageSources} from '../src/pipeline/render/web/web-page-bundle';
import {GATE_ENCODING, WEB_PSNR_THRESHOLD_DB, webFidelity} from '../src/pipeline/render/web/web-fidelity';
import type {WebEligibilityFile} from '../src/pipeline/render/web/web-eligibility';

const cacheDir = join(projectRoot(), '.cache/web-eligibility');
const outDir = join(tmpdir(), 'promptreel-web-eligibility');
const quality = 'draft' as const;
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
	templates: {},
};
try {
	for (const template of templates) {
		const samples: WebEligibilityFile['templates'][string]['samples'] = {};
		const failed: string[] = [];
		for (const sample of Object.keys(template.samples)) {
			const r = await webFidelity({template: template.id, sample, web, capture, outDir, quality});
			samples[sample] = {
				minPsnr: round(r.minPsnr),
				meanPsnr: round(r.meanPsnr),
				worstFrame: r.worstFrame,
				framesBelow: r.framesBelow,
				comparedFrames: r.comparedFrames,
			};
			process.stdout.write(
				`${template.id}/${sample}: min ${round(r.minPsnr)} dB (frame ${r.worstFrame}), mean ${round(r.meanPsnr)} dB, ${r.framesBelow}/${r.comparedFrames} frames below ${WEB_PSNR_THRESHOLD_DB} dB\n`,
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
	}
} finally {
	await Promise.all([web.close(), capture.close()]);
}
const file = join(projectRoot(), 'src/pipeline/render/web/web-eligibility.json');
await writeFile(file, `${JSON.stringify(result, null, '\t')}\n`);
process.stdout.write(`wrote ${file}\n`);

function round(x: number): number {
	return Number.isFinite(x) ? Math.round(x * 100) / 100 : 999;
}
