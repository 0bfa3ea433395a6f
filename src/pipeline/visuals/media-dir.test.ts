import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {listMediaFiles, matchMediaDir, MediaDirError} from './media-dir';

const dirs: string[] = [];
const folder = async (names: string[]): Promise<string> => {
	const dir = await mkdtemp(join(tmpdir(), 'promptreel-media-'));
	dirs.push(dir);
	for (const name of names) await writeFile(join(dir, name), 'x');
	return dir;
};
afterEach(async () => {
	for (const d of dirs.splice(0)) await rm(d, {recursive: true, force: true});
});

const scenes = (n: number, keywords: string[][] = []) => Array.from({length: n}, (_, i) => ({keywords: keywords[i] ?? []}));

describe('listMediaFiles', () => {
	it('lists images and videos in natural order, skipping other and hidden files and folders', async () => {
		const dir = await folder(['10.png', '2.JPG', 'a.webm', 'notes.txt', '.hidden.png', 'b.jpeg', 'c.mov', 'd.webp', 'e.mp4']);
		await mkdir(join(dir, 'sub.png'));
		const files = await listMediaFiles(dir);
		expect(files.map((f) => [f.kind, f.path.slice(dir.length + 1)])).toEqual([
			['image', '2.JPG'],
			['image', '10.png'],
			['video', 'a.webm'],
			['image', 'b.jpeg'],
			['video', 'c.mov'],
			['image', 'd.webp'],
			['video', 'e.mp4'],
		]);
	});

	it('fails clearly for a missing folder or a file', async () => {
		await expect(listMediaFiles('/nonexistent/promptreel')).rejects.toBeInstanceOf(MediaDirError);
		const dir = await folder(['a.png']);
		await expect(listMediaFiles(join(dir, 'a.png'))).rejects.toThrow(/is not a folder/);
		await expect(listMediaFiles('/nonexistent/promptreel')).rejects.toMatchObject({code: 'MEDIA_DIR_INVALID', badInput: true});
	});
});

describe('matchMediaDir', () => {
	it('matches by scene number in the name, whatever the order of the files', async () => {
		const dir = await folder(['03-end.mp4', 'scene-2.png', '01-intro.jpg']);
		const result = await matchMediaDir({dir, scenes: scenes(3)});
		expect(result.map((m) => m && [m.kind, m.path.slice(dir.length + 1), m.matchedBy])).toEqual([
			['image', '01-intro.jpg', 'number'],
			['image', 'scene-2.png', 'number'],
			['video', '03-end.mp4', 'number'],
		]);
	});

	it('matches by a scene keyword in the name, then the rest in order; null when files run out', async () => {
		const dir = await folder(['aaa.jpg', 'lava-flow.mp4', 'bbb.png']);
		const result = await matchMediaDir({
			dir,
			scenes: scenes(4, [['magma chamber'], ['rivers of lava', 'lava'], ['hawaii'], ['volcano']]),
		});
		expect(result.map((m) => m && [m.path.slice(dir.length + 1), m.matchedBy])).toEqual([
			['aaa.jpg', 'order'],
			['lava-flow.mp4', 'keyword'],
			['bbb.png', 'order'],
			null,
		]);
	});

	it('sends numbers out of range or taken to the pool, and never a year to a scene', async () => {
		const dir = await folder(['1-a.png', '01-b.png', '9-far.png', '2024-trip.jpg']);
		const result = await matchMediaDir({dir, scenes: scenes(4)});
		expect(result.map((m) => m && [m.path.slice(dir.length + 1), m.matchedBy])).toEqual([
			['1-a.png', 'number'],
			['01-b.png', 'order'],
			['9-far.png', 'order'],
			['2024-trip.jpg', 'order'],
		]);
	});

	it('returns all null for an empty folder', async () => {
		const dir = await folder([]);
		expect(await matchMediaDir({dir, scenes: scenes(2)})).toEqual([null, null]);
	});
});
