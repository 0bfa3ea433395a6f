import {isStopWord} from './stop-words';
import {wordTokens, type WordToken} from './text-tokens';

/** How often each term occurs in the whole prompt and in how many of its parts (scenes). */
export type DocumentStats = {
	language: string;
	parts: number;
	termFreq: ReadonlyMap<string, number>;
	docFreq: ReadonlyMap<string, number>;
	/** How each term is written (lower case): the singular when the text uses it, else its first form. */
	surface: ReadonlyMap<string, string>;
	/** Order of first appearance of each term, to break ties toward the opening. */
	firstSeen: ReadonlyMap<string, number>;
};

/** A counting key: lower case, English plurals folded ("volcanoes" and "volcano" count together). */
export const termKey = (lower: string, language: string): string => {
	if (!/^en\b/i.test(language) || lower.length < 4) return lower;
	if (lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
	if (/(ss|us|is)$/.test(lower)) return lower;
	if (/(ches|shes|xes|oes|sses)$/.test(lower)) return lower.slice(0, -2);
	if (lower.endsWith('s')) return lower.slice(0, -1);
	return lower;
};

const hasLetter = /\p{L}/u;
const latinOnly = /^[\p{Script=Latin}'’-]+$/u;

/** A word worth showing or searching for: not a stop word, not a number, not a stray letter. */
export const isContentWord = (t: WordToken, language: string): boolean => {
	if (!hasLetter.test(t.text) || isStopWord(t.lower, language)) return false;
	return latinOnly.test(t.text) ? t.text.length >= 3 : t.text.length >= 2 || /\p{Script=Han}/u.test(t.text);
};

export const documentStats = (parts: readonly string[], language: string): DocumentStats => {
	const termFreq = new Map<string, number>();
	const docFreq = new Map<string, number>();
	const surface = new Map<string, string>();
	const firstSeen = new Map<string, number>();
	for (const part of parts) {
		const seen = new Set<string>();
		for (const t of wordTokens(part, language)) {
			if (!isContentWord(t, language)) continue;
			const key = termKey(t.lower, language);
			termFreq.set(key, (termFreq.get(key) ?? 0) + 1);
			if (!firstSeen.has(key)) firstSeen.set(key, firstSeen.size);
			if (!surface.has(key) || t.lower === key) surface.set(key, t.lower);
			seen.add(key);
		}
		for (const key of seen) docFreq.set(key, (docFreq.get(key) ?? 0) + 1);
	}
	return {language, parts: Math.max(1, parts.length), termFreq, docFreq, surface, firstSeen};
};

/** The most frequent content terms of the whole prompt (its topic), earliest first among equals. */
export const topicTerms = (stats: DocumentStats, count: number, minFreq = 1): string[] =>
	[...stats.termFreq.entries()]
		.filter(([, freq]) => freq >= minFreq)
		.sort((a, b) => b[1] - a[1] || (stats.firstSeen.get(a[0]) ?? 0) - (stats.firstSeen.get(b[0]) ?? 0))
		.slice(0, count)
		.map(([term]) => term);

/** A term as written in the prompt. */
export const surfaceOf = (stats: DocumentStats, term: string): string => stats.surface.get(term) ?? term;
