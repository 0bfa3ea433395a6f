/**
 * Light stems for matching words across forms, for the languages whose CLDR annotations are
 * loaded (emoji pictures, title nouns).
 */

/** The languages promptreel supports (README.md lists them), whose CLDR emoji names and keywords are loaded. */
export const STEM_LANGUAGES = ['en', 'es', 'de', 'fr', 'pt', 'it', 'ja', 'zh', 'ar', 'hi'] as const;
export type StemLanguage = (typeof STEM_LANGUAGES)[number];

/** The loaded language for a BCP 47 tag ("pt-BR" -> "pt"); English for any other language. */
export const stemLanguageOf = (language: string): StemLanguage => {
	const base = language.split(/[-_]/)[0]!.toLowerCase();
	return (STEM_LANGUAGES as readonly string[]).includes(base) ? (base as StemLanguage) : 'en';
};

const LATIN = /^[\p{Script=Latin}\p{N}'’-]+$/u;

/** Accents off (Latin script only: Devanagari vowel signs are marks too), ß as ss. */
export const foldLatin = (word: string): string =>
	LATIN.test(word) ? word.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss') : word;

const strip = (word: string, suffixes: readonly string[], minStem: number): string => {
	for (const s of suffixes) if (word.endsWith(s) && word.length - s.length >= minStem) return word.slice(0, -s.length);
	return word;
};

const ARABIC_MARKS = /[\u064B-\u0652\u0670\u0640]/gu;
const ARABIC_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال', 'و'];
const ARABIC_SUFFIXES = ['ات', 'ون', 'ين', 'ها', 'ه'];
// Plural and oblique endings back to the dictionary form: मधुमक्खियाँ -> मधुमक्खी, फूलों -> फूल, पैसे -> पैसा.
const HINDI_ENDINGS: readonly (readonly [string, string])[] = [
	['ियाँ', 'ी'],
	['ियां', 'ी'],
	['ियों', 'ी'],
	['ाओं', 'ा'],
	['ाएँ', 'ा'],
	['ाएं', 'ा'],
	['ों', ''],
	['ें', ''],
	['े', 'ा'],
];
// Okurigana and particles after a Japanese word's kanji or katakana: 桜の -> 桜, 散って -> 散.
const JAPANESE_TAIL = /(?<=[\p{Script=Han}\p{Script=Katakana}ー])\p{Script=Hiragana}+$/u;

/**
 * A light, per-language stem so singular and plural (and German umlaut plurals) meet. Not a full
 * stemmer: it only has to make a text's word and a CLDR keyword agree, and both pass through it.
 */
export const stemKey = (word: string, language: StemLanguage): string => {
	let w = foldLatin(word.toLocaleLowerCase(language).normalize('NFC'));
	switch (language) {
		case 'en':
			w = w.replace(/['’]s$/u, '');
			if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
			if (w.length > 4 && /(ches|shes|xes|sses|oes)$/.test(w)) return w.slice(0, -2);
			if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
			return w;
		case 'de':
			return strip(w, ['ern', 'en', 'er', 'es', 'e', 'n', 's'], 3);
		case 'fr':
			w = strip(w, ['x', 's'], 3);
			return strip(w, ['e'], 3);
		case 'es':
		case 'pt':
		case 'it':
			w = strip(w, ['es', 's'], 3);
			return strip(w, ['a', 'e', 'i', 'o'], 3);
		case 'ar': {
			w = w.replace(ARABIC_MARKS, '').replace(/[أإآ]/gu, 'ا').replace(/ة/gu, 'ه').replace(/ى/gu, 'ي');
			for (const p of ARABIC_PREFIXES) {
				if (w.startsWith(p) && w.length - p.length >= 3) {
					w = w.slice(p.length);
					break;
				}
			}
			return strip(w, ARABIC_SUFFIXES, 3);
		}
		case 'hi': {
			w = w.replace(/\u093C/gu, '').replace(/\u0901/gu, '\u0902');
			const ending = HINDI_ENDINGS.find(([from]) => w.endsWith(from) && [...w].length - [...from].length >= 2);
			return ending ? w.slice(0, -ending[0].length) + ending[1] : w;
		}
		case 'ja':
			return w.replace(JAPANESE_TAIL, '');
		default:
			return w;
	}
};
