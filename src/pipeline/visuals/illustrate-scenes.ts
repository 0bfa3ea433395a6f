import {createEmojiIllustration, type EmojiIllustration} from './emoji-illustration';

export type IllustrateScenesOptions = {
	scenes: readonly {keywords: readonly string[]; text?: string}[];
	seed: number;
	dir: string;
	signal?: AbortSignal;
};

/**
 * One emoji illustration per scene, in order: never the same emoji twice in a row, and emoji
 * already used are picked again only when nothing else matches nearly as well.
 */
export const illustrateScenes = async (opts: IllustrateScenesOptions): Promise<EmojiIllustration[]> => {
	const out: EmojiIllustration[] = [];
	for (const [i, scene] of opts.scenes.entries()) {
		const previous = out[i - 1];
		out.push(
			await createEmojiIllustration({
				keywords: scene.keywords,
				text: scene.text,
				seed: opts.seed + i,
				avoid: previous ? [previous.emoji] : [],
				used: out.map((o) => o.emoji),
				dir: opts.dir,
				signal: opts.signal,
			}),
		);
	}
	return out;
};
