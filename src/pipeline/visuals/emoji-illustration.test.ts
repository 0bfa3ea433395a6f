import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {creditSchema} from '../../compositions/storyboard';
import {createEmojiIllustration} from './emoji-illustration';
import {illustrateScenes} from './illustrate-scenes';

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'promptreel-emoji-'));
});
afterAll(async () => {
	await rm(dir, {recursive: true, force: true});
});

describe('createEmojiIllustration', () => {
	it('writes the matching emoji as a standalone SVG with a viewBox and credits the set', async () => {
		const result = await createEmojiIllustration({keywords: ['volcano', 'lava', 'eruption'], seed: 1, dir});
		expect(result.emoji).toBe('🌋');
		expect(result.file).toBe(join(dir, 'emoji-volcano.svg'));
		const svg = await readFile(result.file, 'utf8');
		expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* viewBox="0 0 32 32"/);
		expect(svg.trim().endsWith('</svg>')).toBe(true);
		expect(svg).toContain('<path');
		// Balanced tags: every opened element is closed or self-closed.
		const opened = (svg.match(/<(?!\/|!|\?)[a-zA-Z][^>]*[^/]>/g) ?? []).length;
		const closed = (svg.match(/<\/[a-zA-Z][^>]*>/g) ?? []).length;
		expect(opened).toBe(closed);
		expect(creditSchema.parse(result.credit)).toEqual({
			kind: 'icon',
			title: '"volcano" emoji from Fluent Emoji Flat',
			author: 'Microsoft Corporation',
			url: 'https://github.com/microsoft/fluentui-emoji',
			license: 'MIT',
			source: 'Fluent Emoji Flat (npm @iconify-json/fluent-emoji-flat)',
		});
	});

	it('draws mirrored aliases (👉 is 👈 flipped) inside the viewBox', async () => {
		const result = await createEmojiIllustration({keywords: [], text: 'look 👉', seed: 1, dir});
		const svg = await readFile(result.file, 'utf8');
		expect(svg).toContain('scale(-1 1)');
		expect(svg).toContain('viewBox="0 0 32 32"');
	});
});

describe('illustrateScenes', () => {
	it('shows the video subject where a scene names nothing, writes every icon and marks only true fallbacks', async () => {
		const scenes = [
			{keywords: [], text: 'Kaffee wächst in den Bergen.'},
			{keywords: [], text: 'Die Kirschen werden von Hand gepflückt, Tomaten und Karotten nicht.'},
			{keywords: [], text: 'So geht es weiter.'},
		];
		const out = await illustrateScenes({scenes, language: 'de', title: 'Der Weg des Kaffees', seed: 3, dir});
		expect(out[0]!.emoji).toBe('☕');
		expect(out[2]).toMatchObject({emoji: '☕', reason: 'subject', fallback: false});
		expect(out[1]!.icons.length).toBeGreaterThanOrEqual(2);
		for (const icon of out.flatMap((o) => o.icons)) expect((await readFile(icon.file, 'utf8')).startsWith('<svg')).toBe(true);
		expect(await illustrateScenes({scenes, language: 'de', title: 'Der Weg des Kaffees', seed: 3, dir})).toEqual(out);

		const lost = await illustrateScenes({scenes: [{keywords: ['xyzzy'], text: 'Qwerty zxcv.'}], seed: 1, dir});
		expect(lost[0]).toMatchObject({fallback: true, reason: 'fallback'});
		expect(lost[0]!.fallbackReason).toBeTruthy();
	});
});
