import {textWords} from '../../components/text-words';
import {captionWords, type Scene} from '../../storyboard';

export type TimedWord = {word: string; space: boolean; startMs: number; endMs: number};
export type KineticPage = {words: TimedWord[]; startMs: number; endMs: number};

const SENTENCE_END = /[.!?…。！？।؟]["'”’»)\]]*$/u;

/**
 * The narration's words with times (scene time): the captions' when there are some, otherwise the
 * narration text spread evenly over the scene (a storyboard written by hand, before voicing).
 */
export const sceneWords = (
	scene: Pick<Scene, 'captions' | 'narration' | 'durationMs' | 'text' | 'title'>,
	language: string,
): TimedWord[] => {
	if (scene.captions.length > 0) {
		const shown = captionWords(
			scene.captions.map((c) => c.text),
			language,
		);
		return scene.captions.flatMap((c, i) => {
			const w = shown[i];
			return w && w.word ? [{word: w.word, space: w.space, startMs: c.startMs, endMs: c.endMs}] : [];
		});
	}
	const tokens = textWords(scene.narration.text.trim() || scene.text || scene.title || '', language);
	const step = (scene.durationMs * 0.85) / Math.max(1, tokens.length);
	return tokens.map((t, i) => ({...t, startMs: Math.round(i * step), endMs: Math.round((i + 0.85) * step)}));
};

/**
 * Pages of words shown together: each sentence is a page, and a sentence longer than
 * `wordsPerPage` is cut into as few pages as it needs, of nearly equal length (so no page holds
 * a lone last word). A page stays until the next one starts (the last until the scene ends).
 */
export const kineticPages = (words: TimedWord[], wordsPerPage: number, sceneEndMs: number): KineticPage[] => {
	const sentences: TimedWord[][] = [];
	let current: TimedWord[] = [];
	for (const w of words) {
		current.push(w);
		if (SENTENCE_END.test(w.word)) {
			sentences.push(current);
			current = [];
		}
	}
	if (current.length > 0) sentences.push(current);
	const groups = sentences.flatMap((sentence) => {
		const count = Math.ceil(sentence.length / wordsPerPage);
		const size = Math.ceil(sentence.length / count);
		return Array.from({length: count}, (_, i) => sentence.slice(i * size, (i + 1) * size)).filter((g) => g.length > 0);
	});
	return groups.map((g, i) => ({
		words: g.map((w, j) => ({...w, space: j > 0 && w.space})),
		startMs: g[0]?.startMs ?? 0,
		endMs: groups[i + 1]?.[0]?.startMs ?? sceneEndMs,
	}));
};
