import {PromptreelError} from '../errors';

/** The prompt is empty or whitespace only. */
export class EmptyPromptError extends PromptreelError {
	override name = 'EmptyPromptError';
	constructor() {
		super('EMPTY_PROMPT', 'prompt: the prompt is empty. Pass a script, an outline or a topic.');
	}
}

/** The prompt exceeds the hard cap on characters. */
export class PromptTooLongError extends PromptreelError {
	override name = 'PromptTooLongError';
	readonly length: number;
	readonly limit: number;
	constructor(length: number, limit: number) {
		super(
			'PROMPT_TOO_LONG',
			`prompt: ${length} characters is over the limit of ${limit} characters. ` + 'Shorten the script or split it into several videos.',
			{details: {length, limit}},
		);
		this.length = length;
		this.limit = limit;
	}
}

/** The language is not a valid BCP 47 tag. */
export class InvalidLanguageError extends PromptreelError {
	override name = 'InvalidLanguageError';
	constructor(language: string) {
		super('INVALID_LANGUAGE', `language: "${language}" is not a BCP 47 language tag. Use one such as "en", "es" or "pt-BR".`);
	}
}
