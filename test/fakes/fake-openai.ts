import {createHash} from 'node:crypto';
import {listen, readBody, sendJson} from './listen';
import {toneWav} from './make-media';

/** What the fake answers to one chat completion request. */
export type ChatReply =
	| {content: string}
	| {status: number; message: string}
	/** Never answers (a hung server): the client's timeout must fire. */
	| {hang: true};

export type ChatRequest = {
	model: string;
	messages: {role: string; content: string}[];
	response_format?: {type: string; json_schema?: {name: string; strict?: boolean; schema: Record<string, unknown>}};
	temperature?: number;
};

export type FakeOpenAiOptions = {
	/** The n-th (0-based) chat request's reply. Default: a valid plan about volcanoes. */
	chat?: (body: ChatRequest, n: number) => ChatReply;
	/** Fail the speech endpoint with this status. */
	speechStatus?: number;
	/** Fail the transcription endpoint with this status. */
	transcriptionStatus?: number;
	/** Words Whisper "mishears" (lower-cased script word -> what it writes), to test alignment. */
	mishear?: Record<string, string>;
	/** Seconds of speech per word. Default 0.3. */
	secondsPerWord?: number;
};

export type FakeOpenAi = {
	/** Base URL for the client, ending in /v1. */
	baseURL: string;
	requests: {method: string; path: string; json?: unknown; fields?: Record<string, string[]>; auth: string | undefined}[];
	close(): Promise<void>;
};

/** A plan as a model would write it about "How volcanoes form" (valid for the explainer template). */
export const VOLCANO_PLAN = {
	title: 'How Volcanoes Form',
	template: 'explainer',
	musicMood: 'calm',
	scenes: [
		{
			title: 'Molten Rock Below',
			text: 'Magma: up to 1,200 °C',
			narration: 'Deep under our feet, rock melts into magma.',
			keywords: ['magma chamber underground', 'molten lava glow', 'lava'],
		},
		{
			title: 'Pressure Builds',
			text: null,
			narration: 'Magma rises, pressure builds, and the volcano erupts!',
			keywords: ['volcano eruption at night', 'erupting volcano', 'volcano'],
		},
		{
			title: 'A Mountain Grows',
			text: null,
			narration: "Layer by layer, cooled lava builds the mountain's cone.",
			keywords: ['volcanic cone aerial view', 'volcano mountain', 'mountain'],
		},
	],
};

const completion = (model: string, content: string) => ({
	id: `chatcmpl-fake-${Date.now()}`,
	object: 'chat.completion',
	created: Math.floor(Date.now() / 1000),
	model,
	choices: [{index: 0, message: {role: 'assistant', content, refusal: null, annotations: []}, logprobs: null, finish_reason: 'stop'}],
	usage: {prompt_tokens: 420, completion_tokens: 180, total_tokens: 600},
	system_fingerprint: 'fp_fake',
});

/** Hash of a wav's samples (its data chunk), so a re-written header still matches. */
const pcmHash = (wav: Buffer): string => {
	const at = wav.indexOf('data', 12, 'ascii');
	return createHash('sha256')
		.update(at < 0 ? wav : wav.subarray(at + 8))
		.digest('hex');
};

/** Minimal multipart/form-data parser: field values as text, files as buffers. */
const parseMultipart = (body: Buffer, contentType: string): {fields: Record<string, string[]>; files: Record<string, Buffer>} => {
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
	const fields: Record<string, string[]> = {};
	const files: Record<string, Buffer> = {};
	if (!boundary) return {fields, files};
	const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
	let start = body.indexOf(delimiter);
	while (start !== -1) {
		const next = body.indexOf(delimiter, start + delimiter.length);
		if (next === -1) break;
		const part = body.subarray(start + delimiter.length + 2, next - 2);
		const headerEnd = part.indexOf('\r\n\r\n');
		const headers = part.subarray(0, headerEnd).toString('utf8');
		const content = part.subarray(headerEnd + 4);
		const name = /name="([^"]+)"/.exec(headers)?.[1] ?? '';
		if (/filename="/.test(headers)) files[name] = content;
		else (fields[name] ??= []).push(content.toString('utf8'));
		start = next;
	}
	return {fields, files};
};

/**
 * A local server speaking OpenAI's wire format for the endpoints promptreel uses:
 * POST /v1/chat/completions (json_schema structured output), POST /v1/audio/speech (a real wav
 * it makes with ffmpeg), POST /v1/audio/transcriptions (verbose_json with word timestamps of the
 * speech it made, matched by the audio's hash).
 */
export const startFakeOpenAi = async (options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> => {
	const requests: FakeOpenAi['requests'] = [];
	const spoken = new Map<string, {text: string; durationSec: number}>();
	let chats = 0;
	const perWord = options.secondsPerWord ?? 0.3;
	const server = await listen(async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		const body = await readBody(req);
		const auth = req.headers.authorization;
		const contentType = String(req.headers['content-type'] ?? '');
		const entry: FakeOpenAi['requests'][number] = {method: req.method ?? 'GET', path: url.pathname, auth};
		requests.push(entry);
		if (req.method === 'POST' && url.pathname === '/v1/chat/completions') {
			const json = JSON.parse(body.toString('utf8')) as ChatRequest;
			entry.json = json;
			const reply = (options.chat ?? (() => ({content: JSON.stringify(VOLCANO_PLAN)})))(json, chats++);
			if ('hang' in reply) return; // never answers
			if ('status' in reply)
				return sendJson(res, reply.status, {error: {message: reply.message, type: 'server_error', param: null, code: null}});
			return sendJson(res, 200, completion(json.model, reply.content));
		}
		if (req.method === 'POST' && url.pathname === '/v1/audio/speech') {
			const json = JSON.parse(body.toString('utf8')) as {
				model: string;
				voice: string;
				input: string;
				response_format?: string;
				speed?: number;
			};
			entry.json = json;
			if (options.speechStatus) return sendJson(res, options.speechStatus, {error: {message: 'speech is down', type: 'server_error'}});
			const words = json.input.split(/\s+/).filter(Boolean).length;
			const durationSec = 0.2 + (words * perWord) / (json.speed ?? 1);
			const wav = toneWav(durationSec);
			spoken.set(pcmHash(wav), {text: json.input, durationSec});
			res.writeHead(200, {'content-type': 'audio/wav', 'content-length': wav.length});
			return res.end(wav);
		}
		if (req.method === 'POST' && url.pathname === '/v1/audio/transcriptions') {
			const {fields, files} = parseMultipart(body, contentType);
			entry.fields = fields;
			if (options.transcriptionStatus)
				return sendJson(res, options.transcriptionStatus, {error: {message: 'whisper is down', type: 'server_error'}});
			const audio = files.file;
			const known = audio ? spoken.get(pcmHash(audio)) : undefined;
			if (!known)
				return sendJson(res, 400, {error: {message: 'Audio file might be corrupted or unsupported', type: 'invalid_request_error'}});
			// Whisper's text keeps punctuation; its words do not. Words are spread over the speech.
			const heard = known.text
				.split(/\s+/)
				.filter(Boolean)
				.map((w) => {
					const bare = w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
					const replaced = options.mishear?.[bare.toLowerCase()];
					return {written: replaced === undefined ? w : w.replace(bare, replaced), bare: replaced ?? bare};
				})
				.filter((w) => w.bare !== '');
			const step = (known.durationSec - 0.2) / Math.max(1, heard.length);
			const words = heard.map((w, i) => ({word: w.bare, start: +(0.1 + i * step).toFixed(2), end: +(0.1 + (i + 0.85) * step).toFixed(2)}));
			const text = heard.map((w) => w.written).join(' ');
			return sendJson(res, 200, {
				task: 'transcribe',
				language: 'english',
				duration: known.durationSec,
				text,
				words,
				segments: [
					{
						id: 0,
						seek: 0,
						start: 0,
						end: known.durationSec,
						text: ` ${text}`,
						tokens: [],
						temperature: 0,
						avg_logprob: -0.2,
						compression_ratio: 1.2,
						no_speech_prob: 0.01,
					},
				],
				usage: {type: 'duration', seconds: Math.ceil(known.durationSec)},
			});
		}
		sendJson(res, 404, {error: {message: `Unknown path ${url.pathname}`, type: 'invalid_request_error'}});
	});
	return {baseURL: `${server.url}/v1`, requests, close: server.close};
};
