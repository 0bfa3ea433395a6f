import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {storyboardSchema} from '../../src/compositions/storyboard';
import {generateVideo} from '../../src/pipeline/generate';
import {runReportSchema} from '../../src/pipeline/output';
import {providersFromConfig} from '../../src/app';
import {createLocalRenderer} from '../../src/pipeline/render';
import {probe} from '../support/ffprobe';
import {runCli} from '../support/run-cli';
import {TEST_DATA_DIR} from '../support/test-env';
import {startFakeOpenAi, type FakeOpenAi} from './fake-openai';
import {startFakePexels, type FakePexels} from './fake-pexels';

// A short plan keeps the real render small: three scenes of a few words.
const SHORT_PLAN = {
	title: 'How Volcanoes Form',
	template: 'explainer',
	musicMood: 'calm',
	scenes: [
		{
			title: 'Molten Rock',
			text: null,
			narration: 'Deep down, rock melts.',
			keywords: ['magma chamber underground', 'molten lava glow', 'lava'],
		},
		{
			title: 'Eruption',
			text: 'Up to 1,200 °C',
			narration: 'Pressure builds. It erupts!',
			keywords: ['volcano eruption at night', 'erupting volcano', 'volcano'],
		},
		{
			title: 'A Mountain Grows',
			text: null,
			narration: 'Cooled lava builds a cone.',
			keywords: ['volcanic cone aerial view', 'volcano mountain', 'mountain'],
		},
	],
};

const work = mkdtempSync(join(tmpdir(), 'promptreel-online-'));
const dataDir = join(work, 'data');
let openai: FakeOpenAi;
let pexels: FakePexels;
const renderer = createLocalRenderer({cacheDir: TEST_DATA_DIR});

beforeAll(async () => {
	openai = await startFakeOpenAi({chat: () => ({content: JSON.stringify(SHORT_PLAN)}), secondsPerWord: 0.25});
	pexels = await startFakePexels();
});
afterAll(async () => {
	await renderer.close();
	await openai.close();
	await pexels.close();
	rmSync(work, {recursive: true, force: true});
});

describe('generate with online providers (local fakes of OpenAI and Pexels, real clients, real render)', () => {
	it('"How volcanoes form": LLM narration, Pexels media, Whisper-timed captions, complete credits', async () => {
		const providers = providersFromConfig({
			dataDir,
			openai: {apiKey: 'sk-fake', baseUrl: openai.baseURL, plannerModel: 'fake-planner'},
			pexels: {apiKey: 'fake-pexels-key', baseUrl: pexels.url},
		});
		expect(providers.preferredVoice).toBe('openai');
		const result = await generateVideo({
			prompt: 'How volcanoes form',
			options: {quality: 'draft', voice: providers.preferredVoice, lang: 'en', music: 'none'},
			outDir: join(work, 'online'),
			dataDir,
			renderer,
			planner: providers.planner,
			voiceProviders: providers.voiceProviders,
			visualsProvider: providers.visualsProvider,
		});
		const sb = storyboardSchema.parse(JSON.parse(readFileSync(result.files.storyboard!, 'utf8')));
		const report = runReportSchema.parse(JSON.parse(readFileSync(result.files.report!, 'utf8')));
		expect(report.providers).toMatchObject({planning: 'openai', voicing: 'openai', fetching: 'pexels', rendering: 'local'});
		expect(report.fallbacks).toEqual([]);

		// The model's narration, spoken by the neural voice and captioned with the script's words.
		expect(sb.scenes.map((s) => s.narration.text)).toEqual(SHORT_PLAN.scenes.map((s) => s.narration));
		for (const s of sb.scenes) {
			expect(s.narration.audio).toMatch(/^media\/narration-scene-\d\.mp3$/);
			expect(s.captions.map((c) => c.text.trim()).join(' ')).toBe(s.narration.text);
		}
		expect(openai.requests.filter((r) => r.path === '/v1/audio/transcriptions')).toHaveLength(3);

		// Pexels media on every scene that has a match, at the draft size, with the clip length measured.
		expect(sb.scenes.map((s) => s.visual.kind)).toEqual(['video', 'video', 'image']);
		expect(sb.scenes[0]!.visual).toMatchObject({src: 'media/pexels-video-3066401-640x360.mp4', durationMs: expect.any(Number)});
		expect(sb.scenes[2]!.visual).toMatchObject({src: expect.stringMatching(/^media\/pexels-photo-7001-640x360\.jpg$/)});

		// Credits: the Pexels line first (the end card shows it even when the list is cut), each author with a link.
		const credits = JSON.parse(readFileSync(result.files.credits!, 'utf8')) as {
			credits: {title: string; source: string | null; author: string | null; authorUrl?: string | null; url: string | null}[];
		};
		expect(sb.credits[0]!.title).toBe('Photos and videos provided by Pexels');
		const pexelsCredits = credits.credits.filter((c) => c.source === 'Pexels');
		expect(pexelsCredits).toHaveLength(3);
		for (const c of pexelsCredits) {
			expect(c.author).toBeTruthy();
			expect(c.authorUrl).toMatch(/^https:\/\/www\.pexels\.com\/@/);
			expect(c.url).toMatch(/^https:\/\/www\.pexels\.com\/(video|photo)\//);
		}
		expect(sb.endCard.enabled).toBe(true);

		const p = probe(result.files.video!);
		expect(p.video.height).toBe(360);
		expect(p.audio).not.toBeNull();
		console.log(
			`online generate: ${sb.scenes.length} scenes, ${p.durationSec.toFixed(1)} s video in ${(report.totalMs / 1000).toFixed(1)} s (render ${(report.stagesMs.rendering! / 1000).toFixed(1)} s)`,
		);
	});

	it('with every online provider failing, the CLI still makes a video offline and report.json says why', async () => {
		const deadOpenAi = await startFakeOpenAi({chat: () => ({status: 500, message: 'the model crashed'}), speechStatus: 503});
		const deadPexels = await startFakePexels({downStatus: 503});
		try {
			const out = join(work, 'offline');
			const r = await runCli(
				['generate', 'How volcanoes form', '--quality', 'draft', '--out', out, '--music', 'none', '--lang', 'en', '--json'],
				{
					cwd: work,
					env: {
						PROMPTREEL_DATA_DIR: TEST_DATA_DIR,
						OPENAI_API_KEY: 'sk-fake',
						OPENAI_BASE_URL: deadOpenAi.baseURL,
						PEXELS_API_KEY: 'fake-pexels-key',
						PEXELS_BASE_URL: deadPexels.url,
					},
				},
			);
			expect(r.status, r.stderr + r.stdout).toBe(0);
			const report = runReportSchema.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')));
			expect(report.providers).toMatchObject({planning: 'heuristic', voicing: 'festival', fetching: 'emoji-illustrations'});
			const by = (stage: string) => report.fallbacks.filter((f) => f.stage === stage);
			expect(by('planning')).toEqual([{stage: 'planning', from: 'openai', to: 'heuristic', reason: expect.stringContaining('500')}]);
			expect(by('voicing')[0]).toMatchObject({from: 'openai', to: 'festival', reason: expect.stringContaining('HTTP 503')});
			expect(by('fetching')[0]).toMatchObject({
				from: 'pexels',
				to: 'emoji-illustrations',
				reason: expect.stringMatching(/^scene-1: every Pexels search failed \(.*503/),
			});
			expect(report.warnings.map((w) => w.code)).toEqual(
				expect.arrayContaining(['PLANNER_FALLBACK', 'NEEDS_PLANNER_MODEL', 'VOICE_FALLBACK']),
			);
			const p = probe(join(out, 'video.mp4'));
			expect(p.video.frames).toBeGreaterThan(30);
			// The requests really went to the fakes.
			expect(deadOpenAi.requests.some((q) => q.path === '/v1/chat/completions')).toBe(true);
			expect(deadPexels.requests.length).toBeGreaterThan(0);
		} finally {
			await deadOpenAi.close();
			await deadPexels.close();
		}
	});
});
