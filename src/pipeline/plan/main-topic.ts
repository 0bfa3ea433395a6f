import {isContentWord} from './document-stats';
import {loadNounLexicon} from './noun-lexicon';
import {isSpacelessLanguage, splitSentences, wordTokens, type WordToken} from './text-tokens';
import {foldLatin, stemKey, stemLanguageOf} from './word-stem';

/** The word naming what a whole text is about. */
export type MainTopic = {
	/** The word as first written. */
	text: string;
	lower: string;
};

/** Articles: a noun right after one (or at the start) opens the sentence as its subject. */
const ARTICLES: Record<string, ReadonlySet<string>> = {
	en: new Set(['the', 'a', 'an', 'each', 'every']),
	de: new Set(['der', 'die', 'das', 'ein', 'eine', 'jeder', 'jede', 'jedes']),
	fr: new Set(['le', 'la', 'les', 'l', "l'", 'l’', 'un', 'une', 'chaque']),
	es: new Set(['el', 'la', 'los', 'las', 'un', 'una', 'cada']),
	pt: new Set(['o', 'a', 'os', 'as', 'um', 'uma', 'cada']),
	it: new Set(['il', 'lo', 'la', 'i', 'gli', 'le', 'l', "l'", 'l’', 'un', 'una', 'ogni']),
};
/** Particles and postpositions after a fronted time or place ("春に", "日本中で", "भारत में"): not the subject. */
const FRONTED_AFTER = new Set(['に', 'で', 'には', 'では', 'から', 'まで', 'में', 'पर', 'से', 'तक']);
/** Prepositions of a fronted place or time in Chinese ("在中国"). */
const FRONTED_BEFORE = new Set(['在', '从', '到']);
/** A Japanese word's particle or ending is not part of the thing (桜の -> 桜). */
const JAPANESE_TAIL = /(?<=[\p{Script=Han}\p{Script=Katakana}ー])\p{Script=Hiragana}+$/u;
/** Being the opening subject counts like this many more mentions. */
const SUBJECT_BONUS = 1.5;
/** The subject of a later sentence: the text comes back to it ("Chaque fromage commence ..."). */
const LATER_SUBJECT_BONUS = 0.75;
const FIRST_SENTENCE_BONUS = 0.5;
/** A thing named inside longer Chinese or Japanese words (茶 of 喝茶, 绿茶, 乌龙茶) counts a little less per word. */
const PART_FACTOR = 0.7;
/** Characters that are mostly grammar, place or time words (see match-emoji-terms.ts): never a topic alone. */
const GRAMMATICAL_HAN = new Set([...'上下中里内外前后年月日时時人个的了在是有和大小多少一二三四五六七八九十百千万方今明天']);

/**
 * The opening subject of a text: the first thing-word of its first sentence that is not part of
 * a fronted time or place ("In autunno, in Toscana ...", "春になると、日本中で ..."), i.e. at the
 * sentence start or after an article, not before a comma, not after a preposition.
 */
const openingSubject = (
	sentence: string,
	language: string,
	tokenize: (text: string) => WordToken[],
	nounLike: (t: WordToken, i: number) => boolean,
): WordToken | null => {
	const tokens = tokenize(sentence);
	const lang = stemLanguageOf(language);
	const articles = ARTICLES[lang];
	for (const [i, t] of tokens.entries()) {
		if (!isContentWord(t, language) || !nounLike(t, i) || /['’]s$/u.test(t.text)) continue;
		// "Roasting turns the beans": an English -ing word opening a sentence is an action, not a thing.
		if (lang === 'en' && i === 0 && /ing$/.test(t.lower) && !loadNounLexicon(language).has(t.text)) continue;
		const prev = tokens[i - 1];
		const next = tokens[i + 1];
		const beforeComma = /^\s*[,，、،]/u.test(sentence.slice(t.end));
		// 日本|中|で: a particle may follow a one-character suffix of the place.
		const after = next && [...next.text].length === 1 && lang === 'ja' ? [next, tokens[i + 2]] : [next];
		const fronted =
			after.some((n) => n !== undefined && FRONTED_AFTER.has(n.lower)) || (prev !== undefined && FRONTED_BEFORE.has(prev.lower));
		if (beforeComma || fronted) continue;
		// "Conway's Game of Life": a possessive opens the subject like an article.
		const possessive = prev !== undefined && /['’]s$/u.test(prev.text);
		if (possessive) continue;
		if (articles && prev && !articles.has(prev.lower)) return null;
		// English puts the head last: "the green beans" is about the beans.
		let head = i;
		while (lang === 'en' && tokens[head + 1] && /^\s+$/.test(sentence.slice(tokens[head]!.end, tokens[head + 1]!.start))) {
			const n = tokens[head + 1]!;
			if (!isContentWord(n, language) || !nounLike(n, head + 1) || /[^su]s$/.test(tokens[head]!.lower)) break;
			head++;
		}
		return tokens[head]!;
	}
	return null;
};

/** The things a text names (see mainTopic), best first: a scene's title names its first one that makes a real phrase. */
export const rankTopics = (text: string, language: string): MainTopic[] => {
	const lang = stemLanguageOf(language);
	const lexicon = loadNounLexicon(language);
	const spaceless = isSpacelessLanguage(language);
	const sentences = splitSentences(text, language);
	const first = sentences[0] ?? text;
	// Japanese words keep no particle ("桜の" is 桜).
	const tokenize = (s: string) =>
		wordTokens(s, language).map((t) => {
			if (lang !== 'ja') return t;
			const bare = t.text.replace(JAPANESE_TAIL, '');
			return bare === t.text ? t : {...t, text: bare, lower: bare, end: t.start + bare.length};
		});
	const tokens = tokenize(text);
	const latinCapital = (t: WordToken) => /^(en|de|fr|es|pt|it)$/.test(lang) && /^\p{Lu}/u.test(t.text);
	const sentenceStarts = new Set<number>();
	let offset = 0;
	for (const s of sentences) {
		const at = text.indexOf(s, offset);
		const firstToken = wordTokens(s, language)[0];
		if (at >= 0 && firstToken) sentenceStarts.add(at + firstToken.start);
		if (at >= 0) offset = at + s.length;
	}
	// Without capitals (Hindi, Arabic, Chinese, Japanese), a word the text repeats names its topic ("मानसून").
	const uncased = !/^(en|de|fr|es|pt|it)$/.test(lang);
	const repeated = (t: WordToken) => uncased && tokens.filter((u) => u.lower === t.lower).length >= 2;
	const isNoun = (t: WordToken) =>
		lexicon.has(t.text) ||
		repeated(t) ||
		(latinCapital(t) && !sentenceStarts.has(t.start) && t.start !== 0) ||
		(spaceless && [...t.text].length >= 2 && lexicon.has(t.text.slice(-1)));
	// A name no lexicon knows opens many texts ("Venezia è ...", "ताजमहल ..."); Arabic opens on its verb.
	const opener = (t: WordToken, i: number) => isNoun(t) || (i === 0 && (latinCapital(t) || lang === 'hi'));
	const subjects = sentences.map((s) => openingSubject(s, language, tokenize, opener));
	const subject = subjects[0] ?? null;
	const laterSubjects = new Set(subjects.slice(1).flatMap((t) => (t ? [spaceless ? t.lower : stemKey(t.lower, lang)] : [])));
	const keyOf = (t: WordToken) => (spaceless ? t.lower : stemKey(t.lower, lang));
	const folded = tokens.map((t) => foldLatin(t.lower));

	const scores = new Map<string, {token: WordToken; score: number}>();
	for (const t of tokens) {
		if (!isContentWord(t, language) || /['’]s$/u.test(t.text) || /^\p{Script=Hiragana}{1,2}$/u.test(t.text)) continue;
		// A part of the subject's own name is not another topic (山 of 富士山).
		if (spaceless && subject && subject.text !== t.text && subject.text.includes(t.text)) continue;
		const isSubject = subject !== null && keyOf(t) === keyOf(subject);
		if (!isSubject && !isNoun(t)) continue;
		const key = keyOf(t);
		if (scores.has(key)) continue;
		// Mentions: the same stem, or a longer word built on it (a compound: "Sauerteigbrot", "乌龙茶").
		const own = foldLatin(t.lower);
		const same = tokens.filter((u) => keyOf(u) === key).length;
		const longer = tokens.filter((u, j) => {
			if (keyOf(u) === key) return false;
			if (spaceless) return u.text.length > t.text.length && u.text.includes(t.text);
			return lang === 'de' && own.length >= 4 && folded[j]!.length > own.length && folded[j]!.endsWith(own);
		}).length;
		// A German compound names its last word outright ("Roggenbrot" is bread).
		const mentions = same + longer * (lang === 'de' ? 1 : PART_FACTOR);
		// One character alone is grammar as often as a thing (人, 中): only when repeated.
		if (spaceless && [...t.text].length === 1 && (same + longer < 2 || GRAMMATICAL_HAN.has(t.text))) continue;
		const inFirst = text.indexOf(first) <= t.start && t.start < text.indexOf(first) + first.length;
		const later = laterSubjects.has(key) ? LATER_SUBJECT_BONUS : 0;
		const score = mentions + (isSubject ? SUBJECT_BONUS : 0) + (inFirst ? FIRST_SENTENCE_BONUS : 0) + later;
		scores.set(key, {token: t, score});
	}
	if (spaceless) {
		// Things named only inside longer words: a known word at the start or end of several of them.
		const firstEnd = text.indexOf(first) + first.length;
		const parts = new Map<string, WordToken[]>();
		for (const t of tokens) {
			const chars = [...t.text];
			for (let n = 1; n < chars.length; n++) {
				for (const piece of [chars.slice(0, n).join(''), chars.slice(-n).join('')]) {
					if (scores.has(piece) || (n === 1 && GRAMMATICAL_HAN.has(piece)) || /^\p{Script=Hiragana}+$/u.test(piece) || !lexicon.has(piece))
						continue;
					const list = parts.get(piece) ?? [];
					if (!list.includes(t)) list.push(t);
					parts.set(piece, list);
				}
			}
		}
		for (const [piece, words] of parts) {
			if (words.length < 2) continue;
			const score = words.length * PART_FACTOR + (words[0]!.start < firstEnd ? FIRST_SENTENCE_BONUS : 0);
			scores.set(piece, {token: {...words[0]!, text: piece, lower: piece}, score});
		}
	}
	// Best first; a tie keeps the word the text names first.
	return [...scores.values()]
		.map((s, i) => ({...s, i}))
		.sort((a, b) => (Math.abs(b.score - a.score) > 1e-9 ? b.score - a.score : a.i - b.i))
		.map((s) => ({text: s.token.text, lower: s.token.lower}));
};

/**
 * What a text is about, as one word: the thing it names most (counting word forms and compounds
 * together: "fromages"/"fromage", "Roggenbrot"/"Brot", 绿茶/茶), its opening subject counting
 * extra. Only words that name things (a CLDR emoji word, a capitalised name, the opening subject)
 * are candidates, never a verb the text repeats ("raccolgono"). Null when none.
 */
export const mainTopic = (text: string, language: string): MainTopic | null => rankTopics(text, language)[0] ?? null;
