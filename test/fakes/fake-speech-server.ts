import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {readWav, wavDurationMs} from '../../src/pipeline/voice/wav-file';
import {oracleWords} from '../support/espeak-oracle';
import {listen, readBody, sendJson} from './listen';

export type FakeSpeechServerOptions = {
	/** The audio sent whatever `response_format` asks: Kokoro-FastAPI sends mp3 by default. Default: as asked. */
	format?: 'wav' | 'mp3';
	/** POST /audio/transcriptions: word timestamps (LocalAI), 404 (Kokoro-FastAPI: none) or an error status. */
	transcription?: 'words' | 'missing' | {status: number};
};

/** One spoken request and its true word onsets (espeak-ng's own events), in ms. */
export type SpokenText = {input: string; words: {text: string; startMs: number; endMs: number}[]; durationMs: number};

export type FakeSpeechServer = {
	/** Base URL for the client, ending in /v1. */
	baseURL: string;
	requests: {path: string; json?: Record<string, unknown>; contentType: string}[];
	spoken: SpokenText[];
	close(): Promise<void>;
};

/**
 * A local speech server speaking the OpenAI audio wire format of Kokoro-FastAPI and LocalAI:
 * POST /v1/audio/speech {model, voice, input, response_format} answers real speech (espeak-ng,
 * through the test oracle, so the true word times are known), as wav or mp3; POST
 * /v1/audio/transcriptions answers verbose_json with word timestamps (those true times) for the
 * last speech it made (clients transcribe right after speaking), or 404 like a server without one.
 */
export const startFakeSpeechServer = async (options: FakeSpeechServerOptions = {}): Promise<FakeSpeechServer> => {
	const requests: FakeSpeechServer['requests'] = [];
	const spoken: SpokenText[] = [];
	const dir = mkdtempSync(join(tmpdir(), 'promptreel-fake-speech-'));
	const server = await listen(async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		const body = await readBody(req);
		const contentType = String(req.headers['content-type'] ?? '');
		const entry: FakeSpeechServer['requests'][number] = {path: url.pathname, contentType};
		requests.push(entry);
		if (req.method === 'POST' && url.pathname === '/v1/audio/speech') {
			const json = JSON.parse(body.toString('utf8')) as {model: string; voice: string; input: string; response_format?: string};
			entry.json = json;
			const events = await oracleWords({voice: 'en', wpm: 175, text: json.input, dir});
			const wavFile = join(dir, 'oracle.wav');
			const wav = readFileSync(wavFile);
			const durationMs = wavDurationMs(await readWav(wavFile));
			// espeak-ng also sends events inside a word or repeated: keep one per written word, in order.
			const starts = events.filter(
				(e, i) =>
					/\S/.test(json.input[e.char] ?? '') &&
					(e.char === 0 || /\s/.test(json.input[e.char - 1]!)) &&
					!events.slice(0, i).some((p) => p.char >= e.char),
			);
			const words = starts.map((e, i) => {
				const text = json.input.slice(e.char).split(/\s+/)[0] ?? '';
				return {text, startMs: e.onsetMs, endMs: Math.max(e.onsetMs, (starts[i + 1]?.onsetMs ?? durationMs) - 20)};
			});
			spoken.push({input: json.input, words, durationMs});
			const format = options.format ?? (json.response_format === 'mp3' ? 'mp3' : 'wav');
			const audio =
				format === 'wav'
					? wav
					: execFileSync('ffmpeg', [
							'-hide_banner',
							'-loglevel',
							'error',
							'-i',
							wavFile,
							'-c:a',
							'libmp3lame',
							'-b:a',
							'64k',
							'-f',
							'mp3',
							'pipe:1',
						]);
			res.writeHead(200, {'content-type': format === 'wav' ? 'audio/wav' : 'audio/mpeg', 'content-length': audio.length});
			return res.end(audio);
		}
		if (req.method === 'POST' && url.pathname === '/v1/audio/transcriptions') {
			const t = options.transcription ?? 'words';
			if (t === 'missing') return sendJson(res, 404, {detail: 'Not Found'});
			if (typeof t === 'object') return sendJson(res, t.status, {error: {message: 'whisper crashed', type: 'server_error'}});
			const last = spoken.at(-1);
			if (!last) return sendJson(res, 400, {error: {message: 'no audio', type: 'invalid_request_error'}});
			const bare = (w: string) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
			return sendJson(res, 200, {
				task: 'transcribe',
				language: 'english',
				duration: last.durationMs / 1000,
				text: last.input,
				words: last.words.map((w) => ({word: bare(w.text), start: w.startMs / 1000, end: w.endMs / 1000})),
				segments: [],
			});
		}
		sendJson(res, 404, {detail: 'Not Found'});
	});
	return {
		baseURL: `${server.url}/v1`,
		requests,
		spoken,
		close: async () => {
			await server.close();
			rmSync(dir, {recursive: true, force: true});
		},
	};
};
