import {mkdtemp} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {openBrowser, renderMedia, selectComposition} from '@remotion/renderer';
import {findTemplate} from '../src/compositions/registry';
import {computeTimeline} from '../src/compositions/storyboard';
import {bundleProject, startMediaServer, mediaSearchPath, withMediaBaseUrl, resolveQuality, CHROMIUM_OPTIONS} from '../src/pipeline/render';

const GL = process.env.GL === undefined ? CHROMIUM_OPTIONS.gl : process.env.GL === 'null' ? null : process.env.GL;
const ASPECTS = (process.env.ASPECTS ?? 'landscape').split(',');
const REPEAT = Number(process.env.REPEAT ?? 1);
const MODE = process.env.MODE ?? 'scenes'; // scenes | full
const main = async () => {
	const cacheDir = process.env.CACHE ?? (await mkdtemp(join(tmpdir(), 'perf-')));
	const b = await bundleProject({cacheDir});
	const chromiumOptions = {gl: GL as any};
	const browser = await openBrowser('chrome', {browserExecutable: '/usr/bin/chromium', chromiumOptions, logLevel: 'error'});
	const server = await startMediaServer();
	const tpl = findTemplate('explainer')!;
	const root = process.cwd();
	const out = join(cacheDir, 'o');
	const results: string[] = [];
	const run = async (label: string, id: string, inputProps: any, frameRange: [number, number] | null, extra: any = {}) => {
		const composition = await selectComposition({serveUrl: b.serveUrl, id, inputProps, puppeteerInstance: browser, chromiumOptions, logLevel: 'error'});
		const q = resolveQuality('standard', composition);
		const fr = frameRange ?? [0, composition.durationInFrames - 1];
		const n = fr[1] - fr[0] + 1;
		const times: number[] = [];
		for (let r = 0; r < REPEAT; r++) {
			const t0 = performance.now();
			await renderMedia({
				serveUrl: b.serveUrl, composition, inputProps, codec: 'h264', outputLocation: join(out, `${label}.mp4`), overwrite: true,
				puppeteerInstance: browser, chromiumOptions, scale: q.scale, crf: q.crf, imageFormat: 'jpeg', jpegQuality: q.jpegQuality,
				x264Preset: q.x264Preset, concurrency: 1, logLevel: 'error', frameRange: fr, ...extra,
			});
			times.push(n / ((performance.now() - t0) / 1000));
		}
		const line = `${label.padEnd(28)} frames ${String(n).padStart(4)}  fps ${times.map((x) => x.toFixed(2)).join(' / ')}`;
		results.push(line);
		console.log(line);
	};
	for (const aspect of ASPECTS) {
		const sb = (tpl.samples as any)[aspect];
		const base = server.mount(mediaSearchPath(join(root, 'src/compositions/templates/explainer/samples')));
		const props = withMediaBaseUrl(sb, base);
		const tl = computeTimeline(sb);
		if (MODE === 'full' || MODE === 'both') {
			await run(`${aspect} full`, 'explainer', props, null);
			await run(`${aspect} full muted`, 'explainer', props, null, {muted: true});
		}
		if (MODE === 'scenes' || MODE === 'both') {
			tl.scenes.forEach((s, i) => undefined);
			for (const [i, s] of tl.scenes.entries()) {
				const sc = sb.scenes[i];
				const kind = sc.visual.kind === 'procedural' ? `proc-${sc.visual.style}` : sc.visual.kind;
				await run(`${aspect} ${i} ${kind}`, 'explainer', props, [s.startFrame, s.startFrame + s.durationInFrames - 1], {muted: true});
			}
			if (tl.endCard) await run(`${aspect} endcard`, 'explainer', props, [tl.endCard.startFrame, tl.endCard.startFrame + tl.endCard.durationInFrames - 1], {muted: true});
		}
		if (aspect === 'landscape' || process.env.BARE) {
			const comp = await selectComposition({serveUrl: b.serveUrl, id: 'explainer', inputProps: props, puppeteerInstance: browser, logLevel: 'error'});
			const q = resolveQuality('standard', comp);
			await run(`${aspect} bare`, 'bench-bare', {width: q.width, height: q.height, fps: comp.fps, durationInFrames: comp.durationInFrames}, null);
		}
		server.unmount(base);
	}
	await browser.close({silent: true});
	await server.close();
	console.log(`\nGL=${String(GL)}\n` + results.join('\n'));
};
main().catch((e) => {
	console.error(e);
	process.exit(1);
});
