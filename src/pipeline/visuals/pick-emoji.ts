import {findEmoji} from '../plan';
import {loadCldrEmojiIndex, type CldrEmojiIndex} from './cldr-emoji-index';
import {emojiLanguageOf} from './emoji-text-keys';
import {loadEmojiKeywords} from './emoji-keywords';
import {matchEmojiTerms} from './match-emoji-terms';
import {scoreEmoji, type EmojiScore} from './score-emoji';
import {hashString} from './seeded-random';
import type {VideoSubject} from './video-subject';

export type PictureConfidence = 'strong' | 'weak' | 'neutral';

/** One picture of a scene. */
export type EmojiIcon = {emoji: string; name: string};

export type EmojiPick = EmojiIcon & {
	/** 0 for a fallback; higher is a better match. */
	score: number;
	/**
	 * How it was chosen: written in the text, named by the scene's words or keywords, the video's
	 * main subject (the scene names nothing drawable), or a neutral fallback.
	 */
	reason: 'in-text' | 'keywords' | 'subject' | 'fallback';
	/**
	 * How sure the match is. strong: written in the text, named by several words or a phrase,
	 * supported by the scene's other words or the video's subject, or the video's on-topic
	 * subject itself; weak: one word alone names it (often a wrong sense: "naranja" for an orange
	 * book), to warn about; neutral: a fallback.
	 */
	confidence: PictureConfidence;
	/** Why the match is weak, for report.json; null otherwise. */
	weakReason: string | null;
	/** True for a neutral picture that matches neither the scene's words nor the video's subject. */
	fallback: boolean;
	/** Why the scene got a neutral picture, for report.json; null otherwise. */
	fallbackReason: string | null;
	/** Every picture of the scene, the main one (this pick's emoji) first, then other things it names. */
	icons: EmojiIcon[];
	/** The words of the scene that named the main picture. */
	words: string[];
};

export type PickEmojiOptions = {
	/** The scene's visual search terms, most specific first (English from a planner model, or the text's language). */
	keywords: readonly string[];
	/** The scene's title and narration: the main signal, and emoji written in it are used as is. */
	text?: string;
	/** BCP 47 tag of the text; default "en". */
	language?: string;
	/** The video's main subject (see pickVideoSubject): the picture when the scene names nothing, and context for word sense. */
	subject?: VideoSubject | null;
	/** The video's title or topic, whose words decide the sense of the scene's words. */
	context?: string;
	seed: number;
	/** Not picked when other words of the scene name something at least half as well (the previous scene's emoji). */
	avoid?: readonly string[];
	/** Prefer others over these (emoji already used in the video). */
	used?: readonly string[];
};

/** Neutral pictures for scenes that match nothing. */
export const FALLBACK_EMOJI = ['✨', '💡', '⭐', '🎬', '🔎'] as const;

const MIN_SCORE = 0.3;
const MAX_ICONS = 3;
/** A second icon must be named about as clearly as the main one. */
const ICON_RATIO = 0.4;
const KEYWORD_FACTOR = 0.6;
const SUBJECT_BONUS = 0.5;
const GROUP_BONUS = 0.3;
const USED_FACTOR = 0.75;
/** Another picture replaces the previous scene's only when named nearly as clearly. */
const AVOID_RATIO = 0.7;
/** What a scene's picture should be: a thing, not a symbol, a face or a gesture ("great" -> 👍). */
const GROUP_FACTOR: Record<string, number> = {Symbols: 0.45, 'Smileys & Emotion': 0.45, 'People & Body': 0.7, Flags: 0.5};
/**
 * Everyday pictures a word shared by many emoji most often means ("Wasser" names 💧 and 🐃): a
 * mild prior, never enough to beat a word's own emoji.
 */
const COMMON = new Set([...'💧☕💰🌧❄🌸🌳🌱🚀🐈🐕🏠🌊☀🌙🔥🚆🚗✈📚🌍🐟🌾'].filter((c) => !/[\uFE0F]/.test(c)));
const COMMON_FACTOR = 1.3;
/** The video's subject is a candidate in every scene, at this score: a scene's own weak match may lose to it. */
const SUBJECT_PRIOR = 0.45;
const ZWJ_FACTOR = 0.8;

type Ranked = {emoji: string; name: string; score: number; words: string[]; named?: boolean};

/** Another thing the scene names supports the main picture when it is at least this clear. */
const SUPPORT_RATIO = 0.25;

/**
 * A match says what the scene is about when a word is the picture's own name, or more than one
 * word says it: two words or a phrase name it, the title or another scene names it, or another word of the scene names a thing of its kind
 * (its group: "dinero" 💰 beside "banco" 🏦, not "mes" 🏓).
 */
const isSupported = (main: Ranked, ranked: readonly Ranked[], subject: VideoSubject | null, index: CldrEmojiIndex): boolean => {
	if (main.named || main.words.length >= 2 || main.words.some((w) => /\s/u.test(w.trim()))) return true;
	// The scene itself is one of the texts naming it: another one must too.
	if (subject && (subject.mentions.get(main.emoji) ?? 0) >= 2) return true;
	const group = index.groupOf(main.name);
	const rival = subject?.onTopic === true && subject.emoji !== main.emoji;
	return ranked.some(
		(c) =>
			c.emoji !== main.emoji &&
			c.words.length > 0 &&
			// Where the video's on-topic subject could be shown instead, only a thing the scene surely
			// names supports another: two lone keywords (春天 -> 🪻, 生长 -> 🪴 in a tea video) do not.
			(!rival || c.named || c.words.length >= 2 || c.emoji === subject?.emoji) &&
			c.score >= main.score * SUPPORT_RATIO &&
			!c.words.some((w) => main.words.includes(w)) &&
			group !== undefined &&
			index.groupOf(c.name) === group,
	);
};

const weakReasonOf = (main: Pick<Ranked, 'emoji' | 'name' | 'words'>, reason: EmojiPick['reason'], anchor: boolean): string =>
	anchor
		? `only one word of the scene named a picture, with nothing else in the scene or the video supporting it, so it shows the video's subject ${main.emoji} (${main.name}) instead`
		: reason === 'subject'
			? `it names nothing drawable, and the video's subject ${main.emoji} (${main.name}) comes from one word ("${main.words.join('", "')}") that the title does not name and only one scene names`
			: `only the word "${main.words.join('", "')}", one of its keywords, names ${main.emoji} (${main.name}), and nothing else in the scene or the video supports it: it may be another sense of the word`;

/** A stable order among equals, different per seed. */
const tieBreak = (seed: number, emoji: string): number => hashString(`${seed}:${emoji}`);

/** The scene's terms, its keywords (in its language and, from a planner model, in English) weaker. */
const sceneScores = (opts: PickEmojiOptions, language: string): Map<string, EmojiScore> => {
	const text = opts.text ?? '';
	const scores = scoreEmoji({matches: matchEmojiTerms({text, language, context: opts.context}), textLength: text.length});
	const languages = emojiLanguageOf(language) === 'en' ? ['en'] : [language, 'en'];
	opts.keywords.forEach((keyword, i) => {
		const factor = KEYWORD_FACTOR / (1 + 0.25 * i);
		for (const lang of languages) {
			const matches = matchEmojiTerms({text: keyword, language: lang, context: `${text} ${opts.context ?? ''}`});
			scoreEmoji({matches, textLength: keyword.length, factor, into: scores});
		}
	});
	return scores;
};

/**
 * Picks the pictures of a scene, offline, in the scene's language: an emoji written in its text;
 * else the emoji its words name in the CLDR annotations of that language (whole phrases before
 * single words, senses ruled out by the surrounding words, emoji of the video's subject and of
 * the text's own domain preferred); else the video's subject; else a neutral picture, marked as
 * a fallback. Deterministic: ties are broken by the seed.
 */
export const pickEmoji = (opts: PickEmojiOptions): EmojiPick => {
	const language = opts.language ?? 'en';
	const lib = loadEmojiKeywords();
	const avoid = new Set(opts.avoid ?? []);
	const used = new Set(opts.used ?? []);
	const text = opts.text ?? '';

	const written = [...findEmoji(text), ...opts.keywords.flatMap((k) => findEmoji(k))].filter((e) => lib.nameOf(e) !== undefined);
	const freshWritten = written.find((e) => !avoid.has(e));
	if (freshWritten !== undefined) {
		const icons = [...new Set(written)].slice(0, MAX_ICONS).map((e) => ({emoji: e, name: lib.nameOf(e)!}));
		const main = {emoji: freshWritten, name: lib.nameOf(freshWritten)!};
		return {
			...main,
			score: 100,
			reason: 'in-text',
			confidence: 'strong',
			weakReason: null,
			fallback: false,
			fallbackReason: null,
			icons: [main, ...icons.filter((i) => i.emoji !== main.emoji)],
			words: [freshWritten],
		};
	}

	const scores = sceneScores(opts, language);
	if (opts.subject) {
		const prior = scores.get(opts.subject.emoji) ?? {name: opts.subject.name, score: 0, words: []};
		prior.score += SUBJECT_PRIOR;
		scores.set(opts.subject.emoji, prior);
	}
	// The text's domain: a word whose senses span groups takes the one the other words share.
	const index = loadCldrEmojiIndex(emojiLanguageOf(language));
	const groupWeight = new Map<string, number>();
	for (const [, s] of scores) {
		const g = index.groupOf(s.name);
		if (g) groupWeight.set(g, (groupWeight.get(g) ?? 0) + s.score);
	}
	const groupTotal = [...groupWeight.values()].reduce((a, b) => a + b, 0) || 1;
	const ranked = [...scores]
		.map(([emoji, s]) => {
			let score = s.score;
			score *= 1 + SUBJECT_BONUS * (opts.subject?.weights.get(emoji) ?? 0);
			const g = index.groupOf(s.name);
			score *= 1 + GROUP_BONUS * ((g ? (groupWeight.get(g) ?? 0) : 0) / groupTotal);
			score *= g ? (GROUP_FACTOR[g] ?? 1) : 1;
			if (COMMON.has(emoji)) score *= COMMON_FACTOR;
			if (used.has(emoji)) score *= USED_FACTOR;
			if (emoji.includes('\u200d')) score *= ZWJ_FACTOR;
			return {emoji, name: s.name, score, words: s.words, named: s.named};
		})
		.filter((c) => c.score >= MIN_SCORE)
		.sort((a, b) => b.score - a.score || tieBreak(opts.seed, a.emoji) - tieBreak(opts.seed, b.emoji));
	const best = ranked[0];
	// Another picture instead of the previous scene's only when other words name it: a second
	// emoji of the same word (🧉 for 茶 after 🍵) is a worse picture of the same thing.
	const chosen =
		best && avoid.has(best.emoji)
			? (ranked.find((c) => !avoid.has(c.emoji) && c.score >= best.score * AVOID_RATIO && c.words.some((w) => !best.words.includes(w))) ??
				best)
			: best;
	const weak = chosen && chosen.words.length > 0 && !isSupported(chosen, ranked, opts.subject ?? null, index);
	// The video's on-topic subject is a better picture than one word alone in another sense, even
	// right after a scene that showed it when this scene mentions it too (茶叶: 🍵 again, not 🪴 for 生长).
	const lowerText = text.toLocaleLowerCase(language);
	const mentionsSubject = opts.subject?.words.some((w) => lowerText.includes(w.toLocaleLowerCase(language))) ?? false;
	const anchor =
		weak && opts.subject?.onTopic && (!avoid.has(opts.subject.emoji) || mentionsSubject)
			? (ranked.find((c) => c.emoji === opts.subject!.emoji) ?? {...opts.subject, score: SUBJECT_PRIOR, words: []})
			: undefined;
	const main = anchor ?? chosen;
	if (main) {
		// Other things the scene names, each by other words than the main picture's.
		const icons: EmojiIcon[] = [{emoji: main.emoji, name: main.name}];
		const wordsTaken = new Set(main.words);
		for (const c of ranked) {
			if (icons.length >= MAX_ICONS || c.score < main.score * ICON_RATIO) break;
			if (c.emoji === main.emoji || c.words.some((w) => wordsTaken.has(w))) continue;
			// A second picture is shown only when the scene is sure of it too (not 🚶 for 歩き, 🍹 for "tropical").
			if (c.words.length > 0 && !isSupported(c, ranked, opts.subject ?? null, index)) continue;
			icons.push({emoji: c.emoji, name: c.name});
			for (const w of c.words) wordsTaken.add(w);
		}
		// Won only by the subject's prior: the scene itself named nothing better.
		const reason = anchor || main.words.length === 0 ? 'subject' : 'keywords';
		const confidence = reason === 'subject' ? (opts.subject?.onTopic ? 'strong' : 'weak') : weak ? 'weak' : 'strong';
		return {
			emoji: main.emoji,
			name: main.name,
			score: main.score,
			reason,
			confidence,
			weakReason: confidence === 'weak' ? weakReasonOf(main, reason, anchor !== undefined) : null,
			fallback: false,
			fallbackReason: null,
			icons,
			words: main.words.length > 0 && !anchor ? main.words : (opts.subject?.words ?? []),
		};
	}

	if (opts.subject) {
		const {emoji, name} = opts.subject;
		const confidence = opts.subject.onTopic ? 'strong' : 'weak';
		return {
			emoji,
			name,
			score: 0.1,
			reason: 'subject',
			confidence,
			weakReason: confidence === 'weak' ? weakReasonOf({emoji, name, words: opts.subject.words}, 'subject', false) : null,
			fallback: false,
			fallbackReason: null,
			icons: [{emoji, name}],
			words: opts.subject.words,
		};
	}
	const fallbacks = FALLBACK_EMOJI.filter((e) => !avoid.has(e) && lib.nameOf(e) !== undefined);
	const emoji = fallbacks[opts.seed % fallbacks.length] ?? FALLBACK_EMOJI[0];
	const name = lib.nameOf(emoji)!;
	return {
		emoji,
		name,
		score: 0,
		reason: 'fallback',
		confidence: 'neutral',
		weakReason: null,
		fallback: true,
		fallbackReason: `no word of the scene or its keywords names an emoji in the "${emojiLanguageOf(language)}" CLDR annotations, and the video has no main subject to show instead`,
		icons: [{emoji, name}],
		words: [],
	};
};
