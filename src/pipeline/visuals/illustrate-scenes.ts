import {createEmojiIllustration, type EmojiIllustration} from './emoji-illustration';
import {pickVideoSubject} from './video-subject';

export type IllustrateScenesOptions = {
	/** Each scene's keywords and its text (title and narration). */
	scenes: readonly {keywords: readonly string[]; text?: string}[];
	/** BCP 47 tag of the scenes' text; default "en". */
	language?: string;
	/** The video's title or topic: it names the main subject and decides word senses. */
	title?: string;
	seed: number;
	dir: string;
	signal?: AbortSignal;
};

/**
 * The pictures of every scene, in order, in the scenes' language. The video's main subject (what
 * its title and scenes name most) is the picture of a scene that names nothing drawable; a scene
 * avoids the previous scene's main picture when it names something else nearly as well. Scenes
 * left with a neutral picture come back with `fallback: true` and the reason, to warn about.
 */
export const illustrateScenes = async (opts: IllustrateScenesOptions): Promise<EmojiIllustration[]> => {
	const language = opts.language ?? 'en';
	const subject = pickVideoSubject({title: opts.title, texts: opts.scenes.map((s) => s.text ?? s.keywords.join(' ')), language});
	const out: EmojiIllustration[] = [];
	for (const [i, scene] of opts.scenes.entries()) {
		const previous = out[i - 1];
		out.push(
			await createEmojiIllustration({
				keywords: scene.keywords,
				text: scene.text,
				language,
				subject,
				context: opts.title,
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
