import {espeakVoiceFor} from '../voice/espeak-voice';
import {scriptFontOf, textDirectionOf, isSpacelessLanguage, type FontFamily, type TextDirection} from '../../compositions/storyboard';

export type WritingScript = 'Latn' | 'Jpan' | 'Hans' | 'Arab' | 'Deva';

export type SupportedLanguage = {
	/** BCP 47 primary tag: what --lang takes. */
	code: string;
	/** English name. */
	name: string;
	/** Its own name for itself. */
	nativeName: string;
	script: WritingScript;
	direction: TextDirection;
	/** Written without spaces between words (captions join words without them). */
	spaceless: boolean;
	/** Bundled font family with the script's glyphs (theme.fontFamily of generated videos). */
	fontFamily: FontFamily;
	/** Voice id used when --voice is not given; null when no offline voice can read the script. */
	defaultVoice: string | null;
	/** espeak-ng voice name, or null when espeak-ng cannot read the script. */
	espeakVoice: string | null;
	/** Whether any offline voice can read it (Japanese: no, espeak-ng reads no kanji). */
	offlineSpeech: boolean;
};

const lang = (code: string, name: string, nativeName: string, script: WritingScript, defaultVoice: string | null): SupportedLanguage => ({
	code,
	name,
	nativeName,
	script,
	direction: textDirectionOf(code),
	spaceless: isSpacelessLanguage(code),
	fontFamily: scriptFontOf(code),
	defaultVoice,
	espeakVoice: defaultVoice === null ? null : espeakVoiceFor(code),
	offlineSpeech: defaultVoice !== null,
});

/**
 * The languages promptreel plans, voices, captions and sets in type. English speaks with Festival
 * (better than espeak-ng), the others with espeak-ng. Mandarin uses espeak-ng's pinyin voice: the
 * plain "cmn" voice of espeak-ng 1.51 reads tone numbers aloud in English. espeak-ng reads no kanji,
 * so Japanese has no offline voice.
 */
export const SUPPORTED_LANGUAGES: readonly SupportedLanguage[] = [
	lang('en', 'English', 'English', 'Latn', 'festival'),
	lang('es', 'Spanish', 'Español', 'Latn', 'espeak'),
	lang('de', 'German', 'Deutsch', 'Latn', 'espeak'),
	lang('fr', 'French', 'Français', 'Latn', 'espeak'),
	lang('pt', 'Portuguese', 'Português', 'Latn', 'espeak'),
	lang('it', 'Italian', 'Italiano', 'Latn', 'espeak'),
	lang('ja', 'Japanese', '日本語', 'Jpan', null),
	lang('zh', 'Chinese (Mandarin)', '中文', 'Hans', 'espeak'),
	lang('ar', 'Arabic', 'العربية', 'Arab', 'espeak'),
	lang('hi', 'Hindi', 'हिन्दी', 'Deva', 'espeak'),
];

export const SUPPORTED_LANGUAGE_CODES = SUPPORTED_LANGUAGES.map((l) => l.code);

/** The entry for a BCP 47 tag ("pt-BR" -> Portuguese), or null when it is not supported. */
export const findLanguage = (tag: string): SupportedLanguage | null => {
	const primary = tag.split('-')[0]?.toLowerCase() ?? '';
	return SUPPORTED_LANGUAGES.find((l) => l.code === primary) ?? null;
};
