import {PromptreelError} from '../errors';
import {detectLanguage, languageLabel, type LanguageDetection} from './detect-language';
import {findLanguage, SUPPORTED_LANGUAGES, type SupportedLanguage} from './supported-languages';

const supportedList = (): string => SUPPORTED_LANGUAGES.map((l) => `${l.code} (${l.name})`).join(', ');

/**
 * The language of a run is one promptreel does not support: named by --lang, or detected in the
 * script. Bad input: the message lists the supported codes and how to choose one with --lang.
 */
export class UnsupportedLanguageError extends PromptreelError {
	override name = 'UnsupportedLanguageError';
	constructor(tag: string, detection: LanguageDetection | null = null) {
		super(
			'UNSUPPORTED_LANGUAGE',
			detection
				? `The script looks ${tag === 'und' ? 'like a language' : `like ${languageLabel(tag)}`}, which promptreel does not support (${detection.reason}). Supported: ${supportedList()}. Write the script in one of them, or pass --lang CODE if the detection is wrong.`
				: `Unsupported --lang "${tag}". Supported: ${supportedList()}; or leave it out (or "auto") to detect it from the script.`,
			{details: detection ? {detected: tag, reason: detection.reason} : {requested: tag}},
		);
	}
}

export type LanguageWarning = {code: 'LANGUAGE_UNCERTAIN'; message: string};

export type ResolvedLanguage = {
	/** The tag to use: the requested one as given ("pt-BR"), or the detected primary tag. */
	tag: string;
	language: SupportedLanguage;
	/** What was asked for: a tag, or 'auto'. */
	requested: string;
	/** Set when the language was detected from the text. */
	detection: LanguageDetection | null;
	/** For report.json: a detection below the detector's reliability threshold, naming --lang. */
	warnings: LanguageWarning[];
};

/**
 * The language of a run: the requested tag when it is supported (throws UnsupportedLanguageError
 * otherwise), else detected from the text when the request is null or "auto". A detected
 * unsupported language is refused too (never read by the English voice); an uncertain detection
 * is used with a LANGUAGE_UNCERTAIN warning naming --lang.
 */
export const resolveLanguage = async ({
	requested,
	text,
}: {
	requested: string | null | undefined;
	text: string;
}): Promise<ResolvedLanguage> => {
	if (requested == null || requested.toLowerCase() === 'auto') {
		const detection = await detectLanguage(text);
		const language = detection.supported ? findLanguage(detection.language) : null;
		if (!language) throw new UnsupportedLanguageError(detection.language, detection);
		const warnings: LanguageWarning[] = detection.reliable
			? []
			: [
					{
						code: 'LANGUAGE_UNCERTAIN',
						message: `The script's language is uncertain; ${language.name} was assumed (${detection.reason}). If that is wrong, pass --lang with one of: ${SUPPORTED_LANGUAGES.map((l) => l.code).join(', ')}.`,
					},
				];
		return {tag: language.code, language, requested: 'auto', detection, warnings};
	}
	const language = findLanguage(requested);
	if (!language) throw new UnsupportedLanguageError(requested);
	return {tag: requested, language, requested, detection: null, warnings: []};
};
