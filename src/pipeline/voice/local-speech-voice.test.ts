import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import OpenAI from 'openai';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {listen} from '../../../test/fakes/listen';
import {startFakeSpeechServer, type FakeSpeechServer} from '../../../test/fakes/fake-speech-server';
import {loadConfig} from '../../app/config';
import {providersFromConfig} from '../../app/providers-from-config';
import {createLocalSpeechVoice} from './local-speech-voice';
import {synthesizeNarration} from './synthesize-narration';
import {readWav, wavDurationMs} from './wav-file';

let dir: string;
let fake: FakeSpeechServer | null = null;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'promptreel-local-voice-'));
});
afterAll(async () => {
	await rm(dir, {recursive: true, force: true});
});
afterEach(async () => {
	await fake?.close();
	fake = null;
});

const client = (baseURL: string) => new OpenAI({apiKey: 'not-needed', baseURL, maxRetries: 0});
const SCRIPT = 'Deep under our feet, hot rock melts into magma. Then it rises, slowly, towards the surface.';

/** Mean and largest distance (ms) between our word starts and the true ones the server spoke. */
const onsetError = (ours: {startMs: number}[], truth: {startMs: number}[]) => {
	const d = truth.map((t, i) => Math.abs(t.startMs - ours[i]!.startMs));
	return {mean: d.reduce((a, b) => a + b, 0) / d.length, max: Math.max(...d)};
};

describe('a voice from your own OpenAI-compatible speech server (real openai client, fake server on loopback)', () => {
	it('speaks through POST /audio/speech and times the words by the server transcription endpoint', async () => {
		fake = await startFakeSpeechServer({transcription: 'words'});
		const voice = createLocalSpeechVoice({client: client(fake.baseURL)});
		expect(voice).toMatchObject({id: 'local', languages: ['en'], voice: 'kokoro/af_heart'});
		const r = await voice.synthesize({text: SCRIPT, language: 'en', outFile: path.join(dir, 'a.wav')});
		expect(fake.requests.find((q) => q.path === '/v1/audio/speech')!.json).toEqual({
			model: 'kokoro',
			voice: 'af_heart',
			input: SCRIPT,
			response_format: 'wav',
		});
		expect(fake.requests.find((q) => q.path === '/v1/audio/transcriptions')!.contentType).toMatch(/^multipart\/form-data/);
		expect(r.words.map((w) => w.text)).toEqual(SCRIPT.split(' '));
		expect(Math.abs(r.durationMs - wavDurationMs(await readWav(r.audioFile)))).toBeLessThan(2);
		// The transcript's times, unchanged: every word within 2 ms of where the server said it.
		expect(onsetError(r.words, fake.spoken[0]!.words).max).toBeLessThan(2);
		expect(r.warnings).toEqual([]);
	});

	it('reads mp3 and times words itself when the server has no transcription endpoint (asked once)', async () => {
		fake = await startFakeSpeechServer({format: 'mp3', transcription: 'missing'});
		const voice = createLocalSpeechVoice({client: client(fake.baseURL), model: 'tts-1', voice: 'bf_emma'});
		const first = await voice.synthesize({text: SCRIPT, language: 'en', outFile: path.join(dir, 'b.wav')});
		const wav = await readWav(first.audioFile);
		expect(wav.bitsPerSample).toBe(16);
		expect(first.words.map((w) => w.text)).toEqual(SCRIPT.split(' '));
		for (const [i, w] of first.words.entries()) {
			expect(w.endMs).toBeGreaterThanOrEqual(w.startMs);
			if (i > 0) expect(w.startMs).toBeGreaterThanOrEqual(first.words[i - 1]!.endMs);
		}
		const error = onsetError(first.words, fake.spoken[0]!.words);
		console.log(`own alignment vs true onsets: mean ${error.mean.toFixed(0)} ms, max ${error.max.toFixed(0)} ms`);
		expect(error.mean).toBeLessThan(150);
		expect(first.warnings).toEqual([]);
		await voice.synthesize({text: 'Lava cools into new rock.', language: 'en', outFile: path.join(dir, 'c.wav')});
		expect(fake.requests.filter((q) => q.path === '/v1/audio/transcriptions')).toHaveLength(1);
	});

	it('says so when the transcription endpoint fails, and times the words from the audio', async () => {
		fake = await startFakeSpeechServer({transcription: {status: 500}});
		const r = await createLocalSpeechVoice({client: client(fake.baseURL)}).synthesize({
			text: 'Lava cools into new rock.',
			language: 'en',
			outFile: path.join(dir, 'd.wav'),
		});
		expect(r.words).toHaveLength(5);
		expect(r.warnings).toEqual([expect.stringMatching(/Whisper transcription .* failed: HTTP 500.*timed from the audio instead/)]);
	});

	it('is chosen by PROMPTREEL_TTS_* and falls back to the offline voice with a warning when the server is down', async () => {
		fake = await startFakeSpeechServer();
		const env = {
			PROMPTREEL_DATA_DIR: dir,
			PROMPTREEL_TTS_BASE_URL: fake.baseURL,
			PROMPTREEL_TTS_VOICE: 'ef_dora',
			PROMPTREEL_TTS_LANGUAGES: 'en, es',
		};
		const providers = providersFromConfig(loadConfig(env));
		expect(providers.preferredVoice).toBe('local');
		expect(providers.summary.voice).toMatch(/^local \(kokoro "ef_dora" at http:\/\/127\.0\.0\.1:\d+\/v1, for en, es\), falls back/);
		// The configured voice speaks through the server (narration around it is OpenAI's path, tested in openai-voice.test.ts).
		const local = providers.voiceProviders[0]!;
		expect(local.id).toBe('local');
		const ok = await local.synthesize({text: 'Hola.', language: 'es', outFile: path.join(dir, 'ok.wav')});
		expect(ok.words.map((w) => w.text)).toEqual(['Hola.']);
		expect(fake.requests[0]!.json).toMatchObject({voice: 'ef_dora'});

		// A port nothing listens on: the server is down.
		const gone = await listen(() => undefined);
		await gone.close();
		const down = providersFromConfig(loadConfig({...env, PROMPTREEL_TTS_BASE_URL: `${gone.url}/v1`}));
		// Spanish, which the server's voice speaks too: espeak-ng takes over (Festival reads English only).
		const r = await synthesizeNarration({
			text: 'La lava se enfría y forma roca nueva.',
			language: 'es',
			voice: 'local',
			providers: down.voiceProviders,
			outFile: path.join(dir, 'down', 'n.mp3'),
		});
		expect(r.provider).toBe('espeak');
		expect(r.audioFile).not.toBeNull();
		expect(r.fallbacks).toEqual([
			{from: 'local', to: 'espeak', reason: expect.stringMatching(/Speech server .* speech failed: Connection error/)},
		]);
		expect(r.warnings[0]).toMatch(/Using "espeak" instead/);

		expect(() => loadConfig({PROMPTREEL_TTS_BASE_URL: 'localhost:8880'})).toThrow(/PROMPTREEL_TTS_BASE_URL.*http\(s\) base URL/s);
	});
});
