export {synthesizeNarration} from './synthesize-narration';
export type {NarrationResult, SynthesizeNarrationOptions, VoiceFallback} from './synthesize-narration';
export {listVoices, defaultVoiceProviders, NO_VOICE, voiceVendor} from './voice-registry';
export {chooseVoice} from './choose-voice';
export type {VoiceChoice} from './choose-voice';
export type {VoiceInfo, DefaultVoiceProvidersOptions} from './voice-registry';
export {
	createOpenAiVoice,
	createOpenAiVoices,
	transcribeWords,
	OPENAI_VOICES,
	DEFAULT_OPENAI_VOICE,
	DEFAULT_SPEECH_MODEL,
	DEFAULT_TRANSCRIPTION_MODEL,
} from './openai-voice';
export type {OpenAiVoiceOptions, TranscribeWordsOptions, TranscribedWords, WordTimer} from './openai-voice';
export {createFestivalVoice, FESTIVAL_INSTALL} from './festival-voice';
export type {FestivalVoiceOptions} from './festival-voice';
export {readingSpeedTimings} from './reading-speed-timings';
export {normalizeLoudness} from './normalize-loudness';
export {measureLoudness} from './measure-loudness';
export {createVoiceCache, voiceCacheKey, VOICE_CACHE_VERSION} from './voice-cache';
export {tokenizeScript} from './tokenize-script';
export {VoiceUnavailableError, VoiceSynthesisError, UnknownVoiceError} from './voice-errors';
export type {VoiceProvider, SynthesisResult, SynthesizeOptions, VoiceAvailability, WordTiming} from './voice-provider';
export {createEspeakVoice, espeakVoiceFor, ESPEAK_INSTALL} from './espeak-voice';
export type {EspeakVoiceOptions} from './espeak-voice';
export {speechActivity} from './speech-activity';
export type {SpeechActivity, Interval} from './speech-activity';
export {voiceOverNarrations, VoiceOverError} from './voice-over';
export type {VoiceOverOptions, VoiceOverResult, VoiceOverScene, VoiceOverTranscriber} from './voice-over';
export {createLocalSpeechVoice, LOCAL_VOICE, DEFAULT_LOCAL_SPEECH_MODEL, DEFAULT_LOCAL_SPEECH_VOICE} from './local-speech-voice';
export type {LocalSpeechVoiceOptions} from './local-speech-voice';
export {alignWordsToSpeech} from './align-words-to-speech';
export {decodeAudio} from './decode-audio';
