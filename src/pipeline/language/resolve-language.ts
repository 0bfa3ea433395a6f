import {PromptreelError} from '../errors';
import {detectLanguage, type LanguageDetection} from './detect-language';
import {findLanguage, SUPPORTED_LANGUAGES, type SupportedLanguage} from './supported-languages';

/** --lang names a language promptreel does not support. Bad input: the message lists the codes. */
export class UnsupportedLanguageError extends PromptreelError {
	override name = 'UnsupportedLanguageError';
	constructor(tag: string) {
		super(
			'UNSUPPORTED_LANGUAGE',
			`Unsupported --lang "${tag}". Supported: ${SUPPORTED_LANGUAGES.map((l) => `${l.code} (${l.name})`).join(', ')}; or leave it out (or "auto") to detect it from the script.`);
	}
}

export type ResolvedLanguage = {
	/** The tag to use: the requested one as given ("pt-BR"), or the detected primary tag. */
	tag: string;
	language: SupportedLanguage;
	/** What was asked for: a tag, or 'auto'. */
	requested: string;
	/** Set when the language was detected from the text. */
	detection: LanguageDetection | null;
};

/**
 * The language of a run: the requested tag when it is supported (throws UnsupportedLanguageError
 * otherwise), else detected from the text when the request is null or "auto".
 */
export const resolveLanguage = ({requested, text}: {requested: string | null | undefined; text: string}): ResolvedLanguage => {
	if (requested == null || requested.toLowerCase() === 'auto') {
		const detection = detectLanguage(text);
		const language = findLanguage(detection.language);
		if (!language) throw new UnsupportedLanguageError(detection.language);
		return {tag: language.code, language, requested: 'auto', detection};
	}
	const language = findLanguage(requested);
	if (!language) throw new UnsupportedLanguageError(requested);
	return {tag: requested, language, requested, detection: null};
};
