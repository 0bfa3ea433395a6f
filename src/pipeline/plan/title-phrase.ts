import {isContentWord, termKey, type DocumentStats} from './document-stats';
import {loadNounLexicon} from './noun-lexicon';
import {isConnector, isStopWord} from './stop-words';
import {isSpacelessLanguage, wordTokens, type WordToken} from './text-tokens';

/** Where a noun phrase keeps its main noun: the end in English ("raised beds"), the start in French ("tour Eiffel"). */
const HEAD_FIRST = /^(fr|es|pt|it|ar)\b/i;
const MAX_WORDS = 3;
const MAX_SPACELESS_WORDS = 2;
// Past participles and -ing forms read as verbs at the end of an English title ("Beans Roasted").
const ENGLISH_VERB_FORM = /(ed|ing)$/;
const PLURAL = /[^su]s$/;
const NOT_NOUN_ENDING = /(ly|ed|ing|ous|ful|ive|al|ic|able|ible|less|est|er)$/;

/**
 * Whether a word names a thing: a word of a CLDR emoji name or keyword in its language, a German
 * noun (capitalised inside a sentence), a name (capitalised inside an English sentence), or a
 * content word the prompt repeats (its topic).
 */
const isNounLike = (t: WordToken, language: string, stats: DocumentStats, sentenceStart: boolean): boolean => {
	if (!isContentWord(t, language)) return false;
	if (/^(de)\b/i.test(language) && !sentenceStart && /^\p{Lu}/u.test(t.text)) return true;
	if (/^en\b/i.test(language) && !sentenceStart && /^\p{Lu}/u.test(t.text)) return true;
	if (loadNounLexicon(language).has(t.text)) return true;
	return (stats.termFreq.get(termKey(t.lower, language)) ?? 0) >= 2;
};

/**
 * A real phrase for a title: one to three words (two in Chinese and Japanese), never a number,
 * never starting or ending on a function word, its head a noun-like word and, where the head
 * comes first, its last word too, so it never starts or ends mid-phrase.
 */
export const isTitlePhrase = (opts: {
	words: readonly WordToken[];
	language: string;
	stats: DocumentStats;
	atSentenceStart?: boolean;
	/** Accept one word that is any emoji keyword's head noun (a list item's "Schedule"), not only a name. */
	lenient?: boolean;
}): boolean => {
	const {words, language, stats} = opts;
	const content = words.filter((w) => !isConnector(w.lower, language));
	const connectors = words.length - content.length;
	const max = isSpacelessLanguage(language) ? MAX_SPACELESS_WORDS : MAX_WORDS;
	if (content.length === 0 || content.length > max) return false;
	if (content.some((w) => /\p{N}/u.test(w.text) || isStopWord(w.lower, language))) return false;
	const first = words[0]!;
	const last = words[words.length - 1]!;
	if (isConnector(first.lower, language) || isConnector(last.lower, language)) return false;
	const nounAt = (w: WordToken) => isNounLike(w, language, stats, w === first && Boolean(opts.atSentenceStart));
	if (isSpacelessLanguage(language)) {
		// One character is a word of grammar as often as a thing (人, 制): only the prompt's repeated topic.
		const single = content.length === 1 && [...content[0]!.text].length === 1;
		if (single && (stats.termFreq.get(content[0]!.lower) ?? 0) < 2) return false;
		return content.every(nounAt);
	}
	const lang = language.split('-')[0]!.toLowerCase();
	// One word alone must surely be a thing: an emoji's own name, a repeated topic or a name.
	if (content.length === 1) {
		const w = content[0]!;
		const repeated = (stats.termFreq.get(termKey(w.lower, language)) ?? 0) >= 2;
		const proper = /^(en|de)$/.test(lang) && !(opts.atSentenceStart ?? false) && /^\p{Lu}/u.test(w.text);
		const lexicon = loadNounLexicon(language);
		if (!proper && !lexicon.isName(w.text) && !(repeated && lexicon.has(w.text))) {
			if (!lexicon.has(w.text) || !opts.lenient) return false;
		}
	}
	const inner = words.filter((w) => w !== last && !isConnector(w.lower, language));
	switch (lang) {
		case 'en':
			if (ENGLISH_VERB_FORM.test(last.lower) && !loadNounLexicon(language).has(last.text)) return false;
			// "Unlocks Hundreds": a modifier in -s that names nothing is a verb.
			if (inner.some((w) => /s$/.test(w.lower) && !nounAt(w))) return false;
			// "Roasting Unlocks": a gerund then a word in -s is a subject and its verb.
			if (words.length === 2 && /ing$/.test(first.lower) && /s$/.test(last.lower)) return false;
			// "Scientists Monitor Earthquakes": a plural inside a phrase (not before "of") starts a clause.
			for (let i = 0; i < words.length - 1; i++) {
				if (PLURAL.test(words[i]!.lower) && !isConnector(words[i + 1]!.lower, language)) return false;
			}
			// A compound on a known noun ("Magma Chamber") ends on a noun when its last word looks like none of a verb or adjective.
			return nounAt(last) || (inner.length > 0 && nounAt(inner[inner.length - 1]!) && !NOT_NOUN_ENDING.test(last.lower));
		case 'de': {
			// After a noun (capitalised) only nouns follow inside a German noun phrase: "Rheintal stehen" is a clause.
			const caps = words.map((w, i) => /^\p{Lu}/u.test(w.text) && !(i === 0 && opts.atSentenceStart && !nounAt(w)));
			if (caps.some((c, i) => c && caps.slice(i + 1).some((d) => !d))) return false;
			return nounAt(last) && caps[caps.length - 1] === true;
		}
		case 'ar':
			// A phrase of several words is a definite noun phrase ("القهوة العربية"); verbs carry no article.
			return content.length === 1 ? nounAt(first) : content.every((w) => w.text.startsWith('ال'));
		case 'hi':
			// Hindi joins nouns with का/की/के ("धान की फसल"); two bare nouns side by side belong to a clause.
			return content.length - 1 <= connectors && nounAt(last);
		default:
			return HEAD_FIRST.test(language) ? nounAt(first) && nounAt(last) : nounAt(last);
	}
};

/**
 * The phrase's words, then shorter windows of it (longest first, nearest the head first: the
 * right in English, the left in French), to find a real phrase inside a run.
 */
export const phraseWindows = (text: string, language: string): {text: string; words: WordToken[]}[] => {
	const words = wordTokens(text, language);
	const out: {text: string; words: WordToken[]}[] = [];
	const headFirst = HEAD_FIRST.test(language);
	for (let n = words.length; n >= 1; n--) {
		for (let k = 0; k + n <= words.length; k++) {
			const i = headFirst ? k : words.length - n - k;
			const w = words.slice(i, i + n);
			out.push({text: text.slice(w[0]!.start, w[n - 1]!.end), words: w});
		}
	}
	return out;
};
