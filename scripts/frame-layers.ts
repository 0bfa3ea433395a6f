// The compositor layers of one frame of a template sample on the capture path: for each layer its
// size, why Chrome composited it, the element it belongs to and what it draws; then every element
// with an effect (opacity, filter, will-change, clip-path, mask, blend). A full-frame layer costs a
// blend of every pixel on each compositor draw (about five a captured frame), its transparent part
// too, so this is the list to shorten (docs/templates.md, "Speed"). profile-frames says how much.
// Run: npm run frame-layers -- <template> [sample] [--frame N]
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {openBrowser} from '@remotion/renderer';
import {findTemplate, templateIds} from '../src/compositions/registry';
import {CHROMIUM_OPTIONS, createLocalRenderer, resolveBrowserExecutableSync} from '../src/pipeline/render';
import {projectRoot} from '../src/pipeline/project-root';

const {values, positionals} = parseArgs({
	allowPositionals: true,
	options: {frame: {type: 'string', default: '90'}, help: {type: 'boolean'}},
});
const [templateId, sampleName] = positionals;
const template = templateId ? findTemplate(templateId) : undefined;
if (values.help || !template) {
	process.stdout.write(`Usage: npm run frame-layers -- <template> [sample] [--frame N]\nTemplates: ${templateIds.join(', ')}\n`);
	process.exit(values.help ? 0 : 2);
}
const sample = template.samples[sampleName ?? 'landscape'] ?? Object.values(template.samples)[0]!;
const frame = Number(values.frame);
const browserExecutable = resolveBrowserExecutableSync();
if (!browserExecutable) throw new Error('frame-layers needs Chromium (apt-get install -y chromium)');

/** The DevTools protocol as this script uses it (Remotion's page session wraps each answer in `value`). */
type Session = {send: (method: string, params?: object) => Promise<unknown>; on: (event: string, fn: (p: never) => void) => void};
type Layer = {layerId: string; backendNodeId?: number; width: number; height: number; drawsContent: boolean};
type Command = {method: string; params?: {rect?: Box; dst?: Box}};
type Box = {left: number; top: number; right: number; bottom: number};

const answer = async <T>(session: Session, method: string, params?: object): Promise<T> => {
	const r = (await session.send(method, params)) as {value?: T} & T;
	return (r.value ?? r) as T;
};

/** Rounds of LayerTree.enable until Chrome sends the page's current tree (the first can be stale). */
const currentLayers = async (session: Session, latest: () => Layer[], reset: () => void): Promise<Layer[]> => {
	for (let attempt = 0; attempt < 6; attempt++) {
		reset();
		await session.send('LayerTree.disable');
		await session.send('LayerTree.enable');
		await new Promise((r) => setTimeout(r, 500));
		if (latest().length > 4) break;
	}
	return latest();
};

const size = (b: Box | undefined) => (b ? `(${Math.round(b.right - b.left)}x${Math.round(b.bottom - b.top)})` : '');

const describeLayer = async (session: Session, layer: Layer): Promise<string> => {
	const reasons = await answer<{compositingReasonIds?: string[]}>(session, 'LayerTree.compositingReasons', {layerId: layer.layerId}).catch(
		() => null,
	);
	let element = '';
	if (layer.backendNodeId) {
		const d = await answer<{node: {nodeName: string; attributes?: string[]}}>(session, 'DOM.describeNode', {
			backendNodeId: layer.backendNodeId,
		}).catch(() => null);
		const attributes = d?.node.attributes ?? [];
		const style = attributes.includes('style') ? (attributes[attributes.indexOf('style') + 1] ?? '') : '';
		element = d
			? `${d.node.nodeName} ${style.replace(/position: absolute; inset: 0px; width: 100%; height: 100%; display: flex; flex-direction: column;\s*/, '').slice(0, 110)}`
			: '';
	}
	let draws = '';
	if (layer.drawsContent) {
		const snapshot = await answer<{snapshotId: string}>(session, 'LayerTree.makeSnapshot', {layerId: layer.layerId}).catch(() => null);
		if (snapshot) {
			const {commandLog} = await answer<{commandLog: Command[]}>(session, 'LayerTree.snapshotCommandLog', snapshot);
			const drawn = commandLog.filter((c) => c.method.startsWith('draw') && c.method !== 'drawPaint');
			draws = drawn
				.slice(0, 5)
				.map((c) => c.method + size(c.params?.rect ?? c.params?.dst))
				.join(' ');
			if (drawn.length > 5) draws += ` +${drawn.length - 5}`;
		}
	}
	return `| ${Math.round(layer.width)}x${Math.round(layer.height)} | ${reasons?.compositingReasonIds?.join(', ') ?? ''} | ${element} | ${draws || (layer.drawsContent ? '(no recorded picture: the root, a canvas or a video)' : 'nothing')} |`;
};

/** Elements with an effect that can make a layer or an offscreen surface, in the page. */
const EFFECTS = `(() => {
	const out = [];
	for (const el of document.querySelectorAll('*')) {
		const r = el.getBoundingClientRect();
		if (r.width === 0 || r.height === 0) continue;
		const cs = getComputedStyle(el);
		const bits = [];
		if (cs.opacity !== '1') bits.push('opacity ' + cs.opacity);
		if (cs.filter !== 'none') bits.push('filter ' + cs.filter);
		if (cs.willChange !== 'auto') bits.push('will-change ' + cs.willChange);
		if (cs.clipPath !== 'none') bits.push('clip-path');
		if (cs.maskImage && cs.maskImage !== 'none') bits.push('mask');
		if (cs.mixBlendMode !== 'normal') bits.push('blend ' + cs.mixBlendMode);
		if (bits.length) out.push('| ' + el.tagName + ' | ' + Math.round(r.x) + ',' + Math.round(r.y) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height) + ' | ' + bits.join('; ') + ' |');
	}
	return out.join('\\n');
})()`;

const report = async (session: Session, layers: Layer[]) => {
	const rows: string[] = [];
	for (const layer of layers) rows.push(await describeLayer(session, layer));
	const {result} = await answer<{result: {value: string}}>(session, 'Runtime.evaluate', {expression: EFFECTS, returnByValue: true});
	process.stdout.write(
		`\n${template.id} ${sampleName ?? 'landscape'}, frame ${frame}: ${layers.length} layers\n\n| size (CSS px) | composited because | element | draws |\n|---|---|---|---|\n${rows.join('\n')}\n\n| effect on | box | effect |\n|---|---|---|\n${result.value}\n`,
	);
};

const dir = await mkdtemp(join(tmpdir(), 'promptreel-layers-'));
const browser = await openBrowser('chrome', {browserExecutable, chromiumOptions: CHROMIUM_OPTIONS, logLevel: 'error'});
// Remotion opens a page for the still; before it takes the screenshot, read that page's layers.
const newPage = browser.newPage.bind(browser);
browser.newPage = async (...args: Parameters<typeof newPage>) => {
	const page = await newPage(...args);
	const session = page._client() as unknown as Session;
	const send = session.send.bind(session);
	let layers: Layer[] = [];
	session.on('LayerTree.layerTreeDidChange', (p: {layers?: Layer[]}) => {
		if (p.layers) layers = p.layers;
	});
	await send('LayerTree.enable');
	await send('DOM.enable');
	let reported = false;
	session.send = async (method, params) => {
		if (method === 'Page.captureScreenshot' && !reported) {
			reported = true;
			await send('DOM.getDocument', {depth: -1});
			const now = await currentLayers(
				{...session, send},
				() => layers,
				() => (layers = []),
			);
			await report({...session, send}, now);
		}
		return send(method, params);
	};
	return page;
};
const renderer = createLocalRenderer({cacheDir: dir, browserExecutable, sharedBrowser: async () => browser});
try {
	await renderer.renderPoster({
		storyboard: sample,
		mediaDir: join(projectRoot(), 'src/compositions/templates', template.id, 'samples'),
		outFile: join(dir, 'frame.jpg'),
		quality: 'draft',
		frame,
	});
} finally {
	await renderer.close();
	await browser.close({silent: true}).catch(() => undefined);
	await rm(dir, {recursive: true, force: true});
}
