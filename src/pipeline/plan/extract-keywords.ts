import {documentStats, surfaceOf, topicTerms, type DocumentStats} from './document-stats';
import {rankPhrases} from './key-phrase';

const MAX_KEYWORDS = 5;

/**
 * Visual search terms of one scene, most specific first: its best two- or three-word phrase, its
 * most informative single words, then the prompt's topic as the generic fallback. Lower case, in
 * the prompt's language (the offline planner does not translate).
 */
export const extractKeywords = (text: string, language: string, stats?: DocumentStats): string[] => {
	const context = stats ?? documentStats([text], language);
	const phrases = rankPhrases(text, language, context);
	const out: string[] = [];
	const add = (k: string) => {
		const lower = k.toLocaleLowerCase(language).trim();
		if (lower !== '' && !out.includes(lower) && out.length < MAX_KEYWORDS) out.push(lower);
	};
	const multi = phrases.find((p) => p.terms.length >= 2 && p.terms.length <= 3);
	if (multi) add(multi.text);
	// Single words, scored by the best phrase they appear in.
	const singles = new Map<string, number>();
	for (const p of phrases) for (const term of p.terms) singles.set(term, Math.max(singles.get(term) ?? 0, p.score / p.terms.length));
	[...singles.entries()]
		.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
		.slice(0, 3)
		.forEach(([term]) => add(surfaceOf(context, term)));
	// The prompt's topic closes the list as the generic term, when it recurs at all.
	for (const topic of topicTerms(context, 2, 2)) add(surfaceOf(context, topic));
	return out;
};
