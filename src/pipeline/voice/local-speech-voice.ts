import type OpenAI from 'openai';
import {APIError} from 'openai';
import {alignWordsToSpeech} from './align-words-to-speech';
import {createOpenAiVoice, transcribeWords, type WordTimer} from './openai-voice';
import {speechActivity} from './speech-activity';
import {tokenizeScript} from './tokenize-script';
import type {VoiceProvider} from './voice-provider';

/** The id of the voice of your own speech server (`--voice local`). */
export const LOCAL_VOICE = 'local';
/** Kokoro-FastAPI's model and default voice: the usual local speech server (README.md, "Voices"). */
export const DEFAULT_LOCAL_SPEECH_MODEL = 'kokoro';
export const DEFAULT_LOCAL_SPEECH_VOICE = 'af_heart';

export type LocalSpeechVoiceOptions = {
	/** The official client with `baseURL` set to the server (e.g. http://localhost:8880/v1). */
	client: OpenAI;
	/** Default DEFAULT_LOCAL_SPEECH_MODEL. */
	model?: string;
	/** Default DEFAULT_LOCAL_SPEECH_VOICE. */
	voice?: string;
	/** Primary language subtags the voice speaks. Default ["en"]. */
	languages?: string[];
	/** Model of the server's transcription endpoint, when it has one. Default "whisper-1". */
	transcriptionModel?: string;
	/** Each request. Default 120 s. */
	timeoutMs?: number;
};

// The server has no transcription endpoint (Kokoro-FastAPI): expected, not worth a warning.
const NO_ENDPOINT = new Set([404, 405, 501]);

/**
 * A voice from an OpenAI-compatible speech server you run (Kokoro-FastAPI, LocalAI):
 * POST {base}/audio/speech through the official client. Words are timed by the server's
 * Whisper-compatible POST {base}/audio/transcriptions when it has one (word timestamps), else by
 * our own alignment to the audio (silences as word boundaries). A server that is down fails the
 * synthesis, so the narration falls back to the offline voice with a warning.
 */
export const createLocalSpeechVoice = (options: LocalSpeechVoiceOptions): VoiceProvider => {
	const model = options.model ?? DEFAULT_LOCAL_SPEECH_MODEL;
	const voice = options.voice ?? DEFAULT_LOCAL_SPEECH_VOICE;
	const base = options.client.baseURL;
	// Learned on the first chunk: asking a server without the endpoint again only costs time.
	let hasTranscription = true;
	const timeWords: WordTimer = async (t) => {
		if (hasTranscription) {
			try {
				const r = await transcribeWords({
					client: options.client,
					file: t.file,
					language: t.language,
					script: t.script,
					model: options.transcriptionModel,
					timeoutMs: options.timeoutMs,
					signal: t.signal,
				});
				return {words: r.words, warnings: []};
			} catch (error) {
				if (t.signal?.aborted) throw error;
				const status = (error as {cause?: unknown}).cause instanceof APIError ? ((error as {cause: APIError}).cause.status ?? 0) : 0;
				if (NO_ENDPOINT.has(status)) hasTranscription = false;
				else return {words: align(t), warnings: [`${(error as Error).message} The words are timed from the audio instead.`]};
			}
		}
		return {words: align(t), warnings: []};
	};
	return createOpenAiVoice({
		client: options.client,
		model,
		voice,
		transcriptionModel: options.transcriptionModel,
		timeoutMs: options.timeoutMs,
		identity: {
			id: LOCAL_VOICE,
			name: `Speech server ${base} (${model} "${voice}")`,
			languages: options.languages ?? ['en'],
			license: `Voice "${voice}" of the ${model} model on your speech server (see its licence)`,
		},
		timeWords,
	});
};

const align = (t: Parameters<WordTimer>[0]) =>
	alignWordsToSpeech({
		words: tokenizeScript(t.script, t.language).map((w) => w.text),
		activity: speechActivity(t.wav, {silenceBelowPeakDb: 35, minSilenceMs: 120}),
		snapMs: 40,
	});
