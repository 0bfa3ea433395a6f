import {mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import type {Credit} from '../../compositions/storyboard';
import {EMOJI_SET_PACKAGE, loadEmojiSet} from './emoji-set';
import {pickEmoji, type EmojiPick, type PickEmojiOptions} from './pick-emoji';

/** One drawn picture of a scene. */
export type EmojiIconFile = {
	/** Absolute path of the SVG written. */
	file: string;
	emoji: string;
	/** Icon name in the set, e.g. "volcano". */
	name: string;
	credit: Credit;
};

export type EmojiIllustration = EmojiIconFile & {
	reason: EmojiPick['reason'];
	/** Every picture of the scene, the main one (the fields above) first. */
	icons: EmojiIconFile[];
	/** strong, weak (one word alone named it: warn about it) or neutral (see EmojiPick). */
	confidence: EmojiPick['confidence'];
	/** Why the match is weak, for report.json; null otherwise. */
	weakReason: string | null;
	/** A neutral picture: nothing in the scene nor the video's subject matched (warn about it). */
	fallback: boolean;
	/** Why, for report.json; null when not a fallback. */
	fallbackReason: string | null;
	/** The scene's words that named the main picture. */
	words: string[];
};

export type CreateEmojiIllustrationOptions = PickEmojiOptions & {
	/** Folder to write the SVG into (created if missing). */
	dir: string;
	signal?: AbortSignal;
};

/** The attribution of one emoji of the set, in the storyboard's credit shape. */
export const emojiCredit = (name: string): Credit => {
	const {info} = loadEmojiSet();
	return {
		kind: 'icon',
		title: `"${name}" emoji from ${info.name}`,
		author: info.author.name,
		url: info.author.url ?? null,
		license: info.license.spdx ?? info.license.title,
		source: `${info.name} (npm ${EMOJI_SET_PACKAGE})`,
	};
};

/**
 * Illustrates a scene offline: picks its pictures (see pickEmoji) and writes each as a standalone
 * SVG file `emoji-<name>.svg` in `dir`. The same emoji always gives the same file, so scenes
 * sharing one share the file.
 */
export const createEmojiIllustration = async (opts: CreateEmojiIllustrationOptions): Promise<EmojiIllustration> => {
	opts.signal?.throwIfAborted();
	const pick = pickEmoji(opts);
	const set = loadEmojiSet();
	await mkdir(opts.dir, {recursive: true});
	const icons: EmojiIconFile[] = [];
	for (const icon of pick.icons) {
		const file = join(opts.dir, `emoji-${icon.name}.svg`);
		await writeFile(file, set.svgOf(icon.name), 'utf8');
		icons.push({file, emoji: icon.emoji, name: icon.name, credit: emojiCredit(icon.name)});
	}
	const main = icons[0]!;
	return {
		...main,
		reason: pick.reason,
		confidence: pick.confidence,
		weakReason: pick.weakReason,
		icons,
		fallback: pick.fallback,
		fallbackReason: pick.fallbackReason,
		words: pick.words,
	};
};
