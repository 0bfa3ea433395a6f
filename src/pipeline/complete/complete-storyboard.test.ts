import {existsSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {storyboardSchema, type Storyboard} from '../../compositions/storyboard';
import {completeStoryboard, planCompletion} from './complete-storyboard';
import {speechSceneDurationMs} from './speech-timing';

let dir: string;
let dataDir: string;
beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'promptreel-complete-'));
	// A fresh voice cache, so "from the cache" is this test's own doing.
	dataDir = join(dir, 'data');
});
afterAll(async () => {
	await rm(dir, {recursive: true, force: true});
});

const storyboard = (texts: string[], extra: Partial<Record<'durationMs' | 'durationSource', unknown>> = {}): Storyboard =>
	storyboardSchema.parse({
		title: 'Loop',
		scenes: texts.map((text, i) => ({
			id: `s${i + 1}`,
			title: `Scene ${i + 1}`,
			narration: {text},
			visual: {kind: 'procedural'},
			durationMs: 2400,
			durationSource: 'speech',
			...extra,
		})),
	});

describe('completeStoryboard', () => {
	it('voices unvoiced scenes, then only the edited one, reusing the others', async () => {
		const home = join(dir, 'loop');
		const first = await completeStoryboard({storyboard: storyboard(['Keep a schedule.', 'Cut caffeine.']), dir: home, dataDir});
		expect(first.scenes.map((s) => [s.id, s.narration, s.voiceCacheHit, s.picture])).toEqual([
			['s1', 'voiced', false, 'illustrated'],
			['s2', 'voiced', false, 'illustrated'],
		]);
		const [s1, s2] = first.storyboard.scenes;
		expect(s1!.narration).toMatchObject({
			audio: 'media/narration-s1.mp3',
			voicedText: 'Keep a schedule.',
			voice: {id: 'festival', rate: 1},
		});
		expect(existsSync(join(home, s1!.narration.audio!))).toBe(true);
		expect(s1!.captions.map((c) => c.text.trim())).toEqual(['Keep', 'a', 'schedule.']);
		// A duration that came from the speech follows it, by generate's formula.
		const speechMs = s1!.captions.at(-1)!.endMs - s1!.narration.offsetMs;
		expect(s1!.durationMs).toBeGreaterThanOrEqual(speechSceneDurationMs({offsetMs: 0, speechMs, transitionMs: 0}));
		expect(first.storyboard.credits.map((c) => c.kind)).toEqual(expect.arrayContaining(['voice', 'icon']));

		const edited = structuredClone(first.storyboard);
		edited.scenes[1]!.narration.text = 'Skip coffee after noon.';
		expect(planCompletion({storyboard: edited}).toVoice).toEqual([1]);
		const second = await completeStoryboard({storyboard: edited, dir: home, dataDir});
		expect(second.scenes.map((s) => [s.id, s.narration])).toEqual([
			['s1', 'reused'],
			['s2', 'voiced'],
		]);
		expect(second.storyboard.scenes[0]).toEqual(first.storyboard.scenes[0]);
		expect(second.storyboard.scenes[1]!.captions.map((c) => c.text.trim()).join(' ')).toBe('Skip coffee after noon.');
		expect(second.storyboard.scenes[1]!.narration.voicedText).toBe('Skip coffee after noon.');

		// The audio gone (a client sent only the text): voiced again from the cache.
		const stripped = structuredClone(second.storyboard);
		stripped.scenes[0]!.narration = {...stripped.scenes[0]!.narration, audio: null, voicedText: null, voice: null};
		const third = await completeStoryboard({storyboard: stripped, dir: join(dir, 'other'), dataDir});
		expect(third.scenes.map((s) => [s.id, s.narration, s.voiceCacheHit])).toEqual([
			['s1', 'voiced', true],
			['s2', 'reused', null],
		]);
	});

	it('keeps a duration the user set when the speech fits, lengthens it with a warning when not', async () => {
		const fits = await completeStoryboard({
			storyboard: storyboard(['Hi.'], {durationMs: 5000, durationSource: 'user'}),
			dir: join(dir, 'user'),
			dataDir,
		});
		expect(fits.storyboard.scenes[0]!.durationMs).toBe(5000);
		expect(fits.warnings).toEqual([]);
		const long = 'Sleep comes easier when the room is dark, quiet and cool, and when the phone stays in another room all night long.';
		const tight = await completeStoryboard({
			storyboard: storyboard([long], {durationMs: 1000, durationSource: 'user'}),
			dir: join(dir, 'user'),
			dataDir,
		});
		expect(tight.storyboard.scenes[0]!.durationMs).toBeGreaterThan(3000);
		expect(tight.warnings).toEqual([
			expect.objectContaining({code: 'SCENE_LENGTHENED', message: expect.stringMatching(/^scenes\.0 \("s1"\).*lengthened/)}),
		]);
	});

	it('re-voices scenes another voice made when a voice is asked for; "none" makes them silent', async () => {
		const voiced = await completeStoryboard({storyboard: storyboard(['Dim the lights.']), dir: join(dir, 'voice'), dataDir});
		expect(planCompletion({storyboard: voiced.storyboard}).toVoice).toEqual([]);
		expect(planCompletion({storyboard: voiced.storyboard, voice: 'none'}).toVoice).toEqual([0]);
		const silent = await completeStoryboard({storyboard: voiced.storyboard, voice: 'none', dir: join(dir, 'voice'), dataDir});
		expect(silent.scenes[0]).toMatchObject({narration: 'silent', voice: 'none'});
		expect(silent.storyboard.scenes[0]!.narration).toMatchObject({audio: null, voicedText: 'Dim the lights.', voice: {id: 'none'}});
		expect(silent.storyboard.scenes[0]!.captions.length).toBe(3);
		// Silent on purpose: the next render leaves it so.
		expect(planCompletion({storyboard: silent.storyboard}).toVoice).toEqual([]);
	});
});
