import {mkdtemp, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import OpenAI from 'openai';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startFakeOpenAi, type FakeOpenAi} from '../../../test/fakes/fake-openai';
import {toneWav} from '../../../test/fakes/make-media';
import {createFestivalVoice} from './festival-voice';
import {createOpenAiVoice, createOpenAiVoices, transcribeWords} from './openai-voice';
import {synthesizeNarration} from './synthesize-narration';
import {readWav, wavDurationMs} from './wav-file';

let dir: string;
let fake: FakeOpenAi | null = null;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'promptreel-openai-voice-'));
});
afterAll(async () => {
	await rm(dir, {recursive: true, force: true});
});
afterEach(async () => {
	await fake?.close();
	fake = null;
});

const client = (f: FakeOpenAi) => new OpenAI({apiKey: 'sk-fake', baseURL: f.baseURL, maxRetries: 0});
const SCRIPT = 'Magma rises, pressure builds, and the volcano erupts at 1,200 degrees!';

describe('OpenAI voice against a local fake server (real openai client)', () => {
	it("speaks (wav) and shows the SCRIPT's words timed by Whisper, tolerating misheard words", async () => {
		fake = await startFakeOpenAi({mishear: {magma: 'Magna', '1,200': '1200'}});
		const voice = createOpenAiVoice({client: client(fake), voice: 'nova'});
		expect(voice.id).toBe('openai:nova');
		const out = path.join(dir, 'raw.wav');
		const r = await voice.synthesize({text: SCRIPT, language: 'en', rate: 1.25, outFile: out});
		const wav = await readWav(out);
		expect(wav.sampleRate).toBe(24_000);
		expect(Math.abs(r.durationMs - wavDurationMs(wav))).toBeLessThan(2);
		// The script's spelling and punctuation, in order, timed, inside the audio.
		expect(r.words.map((w) => w.text)).toEqual(SCRIPT.split(' '));
		for (const [i, w] of r.words.entries()) {
			expect(w.endMs).toBeGreaterThanOrEqual(w.startMs);
			if (i > 0) expect(w.startMs).toBeGreaterThanOrEqual(r.words[i - 1]!.endMs);
		}
		expect(r.words.at(-1)!.endMs).toBeLessThanOrEqual(r.durationMs);
		expect(r.words[0]!.startMs).toBeGreaterThanOrEqual(90);

		const speech = fake.requests.find((q) => q.path === '/v1/audio/speech')!.json as Record<string, unknown>;
		expect(speech).toMatchObject({model: 'gpt-4o-mini-tts', voice: 'nova', input: SCRIPT, response_format: 'wav', speed: 1.25});
		const tr = fake.requests.find((q) => q.path === '/v1/audio/transcriptions')!.fields!;
		expect(tr.model).toEqual(['whisper-1']);
		expect(tr.response_format).toEqual(['verbose_json']);
		expect(tr['timestamp_granularities[]']).toEqual(['word']);
		expect(tr.language).toEqual(['en']);
	});

	it('times a voice-over file with transcribeWords (with and without the script)', async () => {
		fake = await startFakeOpenAi();
		const c = client(fake);
		// Only audio the fake spoke can be transcribed: make it speak first.
		const voice = createOpenAiVoice({client: c});
		const file = path.join(dir, 'vo.wav');
		await voice.synthesize({text: 'Lava cools into new rock.', language: 'en', outFile: file});
		const bare = await transcribeWords({client: c, file});
		expect(bare.words.map((w) => w.text)).toEqual(['Lava', 'cools', 'into', 'new', 'rock.']);
		expect(bare.text).toBe('Lava cools into new rock.');
		const scripted = await transcribeWords({client: c, file, script: 'Lava cools into new rock.', language: 'en-GB'});
		expect(scripted.words.map((w) => w.text)).toEqual(['Lava', 'cools', 'into', 'new', 'rock.']);
		await expect(transcribeWords({client: c, file: path.join(dir, 'raw.wav')})).rejects.toMatchObject({code: 'VOICE_FAILED'});
	});

	it('lists the default voice and one per built-in voice', () => {
		const ids = createOpenAiVoices({client: new OpenAI({apiKey: 'x', baseURL: 'http://127.0.0.1:9/v1'})}).map((v) => v.id);
		expect(ids[0]).toBe('openai');
		expect(ids).toEqual(expect.arrayContaining(['openai:alloy', 'openai:nova', 'openai:onyx']));
	});

	it('narrates through synthesizeNarration: normalised mp3, Whisper captions, cached', async () => {
		fake = await startFakeOpenAi();
		const providers = [...createOpenAiVoices({client: client(fake)}), createFestivalVoice()];
		const opts = {text: 'Deep under our feet, rock melts into magma.', voice: 'openai', providers, cacheDir: path.join(dir, 'cache')};
		const r = await synthesizeNarration({...opts, outFile: path.join(dir, 'n1', 'narration.mp3')});
		expect(r).toMatchObject({provider: 'openai', fallbacks: [], warnings: [], cached: false});
		expect(r.audioFile).toMatch(/narration\.mp3$/);
		expect((await stat(r.audioFile!)).size).toBeGreaterThan(1000);
		expect(r.words.map((w) => w.text).join(' ')).toBe(opts.text);
		const again = await synthesizeNarration({...opts, outFile: path.join(dir, 'n2', 'narration.mp3')});
		expect(again.cached).toBe(true);
		expect(fake.requests.filter((q) => q.path === '/v1/audio/speech')).toHaveLength(1);
	});

	it('falls back to Festival when speech or Whisper fails, then to reading speed', async () => {
		fake = await startFakeOpenAi({transcriptionStatus: 500});
		const providers = [...createOpenAiVoices({client: client(fake)}), createFestivalVoice()];
		const r = await synthesizeNarration({
			text: 'Lava cools into rock.',
			voice: 'openai:alloy',
			providers,
			outFile: path.join(dir, 'f1', 'n.mp3'),
		});
		expect(r.provider).toBe('festival');
		expect(r.audioFile).not.toBeNull();
		expect(r.fallbacks).toEqual([
			{from: 'openai:alloy', to: 'festival', reason: expect.stringMatching(/Whisper transcription .* failed: HTTP 500/)},
		]);
		expect(r.warnings[0]).toMatch(/Using "festival" instead/);
		await fake.close();

		fake = await startFakeOpenAi({speechStatus: 401});
		const broken = [...createOpenAiVoices({client: client(fake)}), createFestivalVoice({festivalPath: path.join(dir, 'no-festival')})];
		const s = await synthesizeNarration({
			text: 'Lava cools into rock.',
			voice: 'openai',
			providers: broken,
			outFile: path.join(dir, 'f2', 'n.mp3'),
		});
		expect(s.provider).toBe('none');
		expect(s.audioFile).toBeNull();
		expect(s.words).toHaveLength(4);
		expect(s.fallbacks.map((f) => [f.from, f.to])).toEqual([
			['openai', 'festival'],
			['festival', 'none'],
		]);
		expect(s.fallbacks[0]!.reason).toMatch(/HTTP 401/);
	});

	it('gives real audio from the fake (ffmpeg-made wav)', () => {
		expect(toneWav(0.5).subarray(0, 4).toString('ascii')).toBe('RIFF');
	});
});
