// Where a template's frames go on the capture path: renders a template's sample and the bare
// composition (solid colour + frame number) of the same size and length in one browser, each under
// a Chrome trace of the whole browser (every process and thread), and prints the browser's self
// time per frame by thread and event, template beside bare. Knock-outs guess; this measures.
// Run: npm run profile-frames -- <template> [sample] [--quality draft|standard|high] [--scene N] [--trace <file.json>]
// --scene N profiles only the sample's Nth scene (from 1), to find which scene costs.
// --trace writes the template's raw trace (open it in https://ui.perfetto.dev or chrome://tracing).
import {mkdtemp, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {openBrowser, type HeadlessBrowser} from '@remotion/renderer';
import {findTemplate, templateIds} from '../src/compositions/registry';
import {frameSize} from '../src/compositions/storyboard';
import {bareFps} from '../src/cli/commands/bench-templates';
import {renderStoryboard} from '../src/pipeline/output';
import {CHROMIUM_OPTIONS, createLocalRenderer, resolveBrowserExecutableSync} from '../src/pipeline/render';
import {bundleProject} from '../src/pipeline/render/bundle-cache';
import {projectRoot} from '../src/pipeline/project-root';
import type {Quality} from '../src/pipeline/render/quality';
import {summariseTrace, type TraceEvent, type TraceSummary} from './profile/summarise-trace';

const {values, positionals} = parseArgs({
	allowPositionals: true,
	options: {
		quality: {type: 'string', default: 'standard'},
		scene: {type: 'string'},
		trace: {type: 'string'},
		top: {type: 'string', default: '25'},
		help: {type: 'boolean'},
	},
});
const [templateId, sampleName] = positionals;
const template = templateId ? findTemplate(templateId) : undefined;
if (values.help || !template) {
	process.stdout.write(
		`Usage: npm run profile-frames -- <template> [sample] [--quality draft|standard|high] [--scene N] [--trace file.json] [--top N]\nTemplates: ${templateIds.join(', ')}\n`,
	);
	process.exit(values.help ? 0 : 2);
}
const fullSample = template.samples[sampleName ?? 'landscape'] ?? Object.values(template.samples)[0]!;
const sceneNumber = values.scene ? Number(values.scene) : null;
const sample = sceneNumber ? {...fullSample, scenes: fullSample.scenes.slice(sceneNumber - 1, sceneNumber)} : fullSample;
if (sample.scenes.length === 0) throw new Error(`The sample has ${fullSample.scenes.length} scenes; --scene counts from 1.`);
const quality = values.quality as Quality;
const browserExecutable = resolveBrowserExecutableSync();
if (!browserExecutable) throw new Error('profile-frames needs Chromium (apt-get install -y chromium)');

/** What the trace records: the timeline (paint, layout, style), compositing, raster, GPU and script. */
const CATEGORIES = [
	'toplevel',
	'devtools.timeline',
	'disabled-by-default-devtools.timeline',
	'cc',
	'gpu',
	'viz',
	'v8.execute',
	'blink',
	'__metadata',
];

/** Runs `work` under a browser-wide trace and returns the trace's events. */
const traced = async (
	browser: HeadlessBrowser,
	work: () => Promise<number>,
): Promise<{frames: number; events: TraceEvent[]; ms: number}> => {
	const events: TraceEvent[] = [];
	const onData = (p: {value: TraceEvent[]}) => {
		for (const e of p.value) events.push(e);
	};
	const connection = browser.connection as unknown as {
		send: (method: string, params?: unknown) => Promise<unknown>;
		on: (event: string, fn: (p: never) => void) => void;
		off: (event: string, fn: (p: never) => void) => void;
	};
	connection.on('Tracing.dataCollected', onData);
	await connection.send('Tracing.start', {
		transferMode: 'ReportEvents',
		traceConfig: {includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible'},
		bufferUsageReportingInterval: 1000,
	});
	const started = performance.now();
	const frames = await work();
	const ms = performance.now() - started;
	const complete = new Promise<void>((resolve) => connection.on('Tracing.tracingComplete', () => resolve()));
	await connection.send('Tracing.end');
	await complete;
	connection.off('Tracing.dataCollected', onData);
	return {frames, events, ms};
};

const dir = await mkdtemp(join(tmpdir(), 'promptreel-profile-'));
const bundle = await bundleProject({cacheDir: dir});
const browser = await openBrowser('chrome', {browserExecutable, chromiumOptions: CHROMIUM_OPTIONS, logLevel: 'error'});
const renderer = createLocalRenderer({cacheDir: dir, browserExecutable, sharedBrowser: async () => browser});
try {
	// A warm-up render of the template (bundle, fonts, media decoded once), then the two traced ones.
	const render = () =>
		renderStoryboard({
			storyboard: sample,
			mediaDir: join(projectRoot(), 'src/compositions/templates', template.id, 'samples'),
			outDir: join(dir, 'out'),
			quality,
			renderer,
			dataDir: dir,
			force: true,
		});
	process.stdout.write(`warm-up render of ${template.id}…\n`);
	const warm = await render();
	const video = warm.report.video;
	if (!video?.frames) throw new Error('the warm-up render reported no frames');
	process.stdout.write(`tracing ${template.id} (${video.frames} frames at ${video.width}x${video.height})…\n`);
	const ours = await traced(browser, async () => (await render()).report.video?.frames ?? 0);
	process.stdout.write('tracing bare…\n');
	const bare = await traced(browser, async () => {
		await bareFps({
			serveUrl: bundle.serveUrl,
			browser,
			browserExecutable,
			size: {...frameSize(sample.format), fps: video.fps ?? 30, frames: video.frames!},
			quality,
			outFile: join(dir, 'bare.mp4'),
		});
		return video.frames!;
	});
	if (values.trace) await writeFile(values.trace, JSON.stringify({traceEvents: ours.events}));
	process.stdout.write(
		`\noffscreen surfaces (why, per draw): ${template.id} ${surfaceReasons(ours.events)}; bare ${surfaceReasons(bare.events)}\n`,
	);
	print(template.id, summariseTrace(ours.events), ours, summariseTrace(bare.events), bare, Number(values.top));
} finally {
	await renderer.close();
	await browser.close({silent: true}).catch(() => undefined);
}

/**
 * Why the compositor drew offscreen surfaces (render passes): Chrome's RenderSurfaceReasonCount
 * events, one per draw, name each reason (`clip path`, `filter`, `opacity`, ...) with a count.
 */
function surfaceReasons(events: TraceEvent[]): string {
	const counts = new Map<string, number>();
	let draws = 0;
	for (const e of events) {
		if (e.name !== 'RenderSurfaceReasonCount') continue;
		for (const [reason, n] of Object.entries((e.args ?? {}) as Record<string, number>)) {
			if (reason === 'root') draws++;
			else if (reason !== 'total') counts.set(reason, (counts.get(reason) ?? 0) + n);
		}
	}
	const list = [...counts].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${(n / Math.max(1, draws)).toFixed(2)}`);
	return `${draws} draws${list.length ? `: ${list.join(', ')}` : ', root only'}`;
}

function print(
	id: string,
	a: TraceSummary,
	ar: {frames: number; ms: number},
	b: TraceSummary,
	br: {frames: number; ms: number},
	top: number,
) {
	const per = (ms: number, frames: number) => (ms / frames).toFixed(2);
	process.stdout.write(
		`\n${id}: ${ar.frames} frames in ${(ar.ms / 1000).toFixed(1)} s (${per(ar.ms, ar.frames)} ms/frame); bare: ${(br.ms / 1000).toFixed(1)} s (${per(br.ms, br.frames)} ms/frame)\n`,
	);
	const threads = (s: TraceSummary) => {
		const m = new Map<string, number>();
		for (const r of s.rows) m.set(r.thread, (m.get(r.thread) ?? 0) + r.selfMs);
		return m;
	};
	const ta = threads(a);
	const tb = threads(b);
	process.stdout.write(`\n| thread | ${id} ms/frame | bare ms/frame | extra |\n|---|---|---|---|\n`);
	for (const [thread, ms] of [...ta].sort((x, y) => y[1] - x[1]).slice(0, 12)) {
		const bms = tb.get(thread) ?? 0;
		process.stdout.write(`| ${thread} | ${per(ms, ar.frames)} | ${per(bms, br.frames)} | ${per(ms / ar.frames - bms / br.frames, 1)} |\n`);
	}
	const bareRow = new Map(b.rows.map((r) => [`${r.thread}\u0000${r.name}`, r]));
	process.stdout.write(
		`\n| thread | event | ${id} ms/frame | bare ms/frame | extra | count/frame | bare count/frame |\n|---|---|---|---|---|---|---|\n`,
	);
	const ranked = a.rows
		.map((r) => ({...r, extra: r.selfMs / ar.frames - (bareRow.get(`${r.thread}\u0000${r.name}`)?.selfMs ?? 0) / br.frames}))
		.sort((x, y) => y.extra - x.extra)
		.slice(0, top);
	for (const r of ranked) {
		const bms = bareRow.get(`${r.thread}\u0000${r.name}`)?.selfMs ?? 0;
		process.stdout.write(
			`| ${r.thread} | ${r.name} | ${per(r.selfMs, ar.frames)} | ${per(bms, br.frames)} | ${r.extra.toFixed(2)} | ${(r.count / ar.frames).toFixed(1)} | ${((bareRow.get(`${r.thread}\u0000${r.name}`)?.count ?? 0) / br.frames).toFixed(1)} |\n`,
		);
	}
}
