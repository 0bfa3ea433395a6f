import type {DocumentStats} from './document-stats';
import {rankPhrases} from './key-phrase';
import {titleCase, upperFirst} from './title-case';
import {findEmoji, isSpacelessLanguage, stripEmoji, wordTokens} from './text-tokens';

/** On-screen titles stay short enough to read at a glance. */
export const MAX_TITLE_WORDS = 6;

const MAX_TITLE_CHARS = 80;
const MAX_TITLE_EMOJI = 3;

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
	if (out.length > MAX_TITLE_CHARS) out = `${[...out].slice(0, MAX_TITLE_CHARS - 1).join('').trimEnd()}…`;
	return out;
};

/** The first words of a text, as a last resort title. */
const firstWords = (text: string, language: string, count: number): string => {
	const tokens = wordTokens(text, language);
	if (tokens.length === 0) return text.trim();
	const last = tokens[Math.min(count, tokens.length) - 1]!;
	return text.slice(tokens[0]!.start, last.end);
};

/** Keeps the first emoji of the scene next to its title, so emoji in a prompt stay on screen. */
const withEmoji = (title: string, source: string): string => {
	const emoji = findEmoji(source)[0];
	if (emoji === undefined || title.includes(emoji)) return title;
	return title === '' ? emoji : `${title} ${emoji}`;
};

/**
 * A scene title from its key phrase (Title Case in English), different from the titles already
 * used when the text offers another good phrase.
 */
export const sceneTitle = (opts: {
	text: string;
	language: string;
	stats: DocumentStats;
	used?: ReadonlySet<string>;
}): string => {
	const {text, language, stats, used} = opts;
	const phrases = rankPhrases(stripEmoji(text), language, stats);
	const fresh = phrases.find((p) => !used?.has(titleCase(p.text, language).toLocaleLowerCase(language)));
	const chosen = fresh ?? phrases[0];
	const base = chosen ? titleCase(chosen.text, language) : upperFirst(firstWords(stripEmoji(text), language, 5), language);
	return clampTitle(withEmoji(base, text), language);
};

/**
 * A title from a heading or list item the user wrote: kept as written when short (first clause),
 * else its key phrase.
 */
export const shortTitle = (opts: {
	text: string;
	language: string;
	stats: DocumentStats;
	style: 'title' | 'sentence';
}): string => {
	const {text, language, stats, style} = opts;
	const clean = stripEmoji(text);
	const clause = clean.split(/[.!?。！？:;：；]\s|[.!?。！？]$|[,，、]\s*/u)[0]!.trim();
	const words = wordTokens(clause, language).length;
	// The user's own words read better than a fragment of them: one word of grace.
	const limit = isSpacelessLanguage(language) ? MAX_TITLE_WORDS * 2 : MAX_TITLE_WORDS + 1;
	let base: string;
	if (words > 0 && words <= limit) base = clause.replace(/[.!?。！？:;,]+$/u, '');
	else {
		const phrase = rankPhrases(clean, language, stats)[0]?.text;
		base = phrase ?? firstWords(clean, language, 5);
	}
	return clampTitle(withEmoji(style === 'title' ? titleCase(base, language) : upperFirst(base, language), text), language);
};
