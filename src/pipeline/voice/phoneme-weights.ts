const VOWEL = /[aeiouyɑɐɒæɔəɘɚɛɜɝɞɨɪʉʊʌʏøœɤɯɵɶãẽĩõũ]/u;

/**
 * Relative spoken length of a word from its IPA phonemes (espeak-ng `-x --ipa --sep=.`):
 * vowels weigh more than consonants, long vowels more again. Stress marks and tone digits
 * carry no length.
 */
export const phonemeWeight = (ipa: string): number => {
	let weight = 0;
	for (const raw of ipa.split(/[.\s]+/u)) {
		const p = raw.replace(/[ˈˌ0-9\-_|'",]/gu, '');
		if (!p) continue;
		weight += VOWEL.test(p) ? 1.7 + (p.includes('ː') ? 0.5 : 0) : 1;
	}
	return weight;
};

/** Fallback when phonemes are unknown: letters (graphemes) of the word, at least one. */
export const letterWeight = (text: string): number => Math.max(1, (text.match(/[\p{L}\p{N}]/gu) ?? []).length);
