/** A timed word of a caption track. */
type TimedWord = {text: string; startMs: number; endMs: number};

/** Japanese particles and auxiliaries: they close the word before them and never open a caption page. */
const JAPANESE_CLINGING = new Set(
	(
		'は が を に で と の も へ や か な ね よ ぞ さ わ て た だ し ば り' +
		' って では には とは へは でも にも とも からは までは から まで より など ので のに けど けれど しか だけ ほど くらい ずつ ながら たり' +
		' です ます でし まし ませ ましょう しょう でしょう ない なかっ れる られる せる させる たい' +
		' ている ています てい い う ぬ ん ような ように こと しまい しまう しまった しまいます いる いた います おり'
	).split(' '),
);
/** Characters no Japanese word starts with (small kana, the long-vowel mark). */
const CANNOT_START = /^[っゃゅょぁぃぅぇぉゎッャュョァィゥェォヮーゝゞ]/u;
const SENTENCE_END = /[。！？!?.]\s*$/u;

const clings = (text: string): boolean => {
	const t = text.trim().replace(/[、。！？「」『』（）]/gu, '');
	return t !== '' && (JAPANESE_CLINGING.has(t) || CANNOT_START.test(t));
};

/**
 * Joins each Japanese particle or auxiliary ("って", "は", "が", "を", "に", "ます") to the word
 * before it, within a sentence, so no caption page or line starts on one: Intl.Segmenter splits
 * them off as words of their own. Other languages come back as they are.
 */
export const attachParticles = <W extends TimedWord>(words: readonly W[], language: string): W[] => {
	if (!/^ja\b/i.test(language)) return [...words];
	const out: W[] = [];
	for (const w of words) {
		const prev = out[out.length - 1];
		if (prev && clings(w.text) && !SENTENCE_END.test(prev.text)) {
			out[out.length - 1] = {...prev, text: `${prev.text.trimEnd()}${w.text.trim()}`, endMs: Math.max(prev.endMs, w.endMs)};
		} else {
			out.push(w);
		}
	}
	return out;
};
