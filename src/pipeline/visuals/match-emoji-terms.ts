import {loadCldrEmojiIndex, type CldrEmojiIndex, type EmojiEntry} from './cldr-emoji-index';
import {SENSE_RULES} from './emoji-senses';
import {emojiLanguageOf, keyedWords, phraseKey, stemKey, type EmojiLanguage, type KeyedWord} from './emoji-text-keys';

/** Words of a text that name one or more emoji. */
export type EmojiTermMatch = {
	/** The words as written. */
	words: string;
	/** Offset of the first word in the text (earlier words are more often the subject). */
	start: number;
	/** How many words the term has: a whole phrase says more than one of its words. */
	length: number;
	/** Found inside a longer word (a compound): weaker. */
	part: boolean;
	/** The emoji it names, best first. */
	candidates: EmojiEntry[];
};

export type MatchEmojiTermsOptions = {
	text: string;
	/** BCP 47 tag; languages without CLDR data loaded here are matched as English. */
	language: string;
	/** More text whose words decide a word's sense (the video's topic), but name nothing themselves. */
	context?: string;
};

const MAX_PHRASE_WORDS = 4;
const COMPOUND_HEAD = 0.85;
const COMPOUND_MODIFIER = 0.7;
/** Single characters that are mostly grammar, place or time words in Chinese and Japanese (中 is also 🀄). */
const MIN_REST = 4;
const GERMAN_NON_NOUN = 0.5;
const GRAMMATICAL_HAN = new Set([...'中上下里内外前后後时時日月年人点个大小多少天一二三四五六七八九十百千万方今明']);
/** Only German writes compounds as one word among the languages loaded, besides Chinese and Japanese. */
const COMPOUNDING = new Set<EmojiLanguage>(['de', 'ja', 'zh']);

const isCjk = (language: EmojiLanguage) => language === 'ja' || language === 'zh';
/** A Chinese or Japanese word of numeral characters only (百万 "a million" is no 💰): a quantity, not a thing. */
const HAN_NUMBER = /^[零〇一二三四五六七八九十百千万萬亿億两兩几幾数數]+$/u;

/**
 * In Spanish, Portuguese, Italian and French, two words whose stems meet but one of which is the
 * other plus a vowel are different words ("mes" month / "mesa" table), not forms of one: such a
 * match is a far sense. A swapped last vowel (isola/isole) and a plural -s stay forms of one word.
 */
const VOWEL_APART = 0.3;
const ROMANCE = new Set<EmojiLanguage>(['es', 'pt', 'it', 'fr']);
const vowelApart = (word: string, surfaces: readonly string[] | undefined): boolean =>
	surfaces !== undefined &&
	!surfaces.includes(word) &&
	surfaces.every(
		(s) =>
			(s.length === word.length + 1 && s.startsWith(word) && /[aeiou]$/.test(s)) ||
			(word.length === s.length + 1 && word.startsWith(s) && /[aeiou]$/.test(word)),
	);

/**
 * Of the longer names a word is part of, the one missing fewer other words is the plainer sense:
 * "futebol" is ⚽ (bola de futebol) before 🏈 (bola de futebol americano), 茶 is 🍵 (热茶) before 🧉 (马黛茶).
 */
const MISSING_WORD = 0.9;

/** A modifier word of a longer name without the name's other words ("naranja" without "libro" for 📙) is a far sense. */
const MODIFIER_ALONE = 0.3;

/**
 * Drops the senses of a word that its surroundings rule out (see emoji-senses.ts), and weakens
 * the emoji whose longer name the word only modifies when the name's other words are absent.
 */
const senseFilter = (language: EmojiLanguage, contextKeys: ReadonlySet<string>) => {
	const rules = (SENSE_RULES[language] ?? []).map((r) => ({
		word: stemKey(r.word, language),
		emoji: r.emoji,
		onlyWith: r.onlyWith.map((w) => stemKey(w, language)),
	}));
	return (key: string, candidates: readonly EmojiEntry[]): EmojiEntry[] =>
		candidates
			.filter((c) => !rules.some((r) => r.word === key && r.emoji === c.emoji && !r.onlyWith.some((w) => contextKeys.has(w))))
			.map((c) =>
				c.nameRest && !c.nameRest.some((w) => contextKeys.has(w))
					? {...c, named: false, weight: (c.modifier ? c.weight * MODIFIER_ALONE : c.weight) * MISSING_WORD ** (c.nameRest.length - 1)}
					: c,
			);
};

/**
 * Longest known words at the end and at the start of a compound word, matched as written (not
 * stemmed) with at least MIN_REST letters left over. In German only nouns (capitalised) compound.
 */
const compoundParts = (word: KeyedWord, parts: CldrEmojiIndex['parts'], language: EmojiLanguage) => {
	const found: {term: string; weight: number; emoji: ReadonlySet<string>}[] = [];
	const text = word.folded;
	const cjk = isCjk(language);
	if (!COMPOUNDING.has(language) || [...text].length < (cjk ? 2 : 7)) return found;
	if (language === 'de' && !/^\p{Lu}/u.test(word.text)) return found;
	const rest = cjk ? 1 : MIN_REST;
	const head = parts.find((p) => p.folded.length + rest <= text.length && text.endsWith(p.folded));
	if (head) found.push({term: head.key, weight: COMPOUND_HEAD, emoji: head.emoji});
	const modifier = parts.find((p) => p.folded.length + rest <= text.length && text.startsWith(p.folded) && p.key !== head?.key);
	if (modifier) found.push({term: modifier.key, weight: COMPOUND_MODIFIER, emoji: modifier.emoji});
	return found;
};

/**
 * The terms of a text that name emoji, in the text's language: whole phrases first (a phrase's
 * words are then taken), single words next, then parts of compound words (German compounds,
 * Chinese and Japanese words longer than any known term). Function words never match alone.
 */
export const matchEmojiTerms = (opts: MatchEmojiTermsOptions): EmojiTermMatch[] => {
	const language = emojiLanguageOf(opts.language);
	const index = loadCldrEmojiIndex(language);
	const words = keyedWords(opts.text, language);
	const contextKeys = new Set([...words, ...(opts.context ? keyedWords(opts.context, language) : [])].map((w) => w.key));
	const filter = senseFilter(language, contextKeys);
	const taken = words.map(() => false);
	const out: EmojiTermMatch[] = [];

	for (let n = MAX_PHRASE_WORDS; n >= 1; n--) {
		for (let i = 0; i + n <= words.length; i++) {
			const span = words.slice(i, i + n);
			if (taken.slice(i, i + n).some(Boolean)) continue;
			if (span.slice(1).some((w) => w.breakBefore)) continue;
			// A particle may end a Chinese or Japanese term written as one (お金), never a word alone.
			// A particle or auxiliary never ends one (なる|と is no 🍥 in 夏になると).
			if (n === 1 ? span[0]!.stop : span[n - 1]!.stop || (!isCjk(language) && span[0]!.stop)) continue;
			const key = phraseKey(
				span.map((w) => w.key),
				language,
			);
			if (isCjk(language) && (GRAMMATICAL_HAN.has(key) || HAN_NUMBER.test(key))) continue;
			// German writes every noun capitalised: a lowercase word alone is a verb or an adjective
			// ("stehen" is no 🧍 in "viele Burgen stehen"), a weaker sign of what to show.
			const germanNonNoun = language === 'de' && n === 1 && !/^\p{Lu}/u.test(span[0]!.text);
			const far = (c: EmojiEntry) => n === 1 && ROMANCE.has(language) && vowelApart(span[0]!.folded, c.surfaces);
			const candidates = filter(key, index.lookup(key))
				.map((c) => (germanNonNoun ? {...c, weight: c.weight * GERMAN_NON_NOUN} : c))
				.map((c) => (far(c) ? {...c, weight: c.weight * VOWEL_APART, named: false} : c));
			if (candidates.length === 0) continue;
			for (let j = i; j < i + n; j++) taken[j] = true;
			out.push({
				words: opts.text.slice(span[0]!.start, span[n - 1]!.end),
				start: span[0]!.start,
				length: n,
				part: false,
				candidates: [...candidates].sort((a, b) => b.weight - a.weight),
			});
		}
	}
	words.forEach((w, i) => {
		if (taken[i] || w.stop) return;
		for (const {term, weight, emoji} of compoundParts(w, index.parts, language)) {
			// Only the emoji this very word names ("Burg" 🏰), not others sharing its stem ("Burger" 🍔).
			const named = index.lookup(term).filter((c) => emoji.has(c.emoji));
			const candidates = filter(term, named).map((c) => ({...c, weight: c.weight * weight}));
			if (candidates.length > 0) {
				out.push({words: w.text, start: w.start, length: 1, part: true, candidates: candidates.sort((a, b) => b.weight - a.weight)});
			}
		}
	});
	return out.sort((a, b) => a.start - b.start);
};
