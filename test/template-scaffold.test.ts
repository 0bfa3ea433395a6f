import {execFileSync} from 'node:child_process';
import {cpSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {bundle} from '@remotion/bundler';
import {openBrowser, renderStill, selectComposition} from '@remotion/renderer';
import {afterAll, describe, expect, it} from 'vitest';
import {CHROMIUM_OPTIONS, resolveBrowserExecutableSync} from '../src/pipeline/render/browser';
import {probe} from './support/ffprobe';
import {runCli} from './support/run-cli';
import {ROOT} from './support/test-env';

// `promptreel templates new <id>` in a copy of this checkout (src copied, public and node_modules
// linked): it writes the folder, the sample, the test and the registry entry, refuses a bad or
// taken id, and the copy bundles and renders the new template (one 360p still).
const work = mkdtempSync(join(tmpdir(), 'promptreel-scaffold-'));
const copy = join(work, 'checkout');
cpSync(join(ROOT, 'src'), join(copy, 'src'), {recursive: true});
for (const file of ['package.json', 'tsconfig.json']) copyFileSync(join(ROOT, file), join(copy, file));
for (const dir of ['public', 'node_modules']) symlinkSync(join(ROOT, dir), join(copy, dir));
afterAll(() => rmSync(work, {recursive: true, force: true}));

describe('promptreel templates new', () => {
	it('scaffolds a template that is registered and renders', async () => {
		const made = await runCli(['templates', 'new', 'title-card', '--dir', copy, '--json'], {cwd: work});
		expect(made.status, made.stderr).toBe(0);
		const result = JSON.parse(made.stdout) as {files: string[]};
		expect(result.files).toEqual(
			expect.arrayContaining([
				'src/compositions/templates/title-card/TitleCard.tsx',
				'src/compositions/templates/title-card/samples/landscape.json',
				'test/title-card.template.test.ts',
			]),
		);
		for (const f of result.files) expect(existsSync(join(copy, f)), f).toBe(true);
		const registry = readFileSync(join(copy, 'src/compositions/registry.ts'), 'utf8');
		expect(registry).toContain("id: 'title-card'");
		expect(registry).toContain("import('./templates/title-card/TitleCard')");

		// The copy bundles with the new template in it, and its sample renders.
		const serveUrl = await bundle({
			entryPoint: join(copy, 'src/index.ts'),
			outDir: join(work, 'bundle'),
			publicDir: join(copy, 'public'),
			rootDir: copy,
		});
		const browserExecutable = resolveBrowserExecutableSync();
		const browser = await openBrowser('chrome', {browserExecutable, chromiumOptions: CHROMIUM_OPTIONS, logLevel: 'error'});
		try {
			const inputProps = JSON.parse(readFileSync(join(copy, 'src/compositions/templates/title-card/samples/landscape.json'), 'utf8'));
			const common = {
				serveUrl,
				inputProps,
				puppeteerInstance: browser,
				browserExecutable,
				chromiumOptions: CHROMIUM_OPTIONS,
				logLevel: 'error' as const,
			};
			const composition = await selectComposition({...common, id: 'title-card'});
			const output = join(work, 'title-card.png');
			await renderStill({...common, composition, output, frame: 40, scale: 1 / 3, imageFormat: 'png'});
			expect(probe(output).video).toMatchObject({width: 640, height: 360});
			// The title is drawn: its text colour (#f8fafc) covers part of the frame.
			const rgb = execFileSync('ffmpeg', ['-v', 'error', '-i', output, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {maxBuffer: 16 << 20});
			let light = 0;
			for (let i = 0; i < rgb.length; i += 3) if (rgb[i]! > 235 && rgb[i + 1]! > 235 && rgb[i + 2]! > 235) light++;
			expect(light).toBeGreaterThan(500);
		} finally {
			await browser.close({silent: true});
		}
	});

	it('refuses a taken id and an id that is not kebab-case, naming the fix', async () => {
		const taken = await runCli(['templates', 'new', 'promo', '--dir', copy], {cwd: work});
		expect(taken.status).toBe(2);
		expect(taken.stderr).toContain('A template "promo" already exists');
		expect(taken.stderr).toContain('choose another id');
		const bad = await runCli(['templates', 'new', 'Title Card', '--dir', copy], {cwd: work});
		expect(bad.status).toBe(2);
		expect(bad.stderr).toContain('e.g. "title-card"');
	});
});
