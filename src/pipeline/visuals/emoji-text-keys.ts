import {foldLatin, isSpacelessLanguage, isStopWord, stemKey, stemLanguageOf, STEM_LANGUAGES, wordTokens, type StemLanguage} from '../plan';

/** The languages promptreel supports (README.md lists them), whose CLDR emoji names and keywords are loaded. */
export const EMOJI_LANGUAGES = STEM_LANGUAGES;
export type EmojiLanguage = StemLanguage;
/** The loaded language for a BCP 47 tag ("pt-BR" -> "pt"); English for any other language. */
export const emojiLanguageOf = stemLanguageOf;
export {stemKey};

/** One word of a text with the key it is matched by. */
export type KeyedWord = {
	text: string;
	/** Light stem: the same for "beans"/"bean", "Bienen"/"Biene", "abejas"/"abeja". */
	key: string;
	/** Lower case without accents, not stemmed: compounds are split on whole words ("strassburg" has "burg", not "burger"). */
	folded: string;
	/** A function word: never matched on its own. */
	stop: boolean;
	/** Punctuation separates it from the previous word: phrases do not span it. */
	breakBefore: boolean;
	start: number;
	end: number;
};

/** The words of a text (Intl.Segmenter, so Chinese and Japanese split too) with their keys. */
export const keyedWords = (text: string, language: string): KeyedWord[] => {
	const lang = emojiLanguageOf(language);
	return wordTokens(text, lang).map((t) => ({
		text: t.text,
		key: stemKey(t.text, lang),
		folded: foldLatin(t.lower.normalize('NFC')),
		stop: isStopWord(t.lower, lang) || /^\p{N}+$/u.test(t.text),
		breakBefore: t.breakBefore,
		start: t.start,
		end: t.end,
	}));
};

/** The key of a phrase of several words: joined without spaces in Chinese and Japanese. */
export const phraseKey = (keys: readonly string[], language: EmojiLanguage): string => keys.join(isSpacelessLanguage(language) ? '' : ' ');
