import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {computeTimeline} from '../../compositions/storyboard';
import {UnknownTemplateError} from '../errors';
import {runReportSchema} from '../output';
import {planVideo} from './plan-video';

const SCRIPT = 'Volcanoes grow where hot magma rises. Lava cools into new rock. Islands are born this way.';

describe('planVideo (a plan as data, no files)', () => {
	it('returns a valid silent storyboard timed at reading speed and its plan report', async () => {
		const stages: string[] = [];
		const {storyboard, media, report} = await planVideo({
			prompt: SCRIPT,
			options: {aspect: '9:16', seed: 3},
			onProgress: (p) => stages.push(`${p.stage}:${p.progress}`),
		});
		expect(storyboard.format.aspect).toBe('9:16');
		expect(storyboard.scenes.length).toBeGreaterThan(0);
		for (const scene of storyboard.scenes) {
			expect(scene.narration.audio).toBeNull();
			expect(scene.visual).toEqual({kind: 'procedural', style: 'orbs', icon: null, extraIcons: []});
			expect(scene.captions.length).toBeGreaterThan(0);
			// Each scene lasts its words plus the pauses around them, captions inside it.
			expect(scene.captions.at(-1)!.endMs).toBeLessThan(scene.durationMs);
		}
		expect(storyboard.scenes.flatMap((s) => s.captions.map((c) => c.text.trim())).join(' ')).toBe(SCRIPT);
		// The music choice is written into the storyboard: a bundled loop by the plan's mood, named by its path in public/.
		expect(storyboard.music).toMatchObject({src: expect.stringMatching(/^music\/[a-z-]+\.mp3$/), durationMs: expect.any(Number)});
		expect(media).toEqual([{src: storyboard.music!.src, file: expect.stringMatching(/public\/music\/[a-z-]+\.mp3$/)}]);
		expect(storyboard.credits.map((c) => c.kind)).toEqual(['music', 'font']);
		expect(stages).toEqual(['planning:0', 'planning:1']);

		expect(runReportSchema.parse(report)).toMatchObject({
			command: 'plan',
			prompt: SCRIPT,
			providers: {planning: 'heuristic'},
			video: {durationMs: computeTimeline(storyboard).durationMs, scenes: storyboard.scenes.length},
			cacheHit: null,
			error: null,
		});
		expect(report.providers.rendering).toBeUndefined();
	});

	it('writes no music for --music none, and refuses an unknown one before planning', async () => {
		const {storyboard, media} = await planVideo({prompt: SCRIPT, options: {music: 'none'}});
		expect(storyboard.music).toBeNull();
		expect(media).toEqual([]);
		await expect(planVideo({prompt: SCRIPT, options: {music: 'kazoo'}})).rejects.toMatchObject({
			code: 'UNKNOWN_MUSIC',
			message: expect.stringMatching(/calm-pad/),
		});
	});

	it('refuses an unknown template before planning, naming the valid ones', async () => {
		await expect(planVideo({prompt: SCRIPT, options: {template: 'nope'}})).rejects.toBeInstanceOf(UnknownTemplateError);
		await expect(planVideo({prompt: SCRIPT, options: {template: 'nope'}})).rejects.toThrow(/Valid templates: explainer/);
	});

	it('warns in the report about a picture that one keyword alone chose, naming the scene', async () => {
		const outDir = await mkdtemp(join(tmpdir(), 'promptreel-weak-'));
		try {
			const {storyboard, report} = await planVideo({
				prompt: '毎月少しずつお金を貯金しましょう。',
				options: {lang: 'ja', seed: 1},
				visuals: {outDir},
			});
			const weak = report.warnings.filter((w) => w.code === 'WEAK_PICTURE');
			expect(weak.map((w) => w.message.split(':')[0])).toEqual([storyboard.scenes[0]!.id]);
			expect(weak[0]!.message).toContain('"お金"');
			expect(report.warnings.map((w) => w.code)).not.toContain('NEUTRAL_PICTURE');
		} finally {
			await rm(outDir, {recursive: true, force: true});
		}
	});
});
