/** One word of the script as shown in captions, with its attached punctuation. */
export type ScriptToken = {
	/** As written, e.g. "volcanoes," or "\"Hello". */
	text: string;
	/** Lowercase letters and digits without accents, for matching against an engine's words. */
	key: string;
	/** Offsets in the script (UTF-16 code units), end exclusive. */
	start: number;
	end: number;
};

const isSpace = (s: string) => /^\s+$/u.test(s);
const CJK_PUNCTUATION = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f\uff5b-\uff65]/u;

/** Letters and digits only, accents removed, lowercased: "O'Brien's," -> "obriens". */
export const tokenKey = (text: string): string =>
	text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]/gu, '');

type Draft = {start: number; end: number; hasWord: boolean; lastWasWord: boolean};

/**
 * Splits a script into display words with Intl.Segmenter (so languages written without spaces
 * still split). Punctuation sticks to its word ("volcanoes,", "\"Hello", "well-known"); a run of
 * punctuation standing alone (" — ") joins the previous word, so every token has something to say.
 */
export const tokenizeScript = (text: string, language = 'en'): ScriptToken[] => {
	const segmenter = new Intl.Segmenter(language, {granularity: 'word'});
	const drafts: Draft[] = [];
	let current: Draft | null = null;
	let gap = true;
	for (const seg of segmenter.segment(text)) {
		const start = seg.index;
		const end = seg.index + seg.segment.length;
		if (isSpace(seg.segment)) {
			gap = true;
			continue;
		}
		const word = seg.isWordLike === true;
		// Punctuation clings to what it touches; a word joins the previous one only across
		// punctuation ("well-known"), not another word (Japanese words have no spaces), and not
		// across CJK full-width punctuation ("です。次" is two words).
		const afterCjkStop = current !== null && CJK_PUNCTUATION.test(text.slice(current.end - 1, current.end));
		const attach = current !== null && !gap && (!word || (!current.lastWasWord && !afterCjkStop));
		if (current && attach) {
			current.end = end;
			current.hasWord ||= word;
			current.lastWasWord = word;
		} else {
			current = {start, end, hasWord: word, lastWasWord: word};
			drafts.push(current);
		}
		gap = false;
	}
	// Punctuation-only drafts have no sound: fold them into a neighbour for display.
	const merged: Draft[] = [];
	for (const d of drafts) {
		const prev = merged[merged.length - 1];
		if (!d.hasWord && prev) {
			prev.end = d.end;
		} else if (prev && !prev.hasWord) {
			prev.end = d.end;
			prev.hasWord = d.hasWord;
		} else {
			merged.push({...d});
		}
	}
	return merged
		.filter((d) => d.hasWord)
		.map((d) => {
			const raw = text.slice(d.start, d.end);
			return {text: raw.replace(/\s+/gu, ' '), key: tokenKey(raw), start: d.start, end: d.end};
		});
};

const ABBREVIATION = /^(mr|mrs|ms|dr|st|prof|sr|jr|vs|etc|mt|no|fig|e\.g|i\.e)\.$/i;

/**
 * Groups tokens into sentences (Intl.Segmenter 'sentence'), keeping "Dr. Smith" together and
 * splitting sentences longer than `maxChars` at a comma-like pause, else hard, so a speech engine
 * never gets an utterance it struggles with.
 */
export const chunkTokens = (
	text: string,
	tokens: ScriptToken[],
	{language = 'en', maxChars = 400}: {language?: string; maxChars?: number} = {},
): ScriptToken[][] => {
	const ends: number[] = [];
	for (const s of new Intl.Segmenter(language, {granularity: 'sentence'}).segment(text)) {
		ends.push(s.index + s.segment.length);
	}
	const sentences: ScriptToken[][] = [];
	let sentence: ScriptToken[] = [];
	let e = 0;
	for (const t of tokens) {
		while (e < ends.length && t.start >= (ends[e] ?? Infinity)) {
			const last = sentence[sentence.length - 1];
			if (sentence.length > 0 && !(last && ABBREVIATION.test(last.text))) {
				sentences.push(sentence);
				sentence = [];
			}
			e++;
		}
		sentence.push(t);
	}
	if (sentence.length > 0) sentences.push(sentence);

	const chunks: ScriptToken[][] = [];
	for (const s of sentences) {
		let chunk: ScriptToken[] = [];
		let length = 0;
		for (const t of s) {
			chunk.push(t);
			length += t.text.length + 1;
			const pause = /[,;:)\]]["'”’]?$/u.test(t.text);
			if (length >= maxChars || (pause && length >= maxChars / 2)) {
				chunks.push(chunk);
				chunk = [];
				length = 0;
			}
		}
		if (chunk.length > 0) chunks.push(chunk);
	}
	return chunks;
};
