import {createRequire} from 'node:module';
import {EXTRA_TERMS} from './emoji-senses';
import {loadEmojiSet} from './emoji-set';
import {keyedWords, phraseKey, type EmojiLanguage} from './emoji-text-keys';

/**
 * Emoji names and keywords in one language, from the Unicode CLDR annotations (npm
 * cldr-annotations-full, Unicode licence), keyed by the light stems of their words, keeping only
 * emoji the artwork set can draw. English also gets emojilib's keyword lists (MIT), which know
 * more everyday words ("press", "strip") and so need the sense rules of emoji-senses.ts.
 */

export type EmojiEntry = {
	/** The emoji as CLDR writes it (without FE0F). */
	emoji: string;
	/** Icon name in the artwork set, e.g. "hot-beverage". */
	name: string;
	/** How well this term names the emoji: its CLDR name 1, a keyword less, a generic keyword much less. */
	weight: number;
	/** The term is the emoji's own name (CLDR "tts") in this language or a word of it, not just a keyword. */
	named: boolean;
	/**
	 * For a word of a longer name ("mesa" of "tenis de mesa"): the keys of the name's other words.
	 * Without one of them beside it, the word is not the emoji's name (`named` no longer holds).
	 */
	nameRest?: readonly string[];
	/**
	 * The word is in the longer names of several emoji ("naranja" of "libro naranja", "corazón
	 * naranja"): a modifier, naming this emoji only beside one of the name's other words.
	 */
	modifier?: boolean;
	/** The one-word terms naming it under this key, as written (lower case, no accents): "mesa" for the key "mes". */
	surfaces?: readonly string[];
};

export type CldrEmojiIndex = {
	language: EmojiLanguage;
	/** Emoji named by a term: the stems of its words joined by a space (no space in Chinese and Japanese). */
	lookup(key: string): readonly EmojiEntry[];
	/**
	 * One-word terms long enough to be found inside a compound ("Kaffeebohnen", "咖啡豆"), as
	 * written (lower case, no accents) with their key, longest first.
	 */
	parts: readonly {folded: string; key: string; emoji: ReadonlySet<string>}[];
	/** The group of an icon in the set ("Food & Drink"), for coherence between the words of a text. */
	groupOf(name: string): string | undefined;
};

/** A keyword shared by more emoji than this ("animal", "face", "食物") says nothing about which to show. */
const MAX_EMOJI_PER_TERM = 20;
const NAME_WEIGHT = 1;
const NAME_PART_WEIGHT = 0.9;
const KEYWORD_WEIGHT = 0.75;
const EMOJILIB_WEIGHT = 0.55;
/** A word found in the names of this many emoji is a modifier of those names (a colour, "orange" of "orange book", "orange heart", "orange circle"). */
const MODIFIER_NAMES = 3;
// Skin tones repeat a person; regional indicators draw nothing in the set. Clock faces, keycaps,
// letters and ideograph buttons are writing, not pictures: "eight", "month" and "two" name them;
// 🤏 is what "a little" names in every language.
const SKIPPED =
	/[\u{1F3FB}-\u{1F3FF}\u{1F1E6}-\u{1F1FF}\u{1F550}-\u{1F567}\u{1F170}-\u{1F251}\u20E3\u{1F51E}\u{1F4AF}\u{1F520}-\u{1F524}\u3297\u3299\u{1F90F}]/u;

type Annotations = {annotations: {annotations: Record<string, {default?: string[]; tts?: string[]}>}};

const cache = new Map<EmojiLanguage, CldrEmojiIndex>();
let groups: Map<string, string> | null = null;

const loadGroups = (): Map<string, string> => {
	if (groups) return groups;
	const require = createRequire(import.meta.url);
	const meta = require('@iconify-json/fluent-emoji-flat/metadata.json') as {categories?: Record<string, string[]>};
	groups = new Map();
	for (const [group, names] of Object.entries(meta.categories ?? {})) for (const n of names) groups.set(n, group);
	return groups;
};

/** The index of one language, built on first use (~5,000 terms, tens of ms) and kept. */
export const loadCldrEmojiIndex = (language: EmojiLanguage): CldrEmojiIndex => {
	const hit = cache.get(language);
	if (hit) return hit;
	const require = createRequire(import.meta.url);
	const set = loadEmojiSet();
	type Raw = {name: string; weight: number; named: boolean; folded: string | null};
	const raw = new Map<string, Map<string, Raw>>();
	const surfaces = new Map<string, {key: string; emoji: Set<string>}>();
	// Per word as written (folded, so "waving" is not "wave"), the emoji whose longer name holds
	// it, with the keys of the name's other words.
	const nameParts = new Map<string, Map<string, string[]>>();
	// Per key and emoji, the one-word terms as written that gave it the key.
	const written = new Map<string, Map<string, Set<string>>>();
	const add = (term: string, emoji: string, weight: number) => {
		if (SKIPPED.test(emoji)) return;
		const name = set.nameOf(emoji);
		if (name === undefined) return;
		for (const piece of term.split(/\s*[,،、，]\s*/u)) {
			const words = keyedWords(piece, language);
			if (words.length === 0 || words.length > 4) continue;
			// A function word ("moi" of 🙋) names nothing by itself, and would catch "mois" by its stem.
			if (words.length === 1 && words[0]!.stop) continue;
			const key = phraseKey(
				words.map((w) => w.key),
				language,
			);
			if (words.length === 1) {
				const byEmoji = written.get(key) ?? new Map<string, Set<string>>();
				byEmoji.set(emoji, (byEmoji.get(emoji) ?? new Set()).add(words[0]!.folded));
				written.set(key, byEmoji);
				const surface = surfaces.get(words[0]!.folded) ?? {key, emoji: new Set<string>()};
				surface.emoji.add(emoji);
				surfaces.set(words[0]!.folded, surface);
			}
			const byEmoji = raw.get(key) ?? new Map<string, Raw>();
			const prev = byEmoji.get(emoji);
			const folded = words.length === 1 ? words[0]!.folded : null;
			if (!prev || prev.weight < weight) byEmoji.set(emoji, {name, weight, named: weight >= NAME_PART_WEIGHT, folded});
			raw.set(key, byEmoji);
		}
	};

	const data = require(`cldr-annotations-full/annotations/${language}/annotations.json`) as Annotations;
	for (const [emoji, a] of Object.entries(data.annotations.annotations)) {
		for (const t of a.tts ?? []) add(t, emoji, NAME_WEIGHT);
		// A keyword that is also a word of the name ("fromage" of "part de fromage") names the emoji.
		const nameWords = new Set((a.tts ?? []).flatMap((t) => keyedWords(t, language).map((w) => w.key)));
		// Only names of drawable emoji count ("wave" is in three arrows' names, drawn by none).
		const drawable = !SKIPPED.test(emoji) && set.nameOf(emoji) !== undefined;
		for (const t of drawable ? (a.tts ?? []) : []) {
			const words = keyedWords(t, language).filter((w) => !w.stop);
			if (words.length < 2) continue;
			for (const w of words) {
				const byEmoji = nameParts.get(w.folded) ?? new Map<string, string[]>();
				byEmoji.set(
					emoji,
					words.filter((o) => o.key !== w.key).map((o) => o.key),
				);
				nameParts.set(w.folded, byEmoji);
			}
		}
		for (const k of a.default ?? []) {
			const words = keyedWords(k, language);
			add(k, emoji, words.length === 1 && nameWords.has(words[0]!.key) ? NAME_PART_WEIGHT : KEYWORD_WEIGHT);
		}
	}
	if (language === 'en') {
		const lib = require('emojilib') as Record<string, string[]>;
		for (const [emoji, keywords] of Object.entries(lib)) {
			keywords.forEach((k, i) => add(k.replace(/_/g, ' '), emoji.replace(/\uFE0F/g, ''), i === 0 ? KEYWORD_WEIGHT : EMOJILIB_WEIGHT));
		}
	}
	// Terms written here for words CLDR lacks ("French press", "raised bed"): full weight.
	for (const [term, emoji] of EXTRA_TERMS[language] ?? []) add(term, emoji, NAME_WEIGHT);

	const index = new Map<string, EmojiEntry[]>();
	for (const [key, byEmoji] of raw) {
		if (byEmoji.size > MAX_EMOJI_PER_TERM) continue;
		// A keyword shared by a few emoji is weaker for each of them than one that names one emoji;
		// the emoji it is the name of keeps its full weight ("bicicleta" is 🚲, also a keyword of 🚴).
		// The names it only modifies do not count as sharing it ("laranja" is 🍊 more than 🧡📙🟠).
		const partsOf = (folded: string | null) => (folded === null ? undefined : nameParts.get(folded));
		const restOf = (emoji: string, {weight, folded}: Raw) => (weight < NAME_WEIGHT ? partsOf(folded)?.get(emoji) : undefined);
		const isModifier = (emoji: string, r: Raw) => (partsOf(r.folded)?.size ?? 0) >= MODIFIER_NAMES && restOf(emoji, r) !== undefined;
		const owners = [...byEmoji].filter(([emoji, r]) => !isModifier(emoji, r)).length;
		const share = (rate: number, modifier: boolean) => 1 / (1 + rate * ((modifier || owners === 0 ? byEmoji.size : owners) - 1));
		index.set(
			key,
			[...byEmoji].map(([emoji, r]) => {
				const {name, weight, named} = r;
				const rate = weight >= NAME_WEIGHT ? 0 : named ? 0.1 : 0.25;
				const nameRest = restOf(emoji, r);
				const modifier = isModifier(emoji, r);
				const surfaces = written.get(key)?.get(emoji);
				return {
					emoji,
					name,
					weight: weight * share(rate, modifier),
					named,
					...(nameRest ? {nameRest} : {}),
					...(modifier ? {modifier} : {}),
					...(surfaces ? {surfaces: [...surfaces]} : {}),
				};
			}),
		);
	}
	const minPart = language === 'ja' || language === 'zh' ? 2 : 4;
	const parts = [...surfaces]
		.filter(([folded, {key}]) => index.has(key) && [...folded].length >= minPart)
		.map(([folded, {key, emoji}]) => ({folded, key, emoji}))
		.sort((a, b) => b.folded.length - a.folded.length || a.folded.localeCompare(b.folded));
	const g = loadGroups();
	const built: CldrEmojiIndex = {language, lookup: (key) => index.get(key) ?? [], parts, groupOf: (name) => g.get(name)};
	cache.set(language, built);
	return built;
};
