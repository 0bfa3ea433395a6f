import {describe, expect, it} from 'vitest';
import {storyboardSchema, type Storyboard} from '../../src/compositions/storyboard';
import {newRunReport, type RunReport} from '../../src/pipeline/output';
import type {PanelVideo} from '../../scripts/panel/panel-prompts';
import {failedRow, panelMarkdown, panelRow, panelTotals, pictureName} from '../../scripts/panel/panel-summary';

const video = (lang: string): PanelVideo => ({
	id: `${lang}-x`,
	name: `${lang}-x-16x9`,
	kind: 'prose',
	lang,
	aspect: '16:9',
	prompt: 'x',
	media: [],
});

const storyboard = storyboardSchema.parse({
	title: 'From Farm to Cup',
	scenes: [
		{
			id: 's1',
			title: 'Cherries',
			narration: {text: 'Coffee grows.', audio: 'media/s1.wav'},
			visual: {kind: 'procedural', icon: 'media/emoji-cherries.svg', extraIcons: ['media/emoji-seedling.svg']},
			durationMs: 3000,
			captions: [{text: 'Coffee', startMs: 0, endMs: 400}],
			shots: [{startMs: 1500, visual: {kind: 'procedural', icon: 'media/emoji-hot-beverage.svg'}}],
		},
		{
			id: 's2',
			narration: {text: 'It is roasted.'},
			visual: {kind: 'image', src: 'media/scene-02-dusk.jpg'},
			durationMs: 3000,
		},
	],
}) as Storyboard;

const report = (language: string): RunReport => ({
	...newRunReport({command: 'generate', options: {}, language}),
	template: {id: 'explainer', chosenBy: 'prompt', reason: 'a script or topic'},
	video: {durationMs: 8000, scenes: 2, fps: 15},
	warnings: [
		{stage: 'fetching', code: 'NEUTRAL_PICTURE', message: 's2: no picture matches its words (no match).'},
		{stage: 'fetching', code: 'WEAK_PICTURE', message: 's1: its picture 🍒 (cherries) is a weak match (one word alone).'},
	],
});

/** A row of a video in `language`, run (and reported) as English. */
const rowOf = (language: string, run: Omit<Parameters<typeof panelRow>[0], 'video' | 'storyboard' | 'report'>) =>
	panelRow({video: video(language), storyboard, report: report('en'), ...run});

describe('the panel summary', () => {
	it.each([
		['media/emoji-hot-beverage.svg', 'hot-beverage'],
		['media/scene-02-01-dusk.jpg', 'media:01-dusk.jpg'],
		['media/clip.mp4', 'media:clip.mp4'],
	])('names the picture %s "%s"', (src, name) => {
		expect(pictureName(src)).toBe(name);
	});

	it('lists pictures per scene, flags neutral ones and the problems to look at first', () => {
		const row = rowOf('de', {
			audioMs: [2500, 0],
			videoMs: 9000,
			runMs: 1234,
			files: {video: 'v.mp4', sheet: 'de-x-16x9/contact-sheet.png'},
		});
		expect(row.scenes.map((s) => [s.id, s.pictures, s.neutral, s.weak])).toEqual([
			['s1', ['cherries', 'seedling', 'hot-beverage'], false, true],
			['s2', ['media:dusk.jpg'], true, false],
		]);
		expect(row.durations).toEqual({audioMs: 2500, storyboardMs: 8000, videoMs: 9000});
		const p = storyboard.theme.palette;
		expect(row.palette).toBe(`${p.background} ${p.primary} ${p.accent}`);
		expect(row.problems).toEqual([
			'written in de, run as en',
			's2 has narration but no captions',
			'the file lasts 9000 ms, the storyboard 8000 ms',
		]);
	});

	it('totals the fallback rate and videos per template, counting a failed run', () => {
		const ok = rowOf('en', {audioMs: [1, 1], videoMs: 8000, runMs: 1000, files: {video: null, sheet: null}});
		const failed = failedRow(video('ja'), new Error('no browser'), 500);
		const totals = panelTotals([ok, ok, failed]);
		expect(totals).toMatchObject({
			videos: 3,
			failed: 1,
			scenes: 4,
			neutralScenes: 2,
			fallbackRate: 0.5,
			weakScenes: 2,
			weakRate: 0.5,
			videosPerTemplate: {explainer: 2},
		});
		expect(totals.warnings).toEqual({NEUTRAL_PICTURE: 2, WEAK_PICTURE: 2});
		expect(Object.values(totals.videosPerPalette)).toEqual([2]);
		const md = panelMarkdown([ok, failed], panelTotals([ok, failed]));
		expect(md).toContain('| en-x-16x9 | en | 16:9 | explainer | From Farm to Cup | 2 | 1 | 1 | 0.0 / 8.0 | 2 | - |');
		expect(md).toContain('weak pictures: 1 (50.0%)');
		expect(md).toContain('**(weak)**');
		expect(md).toContain('FAILED: Error: no browser');
		expect(md).toContain('**(neutral)**');
	});
});
