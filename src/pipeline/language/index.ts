export {SUPPORTED_LANGUAGES, SUPPORTED_LANGUAGE_CODES, findLanguage} from './supported-languages';
export type {SupportedLanguage, WritingScript} from './supported-languages';
export {detectLanguage, languageLabel} from './detect-language';
export type {LanguageDetection} from './detect-language';
export {resolveLanguage, UnsupportedLanguageError} from './resolve-language';
export type {ResolvedLanguage, LanguageWarning} from './resolve-language';
export {LANGUAGE_SAMPLES} from './language-samples';
