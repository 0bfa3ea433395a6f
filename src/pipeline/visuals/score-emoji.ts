import type {EmojiTermMatch} from './match-emoji-terms';

/** An emoji's total score in a text, and the words that named it. */
export type EmojiScore = {
	name: string;
	score: number;
	words: string[];
	/** A word of the text is the emoji's own name or a word of it (CLDR "tts"), not just one of its keywords. */
	named?: boolean;
};

/** Only the best few senses of a term count: the rest are its far meanings. */
const CANDIDATES_PER_TERM = 8;
/** The first words of a sentence are most often its subject. */
const POSITION_BONUS = 0.5;

/**
 * Adds up what the terms of a text say for each emoji: the term's weight for it, more for a
 * whole phrase and for words early in the text (usually the subject), times `factor`.
 * Each term counts once.
 */
export const scoreEmoji = (opts: {
	matches: readonly EmojiTermMatch[];
	textLength: number;
	factor?: number;
	into?: Map<string, EmojiScore>;
}): Map<string, EmojiScore> => {
	const scores = opts.into ?? new Map<string, EmojiScore>();
	const factor = opts.factor ?? 1;
	const length = Math.max(1, opts.textLength);
	const seen = new Set<string>();
	for (const m of opts.matches) {
		// A word said twice ("from flower to flower") is one thing, not two.
		const term = m.words.toLocaleLowerCase();
		if (seen.has(term)) continue;
		seen.add(term);
		const phrase = 1 + 0.5 * (m.length - 1);
		const position = 1 + POSITION_BONUS * (1 - Math.min(1, m.start / length));
		for (const c of m.candidates.slice(0, CANDIDATES_PER_TERM)) {
			const entry = scores.get(c.emoji) ?? {name: c.name, score: 0, words: []};
			entry.score += c.weight * phrase * position * factor;
			if (c.named) entry.named = true;
			if (!entry.words.includes(m.words)) entry.words.push(m.words);
			scores.set(c.emoji, entry);
		}
	}
	return scores;
};
