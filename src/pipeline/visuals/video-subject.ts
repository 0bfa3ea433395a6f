import {emojiLanguageOf} from './emoji-text-keys';
import {matchEmojiTerms} from './match-emoji-terms';
import {scoreEmoji, type EmojiScore} from './score-emoji';

/** The picture of a video's main subject, used where a scene names nothing drawable. */
export type VideoSubject = {
	emoji: string;
	name: string;
	/** The words that named it. */
	words: string[];
	/** How much the whole video names each emoji, 1 for the subject: context for every scene's pick. */
	weights: ReadonlyMap<string, number>;
	/**
	 * The video is about it: the title names it, or at least two scenes name it as one of their
	 * main things. Only then does it replace a scene's weak match.
	 */
	onTopic: boolean;
	/** Per emoji, how many texts name it as one of their main things (the title counts twice). */
	mentions: ReadonlyMap<string, number>;
};

export type PickVideoSubjectOptions = {
	/** The video's title or topic: counted like one more scene (a title is often figurative: "From Farm to Cup"). */
	title?: string;
	/** Every scene's text (title and narration). */
	texts: readonly string[];
	language: string;
};

/** An emoji scoring at least this share of a text's best is one of the main things it names. */
const MAIN_THING = 0.5;

/**
 * The video's main subject as an emoji: the one the title and the scenes name most, counting
 * each scene's best matches once (normalised, so one long scene does not outvote the rest).
 * Null when nothing in the video names a drawable thing.
 */
export const pickVideoSubject = (opts: PickVideoSubjectOptions): VideoSubject | null => {
	const language = emojiLanguageOf(opts.language);
	const total = new Map<string, EmojiScore>();
	// Per emoji, the texts naming it as one of their main things (the title counts as two).
	const namedBy = new Map<string, number>();
	const add = (text: string, weight: number, votes: number) => {
		const scene = scoreEmoji({matches: matchEmojiTerms({text, language, context: opts.title}), textLength: text.length});
		const max = Math.max(0, ...[...scene.values()].map((s) => s.score));
		if (max === 0) return;
		for (const [emoji, s] of scene) {
			const entry = total.get(emoji) ?? {name: s.name, score: 0, words: []};
			entry.score += (s.score / max) * weight;
			if (s.score / max >= MAIN_THING) namedBy.set(emoji, (namedBy.get(emoji) ?? 0) + votes);
			for (const w of s.words) if (!entry.words.includes(w)) entry.words.push(w);
			total.set(emoji, entry);
		}
	};
	if (opts.title) add(opts.title, 1, 2);
	for (const text of opts.texts) add(text, 1, 1);
	let best: [string, EmojiScore] | null = null;
	for (const e of total) if (!best || e[1].score > best[1].score + 1e-9) best = e;
	if (!best) return null;
	const top = best[1].score;
	const weights = new Map([...total].map(([emoji, s]) => [emoji, s.score / top]));
	return {emoji: best[0], name: best[1].name, words: best[1].words, weights, onTopic: (namedBy.get(best[0]) ?? 0) >= 2, mentions: namedBy};
};
