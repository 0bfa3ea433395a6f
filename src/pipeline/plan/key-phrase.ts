import {documentStats, isContentWord, termKey, type DocumentStats} from './document-stats';
import {isConnector} from './stop-words';
import {isSpacelessLanguage, wordTokens, type WordToken} from './text-tokens';

export type RankedPhrase = {
	/** The phrase as written in the text. */
	text: string;
	/** Counting keys of its content words. */
	terms: string[];
	score: number;
};

const MAX_PHRASE_WORDS = 4;

/**
 * Scores a content word of one part (scene) of the prompt: frequent in the part, rare in the
 * others (tf-idf), longer words and capitalised names count more.
 */
const wordScore = (t: WordToken, tf: number, stats: DocumentStats, first: boolean): number => {
	const key = termKey(t.lower, stats.language);
	const df = stats.docFreq.get(key) ?? 1;
	const idf = Math.log(1 + stats.parts / df) + 0.5;
	const length = isSpacelessLanguage(stats.language) ? t.text.length * 2 : t.text.length;
	const lengthFactor = 0.6 + (0.4 * Math.min(length, 9)) / 9;
	const nameBonus = !first && /^\p{Lu}/u.test(t.text) && /^en\b/i.test(stats.language) ? 1.3 : 1;
	return (1 + Math.log(tf)) * idf * lengthFactor * nameBonus;
};

/** Runs of content words (optionally joined by "of"/"de"), never across punctuation. */
const candidateRuns = (tokens: WordToken[], language: string): WordToken[][] => {
	const runs: WordToken[][] = [];
	let run: WordToken[] = [];
	const flush = () => {
		while (run.length > 0 && !isContentWord(run[run.length - 1]!, language)) run.pop();
		if (run.length > 0) runs.push(run);
		run = [];
	};
	tokens.forEach((t, i) => {
		if (t.breakBefore) flush();
		if (isContentWord(t, language)) {
			run.push(t);
			return;
		}
		const next = tokens[i + 1];
		const joins = run.length > 0 && isConnector(t.lower, language) && next && !next.breakBefore && isContentWord(next, language);
		if (joins) run.push(t);
		else flush();
	});
	flush();
	return runs;
};

const sliceOf = (text: string, run: WordToken[]): string => text.slice(run[0]!.start, run[run.length - 1]!.end);

/** The best window of at most MAX_PHRASE_WORDS content words of a long run. */
const bestWindow = (run: WordToken[], scoreOf: (t: WordToken) => number, language: string): WordToken[] => {
	if (run.length <= MAX_PHRASE_WORDS) return run;
	let best = run.slice(0, MAX_PHRASE_WORDS);
	let bestScore = -1;
	for (let i = 0; i + MAX_PHRASE_WORDS <= run.length; i++) {
		const w = run.slice(i, i + MAX_PHRASE_WORDS);
		if (!isContentWord(w[0]!, language) || !isContentWord(w[w.length - 1]!, language)) continue;
		const s = w.reduce((sum, t) => sum + scoreOf(t), 0);
		if (s > bestScore) {
			bestScore = s;
			best = w;
		}
	}
	return best;
};

/** Candidate key phrases of a text, best first. `stats` gives the rest of the prompt as context. */
export const rankPhrases = (text: string, language: string, stats?: DocumentStats): RankedPhrase[] => {
	const context = stats ?? documentStats([text], language);
	const tokens = wordTokens(text, language);
	const tf = new Map<string, number>();
	for (const t of tokens) if (isContentWord(t, language)) tf.set(termKey(t.lower, language), (tf.get(termKey(t.lower, language)) ?? 0) + 1);
	const scoreOf = (t: WordToken): number =>
		isContentWord(t, language) ? wordScore(t, tf.get(termKey(t.lower, language)) ?? 1, context, t === tokens[0]) : 0;

	const byText = new Map<string, RankedPhrase>();
	const total = Math.max(1, text.length);
	for (const whole of candidateRuns(tokens, language)) {
		const run = bestWindow(whole, scoreOf, language);
		const phrase = sliceOf(text, run);
		const position = 1 + 0.5 * (1 - run[0]!.start / total);
		const score = run.reduce((sum, t) => sum + scoreOf(t), 0) * position;
		const key = phrase.toLocaleLowerCase(language);
		const prev = byText.get(key);
		if (prev) prev.score += score * 0.5;
		else
			byText.set(key, {
				text: phrase,
				terms: run.filter((t) => isContentWord(t, language)).map((t) => termKey(t.lower, language)),
				score,
			});
	}
	return [...byText.values()].sort((a, b) => b.score - a.score || a.text.localeCompare(b.text));
};

/** The key phrase of a text (a short noun-phrase-like run of its most informative words), or null. */
export const keyPhrase = (text: string, language: string, stats?: DocumentStats): string | null =>
	rankPhrases(text, language, stats)[0]?.text ?? null;
