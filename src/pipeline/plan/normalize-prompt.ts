import {EmptyPromptError, PromptTooLongError} from './plan-errors';

/** Hard cap on the prompt: above it planning stops with PromptTooLongError. */
export const MAX_PROMPT_CHARS = 50_000;

/**
 * The prompt as planners see it: NFC, "\n" line ends, no control characters, trimmed.
 * Throws EmptyPromptError and PromptTooLongError.
 */
export const normalizePrompt = (raw: string): string => {
	if (raw.length > MAX_PROMPT_CHARS) throw new PromptTooLongError(raw.length, MAX_PROMPT_CHARS);
	const text = raw
		.normalize('NFC')
		.replace(/\r\n?/g, '\n')
		.replace(/[\t\v\f\u00a0]/g, ' ')
		// Control characters other than the line feed; ZWJ and variation selectors are not Cc, so emoji survive.
		.replace(/[\p{Cc}]/gu, (c) => (c === '\n' ? c : ''))
		.trim();
	if (text === '') throw new EmptyPromptError();
	return text;
};
