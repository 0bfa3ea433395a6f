import {createReadStream, existsSync, statSync} from 'node:fs';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {extname, join, normalize} from 'node:path';
import {build} from 'esbuild';
import {chromium} from 'playwright-core';
import {computeTimeline} from '../../src/compositions/storyboard';
import {BROWSER_PAGE_BUILD} from '../../src/pipeline/render/web/web-page-bundle';
import type {LayoutAuditCase} from './layout-audit-cases';
import type {AuditMetadata} from './layout-audit-protocol';
import {layoutOverlaps, type Overlap} from './layout-overlaps';

const ROOT = join(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const TYPES: Record<string, string> = {
	'.html': 'text/html',
	'.js': 'text/javascript',
	'.woff2': 'font/woff2',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.mp4': 'video/mp4',
	'.mp3': 'audio/mpeg',
};

export type LayoutAuditRow = {
	name: string;
	templateId: string;
	aspect: string;
	framesChecked: number;
	/** Boxes seen of each role, summed over the frames checked (what the audit could compare). */
	roles: Record<string, number>;
	/** Overlapping pairs summed over the frames checked. */
	overlaps: number;
	/** The pairs seen, by roles ("caption/picture"), with the frames they were seen on. */
	pairs: Record<string, number[]>;
	/** The first overlap seen of each pair of roles, with both boxes. */
	examples: Record<string, Overlap & {frame: number}>;
};

/**
 * Builds the audit page (esbuild, like the web renderer's page) into `dir`. Its CSS is Remotion's
 * render page's (every box border-box), so boxes measure as they render.
 */
const buildPage = async (dir: string): Promise<void> => {
	await build({
		absWorkingDir: ROOT,
		entryPoints: {entry: join(ROOT, 'scripts/layout-audit/layout-audit-page.tsx')},
		outdir: dir,
		...BROWSER_PAGE_BUILD,
		logLevel: 'silent',
	});
	await writeFile(
		join(dir, 'index.html'),
		'<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><style>*{box-sizing:border-box}body{margin:0}</style></head><body><script type="module" src="/audit/entry.js"></script></body></html>',
	);
};

/** Folders media paths resolve from: the public folder (the samples' media), the planned storyboards' folder. */
const MEDIA_ROOTS = [join(ROOT, 'public'), join(ROOT, 'test/fixtures/layout')];

/** Serves the page under /audit/ and the media folders at the root, on loopback. */
const serve = (pageDir: string): Promise<Server> => {
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		const file = path.startsWith('/audit/')
			? join(pageDir, normalize(path.slice('/audit/'.length)))
			: (MEDIA_ROOTS.map((r) => join(r, normalize(path))).find((f) => existsSync(f)) ?? '');
		if (!existsSync(file) || !statSync(file).isFile()) {
			res.writeHead(404).end();
			return;
		}
		res.writeHead(200, {'content-type': TYPES[extname(file)] ?? 'application/octet-stream'});
		createReadStream(file).pipe(res);
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
};

/**
 * The frames to check: one every `step` frames, leaving out transitions (where two scenes share the
 * frame on purpose) and the end card.
 */
const framesToCheck = (c: LayoutAuditCase, meta: AuditMetadata, step: number): number[] => {
	const timeline = computeTimeline(c.storyboard);
	const frames: number[] = [];
	for (const s of timeline.scenes) {
		const end = s.startFrame + s.durationInFrames - s.transitionInFrames;
		const start = s.startFrame + (timeline.scenes[s.index - 1]?.transitionInFrames ?? 0);
		for (let f = start; f < Math.min(end, meta.durationInFrames); f += step) frames.push(f);
	}
	return frames;
};

/**
 * Shows each case's storyboard in headless Chromium frame by frame and counts the overlapping pairs
 * of the marked boxes (layoutOverlaps, with half a unit of tolerance). `step`: check every step-th
 * frame.
 */
export const runLayoutAudit = async (o: {
	cases: readonly LayoutAuditCase[];
	step: number;
	onRow?: (row: LayoutAuditRow) => void;
	/** Screenshots to take (PNG): case name -> frame and file. */
	stills?: Record<string, {frame: number; file: string}[]>;
}): Promise<LayoutAuditRow[]> => {
	const pageDir = await mkdtemp(join(tmpdir(), 'promptreel-layout-audit-'));
	let server: Server | null = null;
	const browser = await chromium.launch({executablePath: CHROMIUM, args: ['--no-sandbox', '--mute-audio']});
	try {
		await buildPage(pageDir);
		server = await serve(pageDir);
		const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/audit/index.html`;
		const rows: LayoutAuditRow[] = [];
		// One page for every case: each mount replaces the last one's storyboard.
		const page = await browser.newPage({viewport: {width: 1280, height: 1280}});
		await page.goto(url);
		await page.waitForFunction(() => typeof window.layoutAuditMount === 'function');
		for (const c of o.cases) {
			const meta = await page.evaluate((req) => window.layoutAuditMount!(req), {templateId: c.templateId, storyboard: c.storyboard});
			const frames = framesToCheck(c, meta, o.step);
			const seen = await page.evaluate((f) => window.layoutAuditFrames!(f), frames);
			const tolerance = (Math.min(meta.width, meta.height) / 100) * 0.5;
			const pairs: Record<string, number[]> = {};
			const examples: LayoutAuditRow['examples'] = {};
			const roles: Record<string, number> = {};
			for (const {boxes} of seen) for (const b of boxes) roles[b.role] = (roles[b.role] ?? 0) + 1;
			let overlaps = 0;
			for (const {frame, boxes} of seen)
				for (const hit of layoutOverlaps(boxes, tolerance)) {
					overlaps++;
					const key = [hit.a.role, hit.b.role].sort().join('/');
					if (!pairs[key]?.includes(frame)) (pairs[key] ??= []).push(frame);
					examples[key] ??= {...hit, frame};
				}
			const row = {
				name: c.name,
				templateId: c.templateId,
				aspect: c.aspect,
				framesChecked: frames.length,
				roles,
				overlaps,
				pairs,
				examples,
			};
			rows.push(row);
			o.onRow?.(row);
			for (const still of o.stills?.[c.name] ?? []) {
				await page.evaluate((f) => window.layoutAuditFrames!([f]), still.frame);
				// Pictures load after the frame is shown.
				await page.waitForTimeout(400);
				await page.screenshot({path: still.file, clip: {x: 0, y: 0, width: meta.width, height: meta.height}});
			}
		}
		return rows;
	} finally {
		await browser.close();
		await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
		await rm(pageDir, {recursive: true, force: true});
	}
};
