/**
 * Language-aware splitting with Intl.Segmenter (ICU): sentences and words for any script,
 * including ones written without spaces (Japanese, Chinese, Thai).
 */

export type WordToken = {
	/** The word as written. */
	text: string;
	lower: string;
	/** Offsets into the segmented text. */
	start: number;
	end: number;
	/** True when punctuation, an emoji or a line break separates it from the previous word. */
	breakBefore: boolean;
};

const segmenters = new Map<string, Intl.Segmenter>();
const segmenter = (language: string, granularity: 'word' | 'sentence'): Intl.Segmenter => {
	const key = `${language}|${granularity}`;
	let s = segmenters.get(key);
	if (!s) {
		s = new Intl.Segmenter(language, {granularity});
		segmenters.set(key, s);
	}
	return s;
};

/** Languages written without spaces between words: phrases are joined without them. */
export const isSpacelessLanguage = (language: string): boolean => /^(ja|zh|yue|th|lo|km|my|bo)\b/i.test(language);

const softGap = /^[\s\-'’‐]*$/u;

export const wordTokens = (text: string, language: string): WordToken[] => {
	const out: WordToken[] = [];
	let gap = '';
	for (const seg of segmenter(language, 'word').segment(text)) {
		if (!seg.isWordLike) {
			gap += seg.segment;
			continue;
		}
		out.push({
			text: seg.segment,
			lower: seg.segment.toLocaleLowerCase(language),
			start: seg.index,
			end: seg.index + seg.segment.length,
			breakBefore: out.length > 0 && (!softGap.test(gap) || gap.includes('\n')),
		});
		gap = '';
	}
	return out;
};

export const countWords = (text: string, language: string): number => {
	let n = 0;
	for (const seg of segmenter(language, 'word').segment(text)) if (seg.isWordLike) n++;
	return n;
};

export const splitSentences = (text: string, language: string): string[] =>
	[...segmenter(language, 'sentence').segment(text)].map((s) => s.segment.trim()).filter((s) => s !== '');

// One emoji as written: a flag, a keycap, or a pictograph with its variation selector, skin tone,
// ZWJ-joined parts and tag characters. A regular expression, because Intl.Segmenter's grapheme
// mode costs ~20 us per character in V8, too slow for a 50,000-character prompt.
const EMOJI =
	/\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}[\uFE0E\uFE0F]?\p{Emoji_Modifier}?(?:\u200D\p{Extended_Pictographic}[\uFE0E\uFE0F]?\p{Emoji_Modifier}?)*[\u{E0020}-\u{E007F}]*/gu;
// ©, ® and ™ are pictographic for Unicode but are ordinary text to a reader.
const TEXT_SYMBOLS = /^[\u00a9\u00ae\u2122]$/u;
const ANY_EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;

/** The emoji of a text, in order (whole sequences, so ZWJ sequences and flags stay intact). */
export const findEmoji = (text: string): string[] =>
	ANY_EMOJI.test(text) ? [...text.matchAll(EMOJI)].map((m) => m[0]).filter((e) => !TEXT_SYMBOLS.test(e)) : [];

/** The text without emoji, for the voice (which would otherwise spell them out or choke). */
export const stripEmoji = (text: string): string => {
	if (!ANY_EMOJI.test(text)) return text.trim();
	return text
		.replace(EMOJI, (e) => (TEXT_SYMBOLS.test(e) ? e : ' '))
		.replace(/[ \t]{2,}/g, ' ')
		.replace(/ +([,.;:!?])/g, '$1')
		.replace(/^[ \t]+|[ \t]+$/gm, '')
		.trim();
};
