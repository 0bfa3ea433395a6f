import {isSpacelessLanguage} from './language-layout';

// Scripts written without spaces between words, and their punctuation.
const SPACELESS_CHAR =
	/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u3000-\u303f\uff00-\uffef\u30fc]/u;

export type CaptionWord = {
	/** The word without its leading space. */
	word: string;
	/** Whether a visible space goes before it (never before the first word). */
	space: boolean;
};

/**
 * The words of a caption page as shown. Stored captions start with a space after the first word
 * (createTikTokStyleCaptions starts pages only there), also in languages written without spaces;
 * there the space is shown only between two words of a spaced script ("React Native" inside a
 * Japanese sentence), never next to a CJK or Thai character.
 */
export const captionWords = (texts: readonly string[], language: string): CaptionWord[] => {
	const spaceless = isSpacelessLanguage(language);
	const out: CaptionWord[] = [];
	let prev: string | undefined;
	// One entry per input text (empty ones too), so indices match the page's tokens.
	for (const text of texts) {
		const word = text.trim();
		if (!word) {
			out.push({word, space: false});
			continue;
		}
		let space = prev !== undefined && text.startsWith(' ');
		if (space && prev !== undefined && (spaceless || SPACELESS_CHAR.test(word))) {
			const last = [...prev].at(-1) ?? '';
			const first = [...word][0] ?? '';
			space = !SPACELESS_CHAR.test(last) && !SPACELESS_CHAR.test(first);
		}
		out.push({word, space});
		prev = word;
	}
	return out;
};

/** A caption line as text: words joined with the spaces captionWords decides. */
export const joinCaptionWords = (texts: readonly string[], language: string): string =>
	captionWords(texts, language)
		.filter((w) => w.word !== '')
		.map((w) => (w.space ? ` ${w.word}` : w.word))
		.join('');
