import {mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import type {Credit} from '../../compositions/storyboard';
import {EMOJI_SET_PACKAGE, loadEmojiSet} from './emoji-set';
import {pickEmoji, type EmojiPick, type PickEmojiOptions} from './pick-emoji';

export type EmojiIllustration = {
	/** Absolute path of the SVG written. */
	file: string;
	emoji: string;
	/** Icon name in the set, e.g. "volcano". */
	name: string;
	reason: EmojiPick['reason'];
	credit: Credit;
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
 * Illustrates a scene offline: picks the emoji that matches its keywords (see pickEmoji) and
 * writes it as a standalone SVG file `emoji-<name>.svg` in `dir`. The same emoji always gives the
 * same file, so scenes sharing one share the file.
 */
export const createEmojiIllustration = async (opts: CreateEmojiIllustrationOptions): Promise<EmojiIllustration> => {
	opts.signal?.throwIfAborted();
	const pick = pickEmoji(opts);
	const file = join(opts.dir, `emoji-${pick.name}.svg`);
	await mkdir(opts.dir, {recursive: true});
	await writeFile(file, loadEmojiSet().svgOf(pick.name), 'utf8');
	return {file, emoji: pick.emoji, name: pick.name, reason: pick.reason, credit: emojiCredit(pick.name)};
};
