import {existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {chooseRenderFolder, isRunFolder, prepareOutputFolder} from './output-folder';

const dir = mkdtempSync(join(tmpdir(), 'promptreel-folders-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const runFolder = (name: string, command = 'plan') => {
	const folder = join(dir, name);
	mkdirSync(folder, {recursive: true});
	writeFileSync(join(folder, 'report.json'), JSON.stringify({command}));
	writeFileSync(join(folder, 'storyboard.json'), '{}');
	return folder;
};

describe('output folders of render and plan', () => {
	it('renders a storyboard where plan, generate or render made it', async () => {
		for (const command of ['plan', 'generate', 'render']) {
			const folder = runFolder(`made-by-${command}`, command);
			expect(await isRunFolder(folder)).toBe(true);
			expect(await chooseRenderFolder({storyboardFile: join(folder, 'storyboard.json'), base: join(dir, 'out'), title: 'X'})).toEqual({
				dir: folder,
				created: false,
			});
		}
	});

	it('renders any other storyboard into <base>/<slug>/, the same folder every time', async () => {
		const samples = join(dir, 'samples');
		mkdirSync(samples);
		writeFileSync(join(samples, 'landscape.json'), '{}');
		const first = await chooseRenderFolder({
			storyboardFile: join(samples, 'landscape.json'),
			base: join(dir, 'out'),
			title: 'Simple Rules',
		});
		expect(first).toEqual({dir: join(dir, 'out', 'simple-rules'), created: true});
		writeFileSync(join(first.dir, 'report.json'), JSON.stringify({command: 'render'}));
		const again = await chooseRenderFolder({
			storyboardFile: join(samples, 'landscape.json'),
			base: join(dir, 'out'),
			title: 'Simple Rules',
		});
		expect(again).toEqual({dir: first.dir, created: false});
		expect(readdirSync(join(dir, 'out'))).toEqual(['simple-rules']);
	});

	it('refuses a folder holding files it did not write', async () => {
		const foreign = join(dir, 'foreign');
		mkdirSync(foreign);
		writeFileSync(join(foreign, 'thesis.docx'), 'x');
		await expect(
			chooseRenderFolder({storyboardFile: join(dir, 'samples', 'landscape.json'), out: foreign, base: dir, title: 'X'}),
		).rejects.toMatchObject({code: 'OUTPUT_EXISTS'});
	});

	it('plan --force replaces out/<slug>/ instead of making out/<slug>-2/', async () => {
		const base = join(dir, 'plans');
		const first = await prepareOutputFolder({base, title: 'Sleep Tips'});
		writeFileSync(join(first, 'report.json'), JSON.stringify({command: 'plan'}));
		writeFileSync(join(first, 'video.mp4'), 'old');
		expect(await prepareOutputFolder({base, title: 'Sleep Tips'})).toBe(join(base, 'sleep-tips-2'));
		expect(await prepareOutputFolder({base, title: 'Sleep Tips', force: true, replaceSlug: true})).toBe(first);
		expect(existsSync(join(first, 'video.mp4'))).toBe(false);
	});
});
