import {countWords} from './text-tokens';

/** Reading speed of the narration in words per second (a calm narrator). */
export const WORDS_PER_SECOND = 2.6;
/**
 * The shortest length planning estimates for a scene, before any voice exists, so a title can be
 * read. Once voiced, a scene's length is measured instead, with its own floor
 * (VOICED_SCENE_FLOOR_MS in generate/assemble-storyboard.ts).
 */
export const MIN_ESTIMATED_SCENE_MS = 2500;

// Word segments of Japanese and Chinese are short (particles are words of their own), so the
// speed is measured in characters instead: about 7 morae-ish characters/s in Japanese, 4.5
// syllables/s in Mandarin.
const CHARS_PER_SECOND: Record<string, number> = {ja: 7, zh: 4.5, yue: 4.5};

/** Estimated spoken length of a narration in ms. The voice stage measures the real one later. */
export const estimateSpeechMs = (text: string, language: string): number => {
	const cps = CHARS_PER_SECOND[language.split('-')[0]!.toLowerCase()];
	if (cps !== undefined) {
		const chars = text.replace(/[\s\p{P}\p{S}]/gu, '').length;
		return Math.round((chars / cps) * 1000);
	}
	return Math.round((countWords(text, language) / WORDS_PER_SECOND) * 1000);
};

/** Estimated scene length: the speech, and never less than MIN_ESTIMATED_SCENE_MS. */
export const estimateSceneMs = (text: string, language: string): number =>
	Math.max(MIN_ESTIMATED_SCENE_MS, estimateSpeechMs(text, language));
