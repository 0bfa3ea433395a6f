import type {FONT_FAMILIES} from './storyboard-schema';

export type FontFamily = (typeof FONT_FAMILIES)[number];
export type TextDirection = 'ltr' | 'rtl';

const primary = (language: string): string => language.split('-')[0]?.toLowerCase() ?? '';

const RTL = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'yi', 'dv', 'ckb', 'ug']);
const SPACELESS = new Set(['ja', 'zh', 'yue', 'th', 'lo', 'km', 'my', 'bo']);

/** Right to left for Arabic, Hebrew, Persian, Urdu...; left to right otherwise. */
export const textDirectionOf = (language: string): TextDirection => (RTL.has(primary(language)) ? 'rtl' : 'ltr');

/** Languages written without spaces between words: captions and subtitles join words without them. */
export const isSpacelessLanguage = (language: string): boolean => SPACELESS.has(primary(language));

const SCRIPT_FONT: Record<string, FontFamily> = {
	ja: 'Noto Sans JP',
	zh: 'Noto Sans SC',
	yue: 'Noto Sans SC',
	ar: 'Noto Sans Arabic',
	fa: 'Noto Sans Arabic',
	ur: 'Noto Sans Arabic',
	hi: 'Noto Sans Devanagari',
	mr: 'Noto Sans Devanagari',
	ne: 'Noto Sans Devanagari',
};

/**
 * The bundled family that has the glyphs of a language's script: a Noto family for CJK, Arabic
 * and Devanagari, Inter for Latin (and Noto Sans where Inter has no glyphs, e.g. Vietnamese).
 */
export const scriptFontOf = (language: string): FontFamily =>
	SCRIPT_FONT[primary(language)] ?? (primary(language) === 'vi' ? 'Noto Sans' : 'Inter');
