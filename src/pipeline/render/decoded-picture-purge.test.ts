import {openBrowser, type HeadlessBrowser} from '@remotion/renderer';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {processTree, pssOf} from '../../cli/process-tree-memory';
import {CHROMIUM_OPTIONS, resolveBrowserExecutableSync} from './browser';
import {purgeDecodedPicturesWhileRendering} from './decoded-picture-purge';
import {openBlankPage} from '../../../test/support/blank-page';

const SIZE = 320;
const FRAMES = 240;

// What @remotion/media does with each frame of a clip: a decoded (YUV) VideoFrame becomes an
// ImageBitmap that is drawn into the clip's canvas. Each such picture stays in Chrome's cache of
// pictures decoded at raster: 320 x 320 x 4 bytes a frame.
const PAGE = `<body style="margin:0"><canvas id="c" width="${SIZE}" height="${SIZE}" style="width:600px;height:600px"></canvas><script>
const canvas = document.getElementById('c');
const context = canvas.getContext('2d');
window.drawFrame = async (n) => {
	const yuv = new Uint8Array(${(SIZE * SIZE * 3) / 2}).fill((n * 37) % 256);
	const frame = new VideoFrame(yuv, {format: 'I420', codedWidth: ${SIZE}, codedHeight: ${SIZE}, timestamp: n * 1000});
	const bitmap = await createImageBitmap(frame);
	frame.close();
	canvas.width = ${SIZE};
	context.drawImage(bitmap, 0, 0);
	bitmap.close();
};
</script></body>`;

/** Summed PSS of this process and its children (the browser's processes), in MB. */
const treeMb = () => processTree(process.pid).reduce((sum, pid) => sum + pssOf(pid), 0) / 2 ** 20;

describe('purgeDecodedPicturesWhileRendering', () => {
	let browser: HeadlessBrowser;
	beforeAll(async () => {
		const executable = resolveBrowserExecutableSync();
		if (!executable) throw new Error('These tests need Chromium (apt-get install -y chromium)');
		browser = await openBrowser('chrome', {browserExecutable: executable, chromiumOptions: CHROMIUM_OPTIONS, logLevel: 'error'});
	}, 60_000);
	afterAll(async () => {
		await browser?.close({silent: true});
	});

	it('gives back the memory of clip frames drawn once, while the render goes on', async () => {
		const page = await openBlankPage(browser);
		try {
			await page.goto({url: `data:text/html,${encodeURIComponent(PAGE)}`, timeout: 30_000});
			const session = page._client() as unknown as {send: (method: string, params?: object) => Promise<unknown>};
			const startMb = treeMb();
			// Frame by frame as Remotion captures: draw, then take the screenshot that paints it.
			for (let n = 0; n < FRAMES; n++) {
				await page.evaluate((k: number) => (window as unknown as {drawFrame: (k: number) => Promise<void>}).drawFrame(k), n);
				await session.send('Page.captureScreenshot', {format: 'jpeg', quality: 50});
			}
			const framesMb = (FRAMES * SIZE * SIZE * 4) / 2 ** 20;
			const drawnMb = treeMb();
			// Without a purge the pictures stay: most of their 94 MB is still held.
			expect(drawnMb - startMb).toBeGreaterThan(framesMb * 0.6);

			const stop = purgeDecodedPicturesWhileRendering(browser, 100);
			await new Promise((resolve) => setTimeout(resolve, 1_500));
			stop();
			const purgedMb = treeMb();
			expect(drawnMb - purgedMb).toBeGreaterThan(framesMb * 0.6);
		} finally {
			await page.close().catch(() => undefined);
		}
	}, 120_000);

	it('sends the signal through the browser session until stopped, and a closed browser is no error', async () => {
		const other = await openBrowser('chrome', {
			browserExecutable: resolveBrowserExecutableSync()!,
			chromiumOptions: CHROMIUM_OPTIONS,
			logLevel: 'error',
		});
		const sent: string[] = [];
		const send = other.connection.send.bind(other.connection);
		other.connection.send = ((method: Parameters<typeof send>[0], ...params: unknown[]) => {
			sent.push(method);
			return (send as (m: string, ...p: unknown[]) => ReturnType<typeof send>)(method, ...params);
		}) as typeof send;
		const stop = purgeDecodedPicturesWhileRendering(other, 20);
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(sent.length).toBeGreaterThanOrEqual(3);
		expect(new Set(sent)).toEqual(new Set(['Memory.simulatePressureNotification']));
		// The browser goes away mid-render: the timer's sends are refused, and that is caught.
		await other.close({silent: true});
		await new Promise((resolve) => setTimeout(resolve, 100));
		stop();
		const afterStop = sent.length;
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(sent.length).toBe(afterStop);
	}, 60_000);
});
