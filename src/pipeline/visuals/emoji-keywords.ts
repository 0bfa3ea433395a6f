import {createRequire} from 'node:module';
import {loadEmojiSet} from './emoji-set';

/**
 * emojilib (MIT): for each emoji its English keywords, the first being its name ("volcano",
 * "light_bulb"). Indexed by keyword, keeping only emoji the artwork set can draw.
 */

export type KeywordHit = {emoji: string; name: string; position: number};

export type EmojiKeywordIndex = {
	/** Emoji carrying this keyword, with the keyword's position in their list (0 = the name). */
	lookup(term: string): readonly KeywordHit[];
	/** How many emoji the index holds (for an idf weight). */
	emojiCount: number;
	/** The set's icon name for an emoji, also found through emojilib's name when the set's codepoint map lacks it. */
	nameOf(emoji: string): string | undefined;
};

let cached: EmojiKeywordIndex | null = null;

export const loadEmojiKeywords = (): EmojiKeywordIndex => {
	if (cached) return cached;
	const require = createRequire(import.meta.url);
	const lib = require('emojilib') as Record<string, string[]>;
	const set = loadEmojiSet();
	const byTerm = new Map<string, KeywordHit[]>();
	const add = (term: string, hit: KeywordHit) => {
		const list = byTerm.get(term) ?? [];
		if (!list.some((h) => h.emoji === hit.emoji)) list.push(hit);
		byTerm.set(term, list);
	};
	let emojiCount = 0;
	// 👉 is missing from the set's codepoint map but drawn as the alias "backhand-index-pointing-right".
	const nameOf = (emoji: string): string | undefined => {
		const direct = set.nameOf(emoji);
		if (direct !== undefined) return direct;
		const libName = lib[emoji]?.[0]?.replace(/_/g, '-');
		return libName !== undefined && set.hasIcon(libName) ? libName : undefined;
	};
	for (const [emoji, keywords] of Object.entries(lib)) {
		const name = nameOf(emoji);
		if (name === undefined) continue;
		emojiCount++;
		keywords.forEach((raw, position) => {
			const keyword = raw.toLowerCase();
			add(keyword, {emoji, name, position});
			// "light_bulb" is also found by "light bulb" and, more weakly, by "bulb".
			if (keyword.includes('_')) {
				add(keyword.replace(/_/g, ' '), {emoji, name, position});
				// Parts of the name itself ("money" of "money_bag") are nearly as good as the name.
				for (const part of keyword.split('_')) {
					if (part.length >= 3) add(part, {emoji, name, position: position === 0 ? 1 : position + 3});
				}
			}
		});
	}
	cached = {lookup: (term) => byTerm.get(term) ?? [], emojiCount, nameOf};
	return cached;
};
