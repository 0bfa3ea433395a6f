import {findEmoji} from '../plan';
import {loadEmojiKeywords} from './emoji-keywords';
import {hashString} from './seeded-random';

export type EmojiPick = {
	emoji: string;
	/** Icon name in the artwork set, e.g. "volcano". */
	name: string;
	/** 0 for a fallback; higher is a better match. */
	score: number;
	/** How it was chosen. */
	reason: 'in-text' | 'keywords' | 'fallback';
};

export type PickEmojiOptions = {
	/** The scene's visual search terms, most specific first. */
	keywords: readonly string[];
	/** The scene's title and narration: a weaker signal, and emoji written in it are used as is. */
	text?: string;
	seed: number;
	/** Never pick these (the previous scene's emoji). */
	avoid?: readonly string[];
	/** Prefer others over these (emoji already used in the video). */
	used?: readonly string[];
};

/** Neutral pictures for scenes that match nothing. */
export const FALLBACK_EMOJI = ['✨', '💡', '⭐', '🎬', '🔎'] as const;

const MIN_SCORE = 0.3;
/** The picture most people expect for common words where emojilib's ranking misleads. */
const PREFERRED: Record<string, string> = {
	coffee: '☕', tea: '🍵', money: '💰', cash: '💵', sleep: '😴', bed: '🛏️', water: '💧', drink: '🥤',
	time: '⏰', clock: '⏰', hour: '⏰', schedule: '📅', calendar: '📅', idea: '💡', tip: '💡', light: '💡',
	love: '❤️', heart: '❤️', walk: '🚶', run: '🏃', exercise: '🏋️', workout: '🏋️', food: '🍽️', book: '📚',
	read: '📖', learn: '📚', study: '📚', school: '🏫', work: '💼', job: '💼', business: '💼',
	computer: '💻', code: '💻', phone: '📱', music: '🎵', video: '🎬', film: '🎬', camera: '📷',
	photo: '📷', lava: '🌋', magma: '🌋', fire: '🔥', earth: '🌍', world: '🌍', planet: '🪐', space: '🚀',
	sun: '☀️', moon: '🌙', star: '⭐', rain: '🌧️', snow: '❄️', tree: '🌳', forest: '🌲', plant: '🌱',
	flower: '🌸', river: '🏞️', mountain: '⛰️', ocean: '🌊', sea: '🌊', wave: '🌊', car: '🚗', city: '🏙️',
	house: '🏠', home: '🏠', health: '🩺', science: '🔬', scientist: '🧑‍🔬', data: '📊', chart: '📊',
	growth: '📈', question: '❓', warning: '⚠️', danger: '⚠️', rock: '🪨', stone: '🪨', earthquake: '🫨',
};
const PREFERRED_BONUS = 0.8;
/** ZWJ sequences (people with objects, directions) are rarely the picture a word asks for. */
const ZWJ_PENALTY = 0.75;
const NEGATION = /^(no|non|prohibited|cross-mark)(-|$)/;
const TEXT_WEIGHT = 0.3;
const MAX_TEXT_WORDS = 40;
const IGNORED = new Set(
	'the and for with that this from into about what when where which while your you are was were has have had not but can will just more most very also than then them they their there these those its our out over how why who new year years thousand thousands hundred hundreds million millions billion billions many much every each'.split(
		' ',
	),
);

/** English plural and simple forms, so "volcanoes" finds "volcano". */
const variants = (word: string): string[] => {
	const out = [word];
	if (word.length > 4 && word.endsWith('ies')) out.push(`${word.slice(0, -3)}y`);
	if (word.length > 3 && /(ches|shes|xes|oes|ses)$/.test(word)) out.push(word.slice(0, -2));
	if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) out.push(word.slice(0, -1));
	return out;
};

/** Weighted search terms from the keywords (earlier = stronger) and the text's words. */
const searchTerms = (keywords: readonly string[], text: string): Map<string, number> => {
	const terms = new Map<string, number>();
	const add = (term: string, weight: number) => {
		for (const v of variants(term)) terms.set(v, Math.max(terms.get(v) ?? 0, weight));
	};
	keywords.forEach((raw, i) => {
		const weight = 1 / (1 + 0.25 * i);
		const words = raw.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
		if (words.length > 1) {
			if (words.every((w) => IGNORED.has(w) || w === 'of')) return;
			for (const v of variants(words.join('_'))) terms.set(v, Math.max(terms.get(v) ?? 0, weight * 1.5));
			for (const w of words) if (!IGNORED.has(w)) add(w, weight * 0.8);
		} else if (words[0] && !IGNORED.has(words[0])) add(words[0], weight);
	});
	const textWords = text.toLowerCase().match(/\p{L}{3,}/gu) ?? [];
	for (const w of [...new Set(textWords)].slice(0, MAX_TEXT_WORDS)) {
		if (!IGNORED.has(w) && !terms.has(w)) add(w, TEXT_WEIGHT);
	}
	return terms;
};

/** A stable order among equals, different per seed. */
const tieBreak = (seed: number, emoji: string): number => hashString(`${seed}:${emoji}`);

/**
 * Picks the emoji that best illustrates a scene: one written in its text if any; else the best
 * match of its keywords against emojilib's keyword lists (rare keywords and an emoji's own name
 * weigh more); else a neutral fallback. Deterministic: ties are broken by the seed.
 */
export const pickEmoji = (opts: PickEmojiOptions): EmojiPick => {
	const index = loadEmojiKeywords();
	const avoid = new Set(opts.avoid ?? []);
	const used = new Set(opts.used ?? []);
	const text = opts.text ?? '';

	for (const emoji of [...findEmoji(text), ...opts.keywords.flatMap((k) => findEmoji(k))]) {
		const name = index.nameOf(emoji);
		if (name !== undefined && !avoid.has(emoji)) return {emoji, name, score: 100, reason: 'in-text'};
	}

	const scores = new Map<string, {name: string; score: number}>();
	for (const [term, weight] of searchTerms(opts.keywords, text)) {
		const hits = index.lookup(term);
		if (hits.length === 0) continue;
		const idf = Math.log(1 + index.emojiCount / hits.length) / Math.log(1 + index.emojiCount);
		for (const hit of hits) {
			if (avoid.has(hit.emoji)) continue;
			const place = hit.position === 0 ? 1.5 : 1 / (1 + 0.05 * hit.position);
			const entry = scores.get(hit.emoji) ?? {name: hit.name, score: 0};
			entry.score += weight * idf * place;
			scores.set(hit.emoji, entry);
		}
	}
	for (const [term, weight] of searchTerms(opts.keywords, text)) {
		const emoji = PREFERRED[term];
		const name = emoji === undefined || avoid.has(emoji) ? undefined : index.nameOf(emoji);
		if (emoji === undefined || name === undefined) continue;
		const entry = scores.get(emoji) ?? {name, score: 0};
		entry.score += PREFERRED_BONUS * weight;
		scores.set(emoji, entry);
	}
	let best: EmojiPick | null = null;
	for (const [emoji, {name, score: raw}] of scores) {
		let score = used.has(emoji) ? raw * 0.6 : raw;
		if (emoji.includes('\u200d')) score *= ZWJ_PENALTY;
		if (NEGATION.test(name)) score *= 0.5;
		const better =
			!best ||
			score > best.score + 1e-9 ||
			(Math.abs(score - best.score) <= 1e-9 && tieBreak(opts.seed, emoji) < tieBreak(opts.seed, best.emoji));
		if (better) best = {emoji, name, score, reason: 'keywords'};
	}
	if (best && best.score >= MIN_SCORE) return best;

	const fallbacks = FALLBACK_EMOJI.filter((e) => !avoid.has(e) && index.nameOf(e) !== undefined);
	const emoji = fallbacks[opts.seed % fallbacks.length] ?? FALLBACK_EMOJI[0];
	return {emoji, name: index.nameOf(emoji)!, score: 0, reason: 'fallback'};
};
