import {alignPhraseWords} from './align-phrase-words';
import {letterWeight} from './phoneme-weights';
import type {SpeechActivity} from './speech-activity';
import type {WordTiming} from './voice-provider';

// Punctuation after which a speaker pauses: a silence there is most likely the boundary.
const PAUSE_AFTER = /[,;:.!?…、，；：。！？।؟]["'”’»)]*$/u;

/**
 * Times words from the audio alone, without a transcript: silences in the speech are word
 * boundaries (preferring those after punctuation), words between them share the speech by their
 * letters. Used for a voice-over without Whisper and a speech server without a transcription
 * endpoint (README.md, "Voices").
 */
export const alignWordsToSpeech = (o: {words: readonly string[]; activity: SpeechActivity; snapMs?: number}): WordTiming[] => {
	const spans = alignPhraseWords({
		words: o.words.map((text, i) => ({weight: letterWeight(text), pauseAfter: i < o.words.length - 1 && PAUSE_AFTER.test(text)})),
		activity: o.activity,
		snapMs: o.snapMs ?? 0,
	});
	return o.words.map((text, i) => ({text, startMs: spans[i]!.startMs, endMs: spans[i]!.endMs}));
};
