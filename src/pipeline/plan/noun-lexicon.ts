import {createRequire} from 'node:module';
import {wordTokens} from './text-tokens';
import {stemKey, stemLanguageOf, type StemLanguage} from './word-stem';

/**
 * Words known to name things, per language: every word of the Unicode CLDR emoji names and
 * keywords (npm cldr-annotations-full), stemmed. CLDR names are noun phrases ("coffee", "Vulkan",
 * "火山", "बारिश"), so a title ending on one of these words ends on a thing, not mid-phrase.
 * Loaded once per language on first use.
 */
export type NounLexicon = {
	language: StemLanguage;
	/** The word is the head noun of an emoji's name or keyword. */
	has(word: string): boolean;
	/** The word is the head noun of an emoji's own name (CLDR "tts"): surer to be a noun than a keyword's. */
	isName(word: string): boolean;
};

type Annotations = {annotations: {annotations: Record<string, {default?: string[]; tts?: string[]}>}};

const cache = new Map<StemLanguage, NounLexicon>();
const HEAD_FIRST = new Set<StemLanguage>(['fr', 'es', 'pt', 'it', 'ar']);
const NUMBER_EMOJI = /[\u20E3\u{1F550}-\u{1F567}\u{1F4AF}\u{1F522}\u{1F51F}]/u;

export const loadNounLexicon = (language: string): NounLexicon => {
	const lang = stemLanguageOf(language);
	const hit = cache.get(lang);
	if (hit) return hit;
	const require = createRequire(import.meta.url);
	const data = require(`cldr-annotations-full/annotations/${lang}/annotations.json`) as Annotations;
	const words = new Set<string>();
	const names = new Set<string>();
	const headFirst = HEAD_FIRST.has(lang);
	for (const [emoji, a] of Object.entries(data.annotations.annotations)) {
		// Keycaps, clock faces and "💯" are named by number words, which are not things.
		if (NUMBER_EMOJI.test(emoji)) continue;
		const tts = new Set(a.tts ?? []);
		for (const term of [...tts, ...(a.default ?? [])]) {
			// A whole term too: Chinese and Japanese names are single words that a segmenter may split.
			words.add(stemKey(term, lang));
			// Only a term's head noun, not its modifiers ("alta" of "alta tensione", "hot" of "hot dog").
			const tokens = wordTokens(term, lang).filter((t) => !/\p{N}/u.test(t.text));
			const head = headFirst ? tokens[0] : tokens[tokens.length - 1];
			if (head) words.add(stemKey(head.text, lang));
			if (head && tts.has(term)) names.add(stemKey(head.text, lang));
		}
	}
	const built: NounLexicon = {
		language: lang,
		has: (word) => words.has(stemKey(word, lang)),
		isName: (word) => names.has(stemKey(word, lang)),
	};
	cache.set(lang, built);
	return built;
};
