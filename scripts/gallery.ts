// Renders the template gallery: for every template x sample of the registry, a still
// (docs/gallery/<id>-<sample>.png, <= 320 px wide) and a short looping preview
// (docs/gallery/<id>-<sample>.webp: <= 3 s, <= 320 px wide, <= 400 KB animated WebP made from a
// small h264 render by Debian's ffmpeg with libwebp). Not part of the test command.
// Run: npm run gallery   (vite-node scripts/gallery.ts [template ids...])
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {openBrowser, renderMedia, renderStill, selectComposition} from '@remotion/renderer';
import {templates} from '../src/compositions/registry';
import {computeTimeline, type Storyboard} from '../src/compositions/storyboard';
import {projectRoot} from '../src/pipeline/project-root';
import {CHROMIUM_OPTIONS, resolveBrowserExecutableSync} from '../src/pipeline/render/browser';
import {getBundle} from '../src/pipeline/render/bundle-cache';

const MAX_WIDTH = 320;
const PREVIEW_MS = 3000;
const PREVIEW_FPS = 12;
const MAX_PREVIEW_BYTES = 400 * 1024;

const root = projectRoot();
const outDir = join(root, 'docs/gallery');
const only = process.argv.slice(2);
const browserExecutable = resolveBrowserExecutableSync();
if (!browserExecutable) throw new Error('No Chromium found: set REMOTION_BROWSER_EXECUTABLE (see README, Setup).');

/** The frame that shows a template at its best: late in the middle scene, when everything has arrived. */
const showcaseFrame = (sb: Storyboard): number => {
	const timeline = computeTimeline(sb);
	const scene = timeline.scenes[Math.floor((timeline.scenes.length - 1) / 2)];
	if (!scene) return 0;
	return scene.startFrame + Math.round((scene.durationInFrames - scene.transitionInFrames) * 0.7);
};

/** A scale that keeps the frame <= MAX_WIDTH wide with even sides (the preview is h264 first). */
const scaleFor = (width: number, height: number): number => {
	for (const s of [1 / 4, 1 / 6, 1 / 8]) {
		const w = width * s;
		const h = height * s;
		if (w <= MAX_WIDTH && Number.isInteger(w) && Number.isInteger(h) && w % 2 === 0 && h % 2 === 0) return s;
	}
	throw new Error(`No gallery scale for ${width}x${height}`);
};

const bundle = await getBundle({cacheDir: join(root, '.cache/gallery')});
const puppeteerInstance = await openBrowser('chrome', {browserExecutable, chromiumOptions: CHROMIUM_OPTIONS, logLevel: 'error'});
const work = mkdtempSync(join(tmpdir(), 'promptreel-gallery-'));
mkdirSync(outDir, {recursive: true});
const rows: string[] = [];
try {
	for (const template of templates.filter((t) => only.length === 0 || only.includes(t.id))) {
		for (const [i, [name, sample]] of Object.entries(template.samples).entries()) {
			const id = i === 0 ? template.id : `${template.id}-${name}`;
			const common = {
				serveUrl: bundle.serveUrl,
				inputProps: sample,
				puppeteerInstance,
				browserExecutable,
				chromiumOptions: CHROMIUM_OPTIONS,
				logLevel: 'error' as const,
			};
			const composition = await selectComposition({...common, id});
			const scale = scaleFor(composition.width, composition.height);
			const frame = Math.min(showcaseFrame(sample), composition.durationInFrames - 1);
			const still = join(outDir, `${template.id}-${name}.png`);
			await renderStill({...common, composition, output: still, frame, scale, imageFormat: 'png', overwrite: true});

			const previewFrames = Math.round((PREVIEW_MS / 1000) * composition.fps);
			const start = Math.max(0, Math.min(frame - Math.round(previewFrames / 2), composition.durationInFrames - previewFrames));
			const mp4 = join(work, `${id}.mp4`);
			await renderMedia({
				...common,
				composition,
				codec: 'h264',
				outputLocation: mp4,
				frameRange: [start, Math.min(composition.durationInFrames - 1, start + previewFrames - 1)],
				scale,
				muted: true,
				crf: 18,
				imageFormat: 'jpeg',
				overwrite: true,
				concurrency: 1,
			});
			const webp = join(outDir, `${template.id}-${name}.webp`);
			for (const quality of [60, 45, 30]) {
				execFileSync('ffmpeg', [
					'-v',
					'error',
					'-y',
					'-i',
					mp4,
					'-vf',
					`fps=${PREVIEW_FPS}`,
					'-c:v',
					'libwebp_anim',
					'-loop',
					'0',
					'-q:v',
					String(quality),
					'-compression_level',
					'6',
					webp,
				]);
				if (statSync(webp).size <= MAX_PREVIEW_BYTES) break;
			}
			const kb = Math.round(statSync(webp).size / 1024);
			if (kb * 1024 > MAX_PREVIEW_BYTES) throw new Error(`${webp} is ${kb} KB, over the 400 KB budget`);
			console.log(
				`${template.id}/${name}: still frame ${frame} (${composition.width * scale}x${composition.height * scale}), preview ${kb} KB`,
			);
			rows.push(
				`| \`${template.id}\` | ${name} | ![${template.id} ${name}](docs/gallery/${template.id}-${name}.png) | [preview](docs/gallery/${template.id}-${name}.webp) |`,
			);
		}
	}
} finally {
	await puppeteerInstance.close({silent: true});
	rmSync(work, {recursive: true, force: true});
}
console.log(['', '| template | sample | still | 3 s preview |', '| --- | --- | --- | --- |', ...rows].join('\n'));
