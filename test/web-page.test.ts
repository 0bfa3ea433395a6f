import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {http, spawnServer, type SpawnedServer} from './support/server-harness';
import {
	enterKey,
	launchChromium,
	planFromPrompt,
	playPreviewTo,
	previewFrame,
	scrollsSideways,
	seriousAxeFindings,
} from './support/web-page-driver';

// The web page (README.md, "The web page") in Debian's Chromium against a real `promptreel serve`
// with an API key: the page asks for the key, plans, previews, edits, renders a tiny draft.

const KEY = 'web-page-test-key';

describe('web page', () => {
	let server: SpawnedServer;
	let browser: Browser;
	let page: Page;
	let dataDir: string;

	beforeAll(async () => {
		dataDir = mkdtempSync(join(tmpdir(), 'promptreel-web-'));
		[server, browser] = await Promise.all([spawnServer({dataDir, env: {PROMPTREEL_API_KEYS: KEY}}), launchChromium()]);
		page = await browser.newPage({viewport: {width: 1280, height: 900}});
		page.setDefaultTimeout(15_000);
	});

	afterAll(async () => {
		await browser?.close();
		await server?.killHard();
		rmSync(dataDir, {recursive: true, force: true});
	});

	it('with API keys set, nothing but the page itself works without a key', async () => {
		const api = http(server.url);
		expect((await api.get('/')).status).toBe(200);
		expect((await api.get('/v1/templates')).status).toBe(401);
		expect((await api.post('/v1/storyboards', {prompt: 'Sleep'})).status).toBe(401);
		expect((await api.post('/v1/storyboards/complete', {storyboard: {}})).status).toBe(401);
		expect((await api.post('/v1/videos', {prompt: 'Sleep'})).status).toBe(401);
		expect((await api.get('/v1/videos')).status).toBe(401);
		expect((await api.post('/v1/pictures/suggestions', {text: 'sleep'})).status).toBe(401);
		const empty = await api.call('POST', '/v1/pictures/suggestions', {json: {text: ' '}, headers: {authorization: `Bearer ${KEY}`}});
		expect(empty.status).toBe(422);
		expect(empty.body.error.issues[0]).toMatchObject({path: 'text', message: expect.stringMatching(/Give the text/)});
		expect((await api.post('/v1/signed-urls', {paths: ['/v1/assets/ast_x/content']})).status).toBe(401);
		expect((await api.get('/v1/assets/ast_x/content?exp=9999999999&kid=x&sig=' + '0'.repeat(64))).status).toBe(401);

		await page.goto(server.url);
		await enterKey(page, 'wrong-key');
		await expect.poll(() => page.getByText('The server did not accept this key').isVisible()).toBe(true);
		await enterKey(page, KEY);
		await page.getByRole('button', {name: 'Plan'}).waitFor();
	});

	it('plans from a prompt and plays the voiced storyboard in the preview', async () => {
		await planFromPrompt(page, 'Sleep better: keep the same bedtime every night.');
		expect(await page.locator('.preview audio, .preview [data-testid="preview-frame"]').count()).toBeGreaterThan(0);
		const frame = await playPreviewTo(page, 20);
		expect(frame).toBeGreaterThanOrEqual(20);
		// Paused: the frame stays put.
		await page.waitForTimeout(300);
		expect(await previewFrame(page)).toBe(frame);
	});

	it('an edit of a scene title changes the frame the preview shows', async () => {
		const before = await page.locator('.preview').screenshot();
		await page.getByLabel('Title', {exact: true}).fill('Bedtime');
		await expect.poll(() => page.locator('.preview').textContent()).toContain('Bedtime');
		expect(Buffer.compare(before, await page.locator('.preview').screenshot())).not.toBe(0);
	});

	it('suggests pictures for a scene and the chosen one plays in the preview', async () => {
		await page.getByRole('button', {name: 'Suggest pictures'}).click();
		const pick = page.getByRole('button', {name: /^Use the picture /}).first();
		await pick.waitFor();
		await expect.poll(() => pick.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
		await pick.click();
		await expect.poll(() => page.locator('.scene').first().textContent()).toMatch(/Animated background/);
		// The preview loads the chosen icon by its signed URL.
		await expect.poll(() => page.locator('.preview img[src*="/v1/assets/"][src*="sig="]').count()).toBeGreaterThan(0);
	});

	it('another template plays the same storyboard', async () => {
		await page.getByLabel('Template', {exact: true}).last().selectOption('kinetic');
		await page.locator('.preview[data-template="kinetic"]').waitFor();
		expect(await page.getByRole('button', {name: 'Render'}).isEnabled()).toBe(true);
	});

	it('an invalid edit shows its error beside the field, and undo takes it back', async () => {
		const duration = page.getByLabel('Duration (seconds)');
		await duration.fill('0.1');
		const error = page.locator('#scene-0-duration-error');
		await expect.poll(() => error.textContent()).toBe('At least 0.2 s.');
		expect(await duration.getAttribute('aria-invalid')).toBe('true');
		expect(await page.getByRole('button', {name: 'Render'}).isDisabled()).toBe(true);
		await page.getByRole('button', {name: 'Undo'}).click();
		await expect.poll(() => error.count()).toBe(0);
	});

	it('renders a draft with live progress, plays the video and links its files', async () => {
		// As few frames as prove it: a silent one-second scene, no end card (30 frames at 360p).
		await page.getByLabel('Narration (voiced again when it changes)').fill('');
		await page.getByLabel('Duration (seconds)').fill('1');
		await page.getByLabel('End card with credits').uncheck();
		await page.getByText('Voiced and captioned as it will render.').waitFor();
		await page.getByRole('button', {name: 'Render'}).click();
		const statuses = new Set<string>();
		const status = page.getByTestId('job-status');
		await status.waitFor();
		const end = Date.now() + 60_000;
		while (Date.now() < end) {
			const s = (await status.textContent()) ?? '';
			statuses.add(s);
			if (s === 'done' || s === 'failed') break;
			await page.waitForTimeout(100);
		}
		expect([...statuses].at(-1), `statuses ${[...statuses].join(', ')}; server log:\n${server.log().slice(-3000)}`).toBe('done');
		expect(statuses.size).toBeGreaterThan(1);
		const video = page.getByLabel('The rendered video');
		await video.waitFor();
		const played = await video.evaluate(async (v: HTMLVideoElement) => {
			await v.play();
			await new Promise((r) => setTimeout(r, 500));
			return {time: v.currentTime, width: v.videoWidth, height: v.videoHeight};
		});
		expect(played.time).toBeGreaterThan(0);
		expect(Math.min(played.width, played.height)).toBe(360);
		const links = await page.locator('.files a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
		expect(links.map((l) => new URL(l).pathname.split('/').pop())).toEqual(
			expect.arrayContaining(['video.mp4', 'poster.jpg', 'captions.vtt']),
		);
		// Signed links work without a key; the same path unsigned does not.
		const signed = await fetch(links.find((l) => l.includes('poster.jpg'))!);
		expect(signed.status).toBe(200);
		expect(signed.headers.get('content-type')).toBe('image/jpeg');
		expect((await fetch(new URL(new URL(links[0]!).pathname, server.url))).status).toBe(401);
	});

	it('lists earlier videos after a reload', async () => {
		await page.reload();
		await page
			.getByRole('button', {name: /Show the video of/})
			.first()
			.click();
		await page.getByLabel('The rendered video').waitFor();
	});

	it('fits a phone screen, every control is reachable with Tab, axe finds nothing serious', async () => {
		await page.setViewportSize({width: 390, height: 844});
		expect(await scrollsSideways(page)).toBe(false);
		await page.getByRole('button', {name: 'Plan'}).waitFor();
		await page.getByLabel(/What is the video about/).click();
		const reached: string[] = [];
		for (let i = 0; i < 10; i++) {
			await page.keyboard.press('Tab');
			reached.push(
				await page.evaluate(
					() => `${document.activeElement?.tagName}#${document.activeElement?.id}:${document.activeElement?.textContent}`,
				),
			);
		}
		expect(reached).toContain('BUTTON#:Plan');
		expect(await seriousAxeFindings(page)).toEqual([]);
	});
});
