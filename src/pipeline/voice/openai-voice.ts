import {readFile, rm, writeFile} from 'node:fs/promises';
import {basename} from 'node:path';
import {openAiWhisperApiToCaptions, type OpenAiVerboseTranscription} from '@remotion/openai-whisper';
import type OpenAI from 'openai';
import {APIError, toFile} from 'openai';
import {alignTokenTimings} from './align-token-timings';
import {decodeAudio} from './decode-audio';
import {chunkTokens, tokenizeScript, tokenKey} from './tokenize-script';
import {VoiceSynthesisError} from './voice-errors';
import type {SynthesisResult, VoiceProvider, WordTiming} from './voice-provider';
import {readWav, wavDurationMs, writeWav, type PcmWav} from './wav-file';

/** Built-in voices of OpenAI's speech models (`--voice openai:<name>`). */
export const OPENAI_VOICES = ['alloy', 'ash', 'ballad', 'coral', 'echo', 'fable', 'nova', 'onyx', 'sage', 'shimmer', 'verse'] as const;
export const DEFAULT_OPENAI_VOICE = 'alloy';
export const DEFAULT_SPEECH_MODEL = 'gpt-4o-mini-tts';
export const DEFAULT_TRANSCRIPTION_MODEL = 'whisper-1';

/** Languages Whisper transcribes well and the speech models speak (ISO 639-1). */
export const OPENAI_VOICE_LANGUAGES =
	'af ar hy az be bs bg ca zh hr cs da nl en et fi fr gl de el he hi hu is id it ja kn kk ko lv lt mk ms mr mi ne no nb fa pl pt ro ru sr sk sl es sw sv tl ta th tr uk ur vi cy'.split(
		' ',
	);

// The speech endpoint takes at most 4096 characters per request.
const MAX_SPEECH_CHARS = 4000;

export type OpenAiVoiceOptions = {
	/** The official client; `baseURL` may point at any server with the same audio endpoints. */
	client: OpenAI;
	/** Default DEFAULT_OPENAI_VOICE. */
	voice?: string;
	/** Default DEFAULT_SPEECH_MODEL. */
	model?: string;
	/** Default DEFAULT_TRANSCRIPTION_MODEL. */
	transcriptionModel?: string;
	/** Each request. Default 120 s. */
	timeoutMs?: number;
	/** Another server's identity (local-speech-voice.ts); default OpenAI's. */
	identity?: Pick<VoiceProvider, 'id' | 'name' | 'languages' | 'license'>;
	/** Times one spoken chunk's words; default Whisper (transcribeWords) on the same client. */
	timeWords?: WordTimer;
};

/** Times the script's words in speech we made: `wav` is `file` read, 16-bit PCM. */
export type WordTimer = (o: {
	file: string;
	wav: PcmWav;
	language: string;
	script: string;
	signal?: AbortSignal;
}) => Promise<{words: WordTiming[]; warnings: string[]}>;

export type TranscribeWordsOptions = {
	client: OpenAI;
	/** An audio file (wav, mp3, m4a, ...; at most 25 MB). */
	file: string;
	/** BCP 47 tag of the speech; helps Whisper. */
	language?: string;
	/**
	 * What is said, when known: the result is then the script's own words (its spelling and
	 * punctuation) timed by the transcript, not the transcript's words.
	 */
	script?: string;
	model?: string;
	timeoutMs?: number;
	signal?: AbortSignal;
};

export type TranscribedWords = {words: WordTiming[]; text: string; durationMs: number};

const describe = (error: unknown): string =>
	error instanceof APIError && error.status !== undefined ? `HTTP ${error.status}: ${error.message}` : (error as Error).message;

/**
 * Times the words of an audio file with Whisper (`verbose_json`, word timestamps), through
 * `@remotion/openai-whisper`. With `script`, the script's words are aligned to the transcript's
 * by their letters (tolerating words Whisper heard differently) and timed by it. Use it for the
 * narration we synthesise and for a voice-over you recorded.
 */
export const transcribeWords = async (o: TranscribeWordsOptions): Promise<TranscribedWords> => {
	const language = o.language?.split('-')[0]?.toLowerCase();
	let transcription;
	try {
		transcription = await o.client.audio.transcriptions.create(
			{
				file: await toFile(await readFile(o.file), basename(o.file)),
				model: o.model ?? DEFAULT_TRANSCRIPTION_MODEL,
				response_format: 'verbose_json',
				timestamp_granularities: ['word'],
				...(language && OPENAI_VOICE_LANGUAGES.includes(language) ? {language} : {}),
				// Whisper's prompt steers spelling; it reads only its last ~224 tokens.
				...(o.script ? {prompt: o.script.slice(-800)} : {}),
			},
			{signal: o.signal, timeout: o.timeoutMs ?? 120_000},
		);
	} catch (error) {
		if (o.signal?.aborted) throw o.signal.reason;
		throw new VoiceSynthesisError(`Whisper transcription of ${basename(o.file)} failed: ${describe(error)}`, {cause: error});
	}
	const verbose = transcription as unknown as OpenAiVerboseTranscription;
	if (!Array.isArray(verbose.words)) {
		throw new VoiceSynthesisError('The transcription has no word timestamps (the server ignored timestamp_granularities=["word"]).');
	}
	const durationMs = Math.round(Number(verbose.duration) * 1000) || 0;
	let heard: {text: string; startMs: number; endMs: number}[];
	try {
		// Attaches the transcript's punctuation to its words.
		heard = openAiWhisperApiToCaptions({transcription: structuredClone(verbose)}).captions.map((c) => ({
			text: c.text,
			startMs: c.startMs,
			endMs: c.endMs,
		}));
	} catch {
		// It throws when a word is missing from the text; the bare words still carry the times.
		heard = verbose.words.map((w) => ({text: w.word, startMs: w.start * 1000, endMs: w.end * 1000}));
	}
	if (!o.script) {
		return {
			words: heard.map((w) => ({text: w.text.trim(), startMs: Math.round(w.startMs), endMs: Math.round(w.endMs)})),
			text: verbose.text,
			durationMs,
		};
	}
	const tokens = tokenizeScript(o.script, o.language ?? 'en');
	const spans = alignTokenTimings(
		tokens.map((t) => t.key),
		heard.map((w) => ({key: tokenKey(w.text), words: [{startMs: w.startMs, endMs: w.endMs}]})),
	);
	const words = tokens.map((t, i) => {
		const s = spans[i] ?? {startMs: 0, endMs: 0};
		return {text: t.text, startMs: Math.round(s.startMs), endMs: Math.round(s.endMs)};
	});
	return {words, text: verbose.text, durationMs};
};

/**
 * The speech a server sent, as 16-bit PCM wav in `file`: OpenAI sends the wav asked for; other
 * servers (Kokoro-FastAPI, LocalAI) may send float wav or mp3, which ffmpeg decodes.
 */
const readSpeech = async (o: {audio: Buffer; file: string; signal?: AbortSignal}): Promise<PcmWav> => {
	if (o.audio.subarray(0, 4).toString('latin1') === 'RIFF') {
		await writeFile(o.file, o.audio);
		const wav = await readWav(o.file).catch(() => null);
		if (wav?.bitsPerSample === 16) return wav;
	}
	const raw = `${o.file}.source`;
	try {
		await writeFile(raw, o.audio);
		await decodeAudio({file: raw, outFile: o.file, sampleRate: 24_000, signal: o.signal});
		return await readWav(o.file);
	} catch (error) {
		if (o.signal?.aborted) throw error;
		throw new VoiceSynthesisError(`The speech server sent audio that cannot be read: ${(error as Error).message}`, {cause: error});
	} finally {
		await rm(raw, {force: true}).catch(() => undefined);
	}
};

/**
 * A neural voice: OpenAI `audio.speech.create` (wav), then Whisper word timestamps mapped onto
 * the script's words (the speech API gives no timings). Any server with the same endpoints works
 * through the client's `baseURL`. Long narrations are spoken in chunks of whole sentences.
 */
export const createOpenAiVoice = (options: OpenAiVoiceOptions): VoiceProvider => {
	const voice = options.voice ?? DEFAULT_OPENAI_VOICE;
	const model = options.model ?? DEFAULT_SPEECH_MODEL;
	const timeoutMs = options.timeoutMs ?? 120_000;
	const timeWords: WordTimer =
		options.timeWords ??
		(async (t) => ({
			words: (
				await transcribeWords({
					client: options.client,
					file: t.file,
					language: t.language,
					script: t.script,
					model: options.transcriptionModel,
					timeoutMs,
					signal: t.signal,
				})
			).words,
			warnings: [],
		}));
	const identity = options.identity ?? {
		id: options.voice === undefined ? 'openai' : `openai:${voice}`,
		name: `OpenAI ${model} "${voice}", timed by ${options.transcriptionModel ?? DEFAULT_TRANSCRIPTION_MODEL}`,
		languages: OPENAI_VOICE_LANGUAGES,
		license: 'AI-generated voice (OpenAI text-to-speech)',
	};
	return {
		...identity,
		voice: `${model}/${voice}`,
		isAvailable: async () => ({ok: true}),
		async synthesize(opts): Promise<SynthesisResult> {
			const rate = opts.rate ?? 1;
			if (!(rate >= 0.25 && rate <= 4)) throw new VoiceSynthesisError(`rate must be between 0.25 and 4, got ${rate}.`);
			const tokens = tokenizeScript(opts.text, opts.language);
			const chunks =
				opts.text.length <= MAX_SPEECH_CHARS
					? [opts.text]
					: chunkTokens(opts.text, tokens, {language: opts.language, maxChars: MAX_SPEECH_CHARS}).map((c) =>
							opts.text.slice(c[0]!.start, c[c.length - 1]!.end),
						);
			const words: WordTiming[] = [];
			const warnings: string[] = [];
			const parts: PcmWav[] = [];
			let offsetMs = 0;
			for (const [i, chunk] of chunks.entries()) {
				const file = `${opts.outFile}.part-${i}.wav`;
				try {
					let audio: Buffer;
					try {
						const res = await options.client.audio.speech.create(
							{model, voice, input: chunk, response_format: 'wav', ...(rate !== 1 ? {speed: rate} : {})},
							{signal: opts.signal, timeout: timeoutMs},
						);
						audio = Buffer.from(await res.arrayBuffer());
					} catch (error) {
						if (opts.signal?.aborted) throw opts.signal.reason;
						throw new VoiceSynthesisError(`${identity.name}: speech failed: ${describe(error)}`, {cause: error});
					}
					const wav = await readSpeech({audio, file, signal: opts.signal});
					const previous = parts[0];
					if (
						previous &&
						(wav.sampleRate !== previous.sampleRate || wav.channels !== previous.channels || wav.bitsPerSample !== previous.bitsPerSample)
					) {
						throw new VoiceSynthesisError(`${identity.name}: speech came back in chunks of different wav formats.`);
					}
					const timed = await timeWords({file, wav, language: opts.language, script: chunk, signal: opts.signal});
					warnings.push(...timed.warnings);
					const lengthMs = wavDurationMs(wav);
					for (const w of timed.words) {
						words.push({
							text: w.text,
							startMs: Math.round(offsetMs + Math.min(w.startMs, lengthMs)),
							endMs: Math.round(offsetMs + Math.min(w.endMs, lengthMs)),
						});
					}
					parts.push(wav);
					offsetMs += lengthMs;
				} finally {
					await rm(file, {force: true}).catch(() => undefined);
				}
			}
			const first = parts[0]!;
			await writeWav(opts.outFile, {
				sampleRate: first.sampleRate,
				channels: first.channels,
				bitsPerSample: first.bitsPerSample,
				data: Buffer.concat(parts.map((p) => p.data)),
			});
			return {audioFile: opts.outFile, durationMs: Math.round(offsetMs), words, warnings};
		},
	};
};

/** The default OpenAI voice (`openai`) and one provider per built-in voice (`openai:<name>`). */
export const createOpenAiVoices = (options: Omit<OpenAiVoiceOptions, 'voice'>): VoiceProvider[] => [
	createOpenAiVoice(options),
	...OPENAI_VOICES.map((voice) => createOpenAiVoice({...options, voice})),
];
