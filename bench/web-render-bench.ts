// Web renderer vs capture renderer, per template at 720p: fps both ways, their ratio (measured in this
// one process, interleaved, median of BENCH_RUNS runs, default 3) and the PSNR of web vs capture.
// Run: npm run bench:web [template ids...]   (vite-node bench/web-render-bench.ts); writes bench/web-render-results.md
// With ids, only those templates are measured (each on its first sample); the other templates' rows are kept.
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {cpus, tmpdir} from 'node:os';
import {join} from 'node:path';
import {templates} from '../src/compositions/registry';
import {projectRoot} from '../src/pipeline/project-root';
import {createLocalRenderer} from '../src/pipeline/render/local-renderer';
import type {Quality} from '../src/pipeline/render/quality';
import {createWebRenderer} from '../src/pipeline/render/web/create-web-renderer';
import type {WebPaint} from '../src/pipeline/render/web/page/protocol';
import {framePsnr} from '../src/pipeline/render/web/frame-psnr';
import {judgeFidelity, WEB_PSNR_THRESHOLD_DB} from '../src/pipeline/render/web/web-fidelity';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const quality: Quality = (process.env.BENCH_QUALITY as Quality | undefined) ?? 'standard';
const cacheDir = join(projectRoot(), '.cache/bench');
const outDir = mkdtempSync(join(tmpdir(), 'promptreel-web-bench-'));
const mediaDir = join(projectRoot(), 'public');
// BENCH_PAINT=composer|html-in-canvas measures that painter on every template; default: the gate's choice per template.
const forcedPaint = process.env.BENCH_PAINT as WebPaint | undefined;
const web = createWebRenderer({
	cacheDir,
	captureTemplates: () => null,
	paint: forcedPaint ? () => forcedPaint : undefined,
	licenseKey: process.env.REMOTION_LICENSE_KEY ?? null,
});
const capture = createLocalRenderer({cacheDir});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const only = process.argv.slice(2);
const rows: string[] = [];
const today = new Date().toISOString().slice(0, 10);
const resultsFile = join(projectRoot(), 'bench/web-render-results.md');

/** The earlier rows of templates this run did not measure (a run with ids keeps the rest of the table). */
const keptRows = (file: string, measured: string[]): string[] => {
	if (!existsSync(file)) return [];
	const idOf = (row: string) => row.match(/^\| ([a-z0-9-]+)\//)?.[1] ?? null;
	const now = new Set(measured.map(idOf));
	// Rows from before the painter column (2026-12-04) were all painted by the composer.
	const withPainter = (row: string) => (row.split('|').length === 9 ? row.replace(/^(\| [^|]+ \|)/, '$1 composer |') : row);
	return readFileSync(file, 'utf8')
		.split('\n')
		.filter((row) => !row.startsWith('| template/sample |') && idOf(row) !== null && !now.has(idOf(row)))
		.map(withPainter);
};
const log = (line: string) => process.stdout.write(`${line}\n`);

try {
	for (const template of templates.filter((t) => only.length === 0 || only.includes(t.id))) {
		const [sample, storyboard] = Object.entries(template.samples)[0] ?? [];
		if (!sample || !storyboard) continue;
		// Warm-up: bundles, browser, page and media caches, so the timed runs compare rendering only.
		await web.renderVideo({storyboard, mediaDir, quality: 'draft', outFile: join(outDir, 'warm-web.mp4')});
		await capture.renderVideo({storyboard, mediaDir, quality: 'draft', outFile: join(outDir, 'warm-capture.mp4')});
		const webFps: number[] = [];
		const captureFps: number[] = [];
		let files = {web: '', capture: ''};
		let size = '';
		let paint = '';
		for (let i = 0; i < runs; i++) {
			const w = await web.renderVideo({storyboard, mediaDir, quality, outFile: join(outDir, `${template.id}-web-${i}.mp4`)});
			const c = await capture.renderVideo({storyboard, mediaDir, quality, outFile: join(outDir, `${template.id}-capture-${i}.mp4`)});
			webFps.push((w.frames * 1000) / w.renderMs);
			captureFps.push((c.frames * 1000) / c.renderMs);
			files = {web: w.file, capture: c.file};
			size = `${w.width}x${w.height}, ${w.frames} frames`;
			paint = w.paint ?? 'capture (fell back)';
			log(`${template.id}/${sample} run ${i + 1}: web ${webFps[i]!.toFixed(1)} fps, capture ${captureFps[i]!.toFixed(1)} fps`);
		}
		const verdict = judgeFidelity(await framePsnr({file: files.web, reference: files.capture}));
		const ratio = median(webFps) / median(captureFps);
		rows.push(
			`| ${template.id}/${sample} | ${paint} | ${size} | ${median(webFps).toFixed(1)} (${webFps.map((x) => x.toFixed(1)).join(', ')}) | ${median(captureFps).toFixed(1)} (${captureFps.map((x) => x.toFixed(1)).join(', ')}) | ${ratio.toFixed(2)}x | ${verdict.minPsnr.toFixed(1)} / ${verdict.meanPsnr.toFixed(1)} dB (${verdict.framesBelow}/${verdict.comparedFrames} frames < ${WEB_PSNR_THRESHOLD_DB}) | ${today} |`,
		);
	}
} finally {
	await Promise.all([web.close(), capture.close()]);
	rmSync(outDir, {recursive: true, force: true});
}

const table = [
	`Web renderer vs capture renderer, quality "${quality}", each row the median of its interleaved runs (listed in brackets) after a warm-up, ${cpus().length} cores; each row says the day it was measured.`,
	'fps = frames / wall time of renderVideo (page set-up, encoding and muxing included).',
	'PSNR here is between the two product encodes of this quality (lossy both ways); the gate itself (scripts/update-web-eligibility.ts) renders near-lossless both ways.',
	'',
	'| template/sample | web painter | size | web fps (runs) | capture fps (runs) | web / capture | PSNR web vs capture, min / mean | measured |',
	'|---|---|---|---|---|---|---|---|',
	...keptRows(resultsFile, rows),
	...rows,
].join('\n');
log(`\n${table}`);
writeFileSync(resultsFile, `${table}\n`);
