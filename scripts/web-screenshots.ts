// Screenshots of the web page for the README (README.md, "The web page"), taken from the real page
// against a real `promptreel serve` on loopback: `npx vite-node scripts/web-screenshots.ts`.
// Writes docs/screenshots/web-*.png. Run `npm run build` first (it builds the page).
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {spawnServer} from '../test/support/server-harness';
import {ROOT} from '../test/support/test-env';
import {launchChromium, planFromPrompt, playPreviewTo} from '../test/support/web-page-driver';

const OUT = join(ROOT, 'docs/screenshots');
const PROMPT = '3 tips for better sleep: 1. Keep the same bedtime. 2. Keep your room dark and cool. 3. No screens an hour before bed.';

const main = async () => {
	mkdirSync(OUT, {recursive: true});
	const dataDir = mkdtempSync(join(tmpdir(), 'promptreel-shots-'));
	const server = await spawnServer({dataDir});
	const browser = await launchChromium();
	try {
		const page = await browser.newPage({viewport: {width: 1280, height: 900}});
		page.setDefaultTimeout(120_000);
		const shot = async (name: string, target: {screenshot: (o: {path: string}) => Promise<unknown>} = page) => {
			await target.screenshot({path: join(OUT, `web-${name}.png`)});
			process.stderr.write(`docs/screenshots/web-${name}.png\n`);
		};
		await page.goto(server.url);
		await page.getByLabel(/What is the video about/).fill(PROMPT);
		await shot('1-prompt', page.locator('.area-prompt'));

		await planFromPrompt(page, PROMPT, 180_000);
		await playPreviewTo(page, 45);
		await page.mouse.move(0, 0);
		await shot('2-preview');

		await page.getByLabel('Title', {exact: true}).first().fill('Same bedtime, every night');
		await page.getByLabel('Caption style').selectOption('boxed');
		await page.getByRole('button', {name: 'Suggest pictures'}).first().click();
		await page
			.getByRole('button', {name: /^Use the picture /})
			.first()
			.click();
		await page.locator('.scene').first().scrollIntoViewIfNeeded();
		await shot('3-edit');

		await page.getByLabel('Duration (seconds)').first().fill('0.1');
		await shot('4-error', page.locator('.scene').first());
		await page.getByRole('button', {name: 'Undo'}).click();

		await page.getByRole('button', {name: 'Render'}).click();
		await page.getByTestId('job-status').waitFor();
		await page.waitForFunction(() => /: rendering [1-9]\d? %/.test(document.querySelector('.progress')?.textContent ?? ''), undefined, {
			timeout: 300_000,
		});
		await shot('5-progress', page.locator('.area-render'));
		await page.getByLabel('The rendered video').waitFor({timeout: 600_000});
		await page.getByLabel('The rendered video').evaluate((v: HTMLVideoElement) => {
			v.currentTime = 2;
		});
		await page.waitForTimeout(500);
		await page.locator('.area-render').scrollIntoViewIfNeeded();
		await shot('6-video', page.locator('.area-render'));
		await shot('7-videos', page.locator('.area-videos'));

		await page.setViewportSize({width: 390, height: 844});
		await page.evaluate(() => window.scrollTo(0, 0));
		await shot('8-phone');
	} finally {
		await browser.close();
		await server.killHard();
		rmSync(dataDir, {recursive: true, force: true});
	}
};

await main();
