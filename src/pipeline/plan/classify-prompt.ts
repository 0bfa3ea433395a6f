import {parseOutline, type Outline} from './parse-outline';
import {countWords, splitSentences} from './text-tokens';

/** At most this many words with no sentence punctuation is a topic, not a script. */
export const MAX_TOPIC_WORDS = 8;

export type PromptShape = {kind: 'outline'; outline: Outline} | {kind: 'topic'} | {kind: 'script'};

/**
 * What the user gave: an outline or list, a bare topic ("How volcanoes form", "Why is the sky
 * blue?"), or a script to narrate as written.
 */
export const classifyPrompt = (text: string, language: string): PromptShape => {
	const outline = parseOutline(text);
	if (outline) return {kind: 'outline', outline};
	const oneLine = !text.includes('\n');
	const endsLikeStatement = /[.!。！…]$/u.test(text);
	if (oneLine && !endsLikeStatement && countWords(text, language) <= MAX_TOPIC_WORDS && splitSentences(text, language).length <= 1) {
		return {kind: 'topic'};
	}
	return {kind: 'script'};
};
