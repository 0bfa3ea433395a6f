import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {chromium, type Browser, type Page} from 'playwright-core';
import {ROOT} from './test-env';

/** Debian's Chromium (scripts/setup.sh installs it). */
export const CHROMIUM = '/usr/bin/chromium';

/** Chromium without a sandbox (CI containers run as root), audio allowed to start without a gesture. */
export const launchChromium = (): Promise<Browser> =>
	chromium.launch({executablePath: CHROMIUM, args: ['--no-sandbox', '--autoplay-policy=no-user-gesture-required', '--mute-audio']});

/** Gives the key when the page asks for one. */
export const enterKey = async (page: Page, key: string): Promise<void> => {
	await page.getByRole('textbox', {name: 'API key'}).fill(key);
	await page.getByRole('button', {name: 'Use this key'}).click();
};

/** Types a prompt, presses Plan and waits until the storyboard is voiced for the preview. */
export const planFromPrompt = async (page: Page, prompt: string, timeoutMs = 30_000): Promise<void> => {
	await page.getByLabel(/What is the video about/).fill(prompt);
	await page.getByRole('button', {name: 'Plan'}).click();
	await page.getByText('Voiced and captioned as it will render.').waitFor({timeout: timeoutMs});
	await page.getByTestId('preview-frame').waitFor();
};

/** The frame the preview player shows. */
export const previewFrame = async (page: Page): Promise<number> =>
	Number(await page.getByTestId('preview-frame').getAttribute('data-frame'));

/** Plays the preview until it reaches `frame`, then pauses it. */
export const playPreviewTo = async (page: Page, frame: number, timeoutMs = 20_000): Promise<number> => {
	await page.getByRole('button', {name: 'Play video'}).click();
	await page.waitForFunction(
		(f) => Number(document.querySelector('[data-testid="preview-frame"]')?.getAttribute('data-frame')) >= f,
		frame,
		{timeout: timeoutMs},
	);
	await page.getByRole('button', {name: 'Pause video'}).click();
	return previewFrame(page);
};

/** Serious and critical findings of axe-core on the page, as "rule: target" lines. */
export const seriousAxeFindings = async (page: Page): Promise<string[]> => {
	await page.addScriptTag({content: readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8')});
	return page.evaluate(async () => {
		const axe = (
			window as unknown as {
				axe: {run: (ctx: Document) => Promise<{violations: {id: string; impact: string; nodes: {target: string[]}[]}[]}>};
			}
		).axe;
		const {violations} = await axe.run(document);
		return violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
	});
};

/** Whether the page scrolls sideways at its current viewport width. */
export const scrollsSideways = (page: Page): Promise<boolean> =>
	page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
