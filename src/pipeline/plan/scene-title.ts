import {isContentWord, surfaceOf, termKey, topicTerms, type DocumentStats} from './document-stats';
import {loadNounLexicon} from './noun-lexicon';
import {mainTopic, rankTopics} from './main-topic';
import {rankPhrases} from './key-phrase';
import {isConnector, isStopWord} from './stop-words';
import {titleCase, upperFirst} from './title-case';
import {isTitlePhrase, phraseWindows} from './title-phrase';
import {findEmoji, isSpacelessLanguage, stripEmoji, wordTokens, type WordToken} from './text-tokens';

/** On-screen titles stay short enough to read at a glance. */
export const MAX_TITLE_WORDS = 6;

const MAX_TITLE_CHARS = 80;
const MAX_TITLE_EMOJI = 3;
const JAPANESE_TAIL = /(?<=[\p{Script=Han}\p{Script=Katakana}ー])\p{Script=Hiragana}+$/u;

/**
 * Keeps any title short enough for the screen, whatever the prompt holds: at most `maxWords`
 * words, three emoji and MAX_TITLE_CHARS characters.
 */
export const clampTitle = (title: string, language: string, maxWords = MAX_TITLE_WORDS + 2): string => {
	let out = title.trim();
	const tokens = wordTokens(out, language);
	const emoji = findEmoji(out);
	if (tokens.length > maxWords || emoji.length > MAX_TITLE_EMOJI) {
		const words = stripEmoji(out);
		const kept = wordTokens(words, language);
		const cut = kept.length > maxWords ? words.slice(0, kept[maxWords - 1]!.end) : words;
		out = [cut, ...emoji.slice(0, cut === '' ? MAX_TITLE_EMOJI : 1)].filter((p) => p !== '').join(' ');
	}
	if (out.length > MAX_TITLE_CHARS)
		out = `${[...out]
			.slice(0, MAX_TITLE_CHARS - 1)
			.join('')
			.trimEnd()}…`;
	return out;
};

/** Keeps the first emoji of the scene next to its title, so emoji in a prompt stay on screen. */
const withEmoji = (title: string, source: string): string => {
	const emoji = findEmoji(source)[0];
	if (emoji === undefined || title.includes(emoji)) return title;
	return title === '' ? emoji : `${title} ${emoji}`;
};

/**
 * "Body clock loves routine", "machine strips the skin": an English word in -s directly followed
 * by a content word or a determiner is a verb with its object, so a phrase ending on it stops mid-clause.
 */
const endsOnVerb = (text: string, end: number, words: readonly {lower: string}[], language: string): boolean => {
	if (words.length < 2 || !/s$/.test(words[words.length - 1]!.lower)) return false;
	const rest = text.slice(end);
	const next = wordTokens(rest, language)[0];
	return (
		next !== undefined && /^\s+$/.test(rest.slice(0, next.start)) && (!isStopWord(next.lower, language) || DETERMINERS.has(next.lower))
	);
};

/** "the green beans": an English word right before a noun is its modifier, so a phrase ending on it stops before its head. */
const endsBeforeHead = (text: string, end: number, last: string, language: string): boolean => {
	// An emoji's own name is a head itself ("body clock loves").
	if (loadNounLexicon(language).isName(last)) return false;
	const rest = text.slice(end);
	const next = wordTokens(rest, language)[0];
	return (
		next !== undefined &&
		/^\s+$/.test(rest.slice(0, next.start)) &&
		!isStopWord(next.lower, language) &&
		loadNounLexicon(language).has(next.text)
	);
};

/** Where a noun phrase keeps its head first (fr, es, pt, it, ar): see title-phrase.ts. */
const HEAD_FIRST = /^(fr|es|pt|it|ar)\b/i;
const SUBJECT_ARTICLES = new Set('le la les l un une el los las o os a as il lo gli i uma um una'.split(' '));

/**
 * "La France produit", "Gli agricoltori scuotono": in a language that puts the head first, two bare
 * words that open a sentence (alone or after an article) are its subject and verb as often as a noun
 * and its adjective, so such a window is no title (the subject alone still is).
 */
const opensOnSubjectAndVerb = (text: string, start: number, words: readonly WordToken[], language: string): boolean => {
	if (!HEAD_FIRST.test(language) || words.length < 2 || words.some((w) => isConnector(w.lower, language))) return false;
	// A name completes its noun ("la tour Eiffel").
	if (words.slice(1).some((w) => /^\p{Lu}/u.test(w.text))) return false;
	const before = wordTokens(text.slice(0, start), language);
	const prev = before.at(-1);
	const sentenceStart = (end: number) => /(^|[.!?।؟:;]\s*)$/u.test(text.slice(0, end).trimEnd() === '' ? '' : text.slice(0, end));
	if (prev === undefined || text.slice(0, start).trim() === '') return true;
	return SUBJECT_ARTICLES.has(prev.lower.replace(/['’]$/, '')) && (text.slice(0, prev.start).trim() === '' || sentenceStart(prev.start));
};

/** "Scientists monitor earthquakes": an English word right after a plural noun is its verb. */
const afterPluralSubject = (text: string, start: number, language: string): boolean => {
	const before = wordTokens(text.slice(0, start), language).at(-1);
	return (
		before !== undefined &&
		/[^su]s$/.test(before.lower) &&
		/^\s+$/.test(text.slice(before.end, start)) &&
		!isStopWord(before.lower, language) &&
		loadNounLexicon(language).has(before.text)
	);
};

const DETERMINERS = new Set('the a an its their his her this that these those each every our your my'.split(' '));
const PRONOUNS = new Set(['i', 'you', 'we', 'they', 'he', 'she', 'it']);
/** "I love coffee": a word right after a subject pronoun is its verb. */
const afterPronoun = (text: string, start: number, language: string): boolean => {
	const before = wordTokens(text.slice(0, start), language).at(-1);
	return before !== undefined && PRONOUNS.has(before.lower) && /^\s+$/.test(text.slice(before.end, start));
};

/**
 * The best real noun phrase of a text (see isTitlePhrase), trying the text's key phrases in rank
 * order and the shorter windows inside each; null when the text yields none.
 */
export const nounPhrase = (opts: {
	text: string;
	language: string;
	stats: DocumentStats;
	used?: ReadonlySet<string>;
	/** Only phrases holding one of these terms (counting keys). */
	mustHold?: readonly string[];
	/** Only phrases shorter than this many words (a title must not repeat a short item whole). */
	maxWords?: number;
	/** Accept one word that is any emoji keyword's head noun (see isTitlePhrase). */
	lenient?: boolean;
	/** Never the text's first word: a list item opens on its verb ("Cut caffeine"). */
	skipFirstWord?: boolean;
}): string | null => {
	const firstWord = opts.skipFirstWord ? wordTokens(opts.text, opts.language)[0] : undefined;
	const {text, language, stats, used} = opts;
	for (const phrase of rankPhrases(text, language, stats)) {
		if (opts.mustHold && !phrase.terms.some((t) => opts.mustHold!.includes(t))) continue;
		const offset = text.indexOf(phrase.text);
		for (const w of phraseWindows(phrase.text, language)) {
			if (opts.maxWords !== undefined && w.words.length > opts.maxWords) continue;
			if (opts.mustHold && !w.words.some((t) => opts.mustHold!.includes(termKey(t.lower, language)))) continue;
			const before = text.slice(0, Math.max(0, offset) + w.words[0]!.start).trimEnd();
			const atSentenceStart = before === '' || /[.!?。！？।؟:]$/u.test(before);
			if (firstWord && Math.max(0, offset) + w.words[0]!.start === firstWord.start) continue;
			if (!isTitlePhrase({words: w.words, language, stats, atSentenceStart, lenient: opts.lenient})) continue;
			if (/^en\b/i.test(language) && afterPronoun(text, Math.max(0, offset) + w.words[0]!.start, language)) continue;
			const start = Math.max(0, offset) + w.words[0]!.start;
			if (opensOnSubjectAndVerb(text, start, w.words, language)) continue;
			if (/^en\b/i.test(language) && w.words.length > 1 && afterPluralSubject(text, start, language)) continue;
			if (
				/^en\b/i.test(language) &&
				endsBeforeHead(text, Math.max(0, offset) + w.words[w.words.length - 1]!.end, w.words[w.words.length - 1]!.text, language)
			)
				continue;
			if (/^en\b/i.test(language) && endsOnVerb(text, Math.max(0, offset) + w.words[w.words.length - 1]!.end, w.words, language)) continue;
			// A Japanese word's particle or ending stays out of a title (桜の -> 桜).
			const title = /^ja\b/i.test(language) ? w.text.replace(JAPANESE_TAIL, '') : w.text;
			if (used?.has(titleCase(title, language).toLocaleLowerCase(language))) continue;
			return title;
		}
	}
	return null;
};

/**
 * The phrase naming one topic word of a text: the shortest real noun phrase holding it ("Coffee",
 * not "Ripe Coffee Cherries") unless a name completes it ("Tour Eiffel"); null when none.
 */
const topicPhrase = (opts: {
	text: string;
	language: string;
	stats: DocumentStats;
	key: string;
	used?: ReadonlySet<string>;
}): string | null => {
	const {language} = opts;
	const named = nounPhrase({...opts, mustHold: [opts.key], maxWords: 3});
	return (
		(named && /\s\p{Lu}/u.test(named) && !/^en\b/i.test(language) ? named : null) ??
		nounPhrase({...opts, mustHold: [opts.key], maxWords: 1}) ??
		named
	);
};

/** A scene names at most this many things before its title gives up (the rest are minor). */
const SCENE_TOPICS = 3;

/**
 * A scene title from the thing the scene is about (see rankTopics: a noun, its opening subject
 * counting extra, never a verb), as the real noun phrase holding it (Title Case in English),
 * different from the titles already used; an empty string when the text yields no real phrase
 * (no title is shown), never a noun+verb fragment ("France produit").
 */
export const sceneTitle = (opts: {text: string; language: string; stats: DocumentStats; used?: ReadonlySet<string>}): string => {
	const {text, language, stats, used} = opts;
	const clean = stripEmoji(text);
	let phrase: string | null = null;
	const topics = rankTopics(clean, language).slice(0, SCENE_TOPICS);
	for (const [i, topic] of topics.entries()) {
		const key = termKey(topic.lower, language);
		// A scene title may say more than the topic word ("Solid Rock", "Lait de vache").
		const longer = isSpacelessLanguage(language) ? null : nounPhrase({text: clean, language, stats, used, mustHold: [key], maxWords: 3});
		phrase = longer ?? topicPhrase({text: clean, language, stats, used, key});
		// The scene's main thing alone when no phrase rule knows it but it surely names a thing: an
		// emoji's own name, or a word the prompt repeats (茶 of 喝茶 and 绿茶, "मानसून", "ताजमहल").
		const sure = loadNounLexicon(language).isName(topic.text) || (stats.termFreq.get(key) ?? 0) >= 2 || isSpacelessLanguage(language);
		if (phrase === null && i === 0 && sure && !used?.has(titleCase(topic.text, language).toLocaleLowerCase(language)))
			phrase = upperFirst(topic.text, language);
		if (phrase) break;
	}
	return clampTitle(withEmoji(phrase === null ? '' : titleCase(phrase, language), text), language);
};

/**
 * The video's title from its main topic (see mainTopic): the shortest real noun phrase holding
 * it, else the word alone; without one, the best phrase holding the prompt's most frequent term; it names the output folder and heads the end card.
 */
export const videoTitle = (opts: {text: string; language: string; stats: DocumentStats}): string => {
	const {text, language, stats} = opts;
	const clean = stripEmoji(text);
	// The thing the text is about (its opening subject or the thing it names most), as a phrase.
	const topic = mainTopic(clean, language);
	if (topic) {
		const phrase = topicPhrase({text: clean, language, stats, key: termKey(topic.lower, language)});
		return clampTitle(titleCase(phrase ?? upperFirst(topic.text, language), language), language);
	}
	const topics = topicTerms(stats, 3);
	for (const [i, topic] of topics.entries()) {
		// The shortest real phrase holding the topic: "Coffee" rather than "Ripe Coffee Cherries".
		const phrase =
			nounPhrase({text: clean, language, stats, mustHold: [topic], maxWords: 1}) ??
			nounPhrase({text: clean, language, stats, mustHold: [topic]});
		if (phrase) return clampTitle(titleCase(phrase, language), language);
		// The word the prompt repeats most is its subject even when no lexicon knows it ("L'espresso").
		const freq = stats.termFreq.get(topic) ?? 0;
		if (i === 0 && freq >= 2 && !isStopWord(topic, language))
			return clampTitle(titleCase(upperFirst(surfaceOf(stats, topic), language), language), language);
	}
	const any = nounPhrase({text: clean, language, stats});
	if (any) return clampTitle(titleCase(any, language), language);
	// Last resorts: the first topic word, then the first word, that names a thing; then the opening words.
	const lexicon = loadNounLexicon(language);
	const nouns = wordTokens(clean, language).filter(
		(t) => isContentWord(t, language) && lexicon.has(t.text) && !(/^en\b/i.test(language) && afterPronoun(clean, t.start, language)),
	);
	const noun = topics.map((t) => nouns.find((n) => termKey(n.lower, language) === t)).find(Boolean)?.text ?? nouns[0]?.text;
	if (noun !== undefined) return clampTitle(titleCase(noun, language), language);
	return clampTitle(upperFirst(clean, language), language, 5);
};

/** Japanese case particles: the word before one is a noun (the object, subject or topic). */
const JAPANESE_CASE = new Set(['を', 'が', 'は']);

/**
 * In Japanese, the thing an item is about is the word its particle marks ("金閣寺を訪れましょう"
 * -> 金閣寺), a word of two or more kanji or katakana that no lexicon needs to know; null otherwise.
 */
const markedNoun = (text: string, language: string, used?: ReadonlySet<string>): string | null => {
	if (!/^ja\b/i.test(language)) return null;
	const tokens = wordTokens(text, language);
	for (const [i, t] of tokens.entries()) {
		const next = tokens[i + 1];
		if (!next || !JAPANESE_CASE.has(next.lower) || next.start !== t.end) continue;
		if (/^[\p{Script=Han}\p{Script=Katakana}ー]{2,}$/u.test(t.text) && !used?.has(t.lower)) return t.text;
	}
	return null;
};

/** A title from a heading the user wrote: kept as written when short (first clause), else its key phrase. */
export const shortTitle = (opts: {text: string; language: string; stats: DocumentStats; style: 'title' | 'sentence'}): string => {
	const {text, language, stats, style} = opts;
	const clean = stripEmoji(text);
	const clause = clean.split(/[.!?。！？।؟:;：；]\s|[.!?。！？।؟]$|[,，、]\s*/u)[0]!.trim();
	const words = wordTokens(clause, language).length;
	let base: string;
	if (words > 0 && words <= MAX_TITLE_WORDS + 1) base = clause.replace(/[.!?。！？।؟:;,]+$/u, '');
	else base = nounPhrase({text: clean, language, stats}) ?? '';
	return clampTitle(withEmoji(style === 'title' ? titleCase(base, language) : upperFirst(base, language), text), language);
};

/**
 * The title of one outline item: its number and a short noun phrase of the item that does not
 * repeat the spoken item whole ("3. Caffeine" for "Cut caffeine after noon"), or no title (an
 * empty string) when the item yields none: never a number alone ("1.").
 */
export const itemTitle = (opts: {
	number: number;
	text: string;
	language: string;
	stats: DocumentStats;
	used?: ReadonlySet<string>;
}): string => {
	const {text, language, stats} = opts;
	const clean = stripEmoji(text);
	const spoken = wordTokens(clean, language).length;
	// In languages that put the verb first, an item opens on it ("Cut caffeine", "Coupez le café").
	const verbFirst = !/^(ja|zh|hi|ko|tr)\b/i.test(language) && spoken > 1;
	const maxWords = Math.max(1, Math.min(3, spoken - 1));
	const phrase =
		markedNoun(clean, language, opts.used) ??
		nounPhrase({text: clean, language, stats, used: opts.used, maxWords, lenient: true, skipFirstWord: verbFirst});
	// A number alone is no title: the item's number is drawn from its itemNumber.
	const title = phrase === null ? '' : `${opts.number}. ${titleCase(phrase, language)}`;
	return clampTitle(withEmoji(title, text), language);
};
