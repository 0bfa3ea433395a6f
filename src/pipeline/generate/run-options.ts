import type {Credit, FontFamily} from '../../compositions/storyboard';
import {findLanguage, resolveLanguage, type ResolvedLanguage} from '../language';
import {chooseVoice} from '../voice';
import type {GenerateOptions} from './generate-options';

/** Generate options once the language is known and "auto" voices are resolved. */
export type RunOptions = Omit<GenerateOptions, 'lang'> & {lang: string};

export type ResolvedRun = {
	options: RunOptions;
	language: ResolvedLanguage;
	/** Why the run is silent or otherwise not what was asked, for report.json. */
	warnings: {code: string; message: string}[];
};

/**
 * Resolves the language (detected from the prompt when "auto" or null; an unsupported tag is bad
 * input listing the supported ones) and the "auto" voice: Festival for English, espeak-ng for the
 * others, none (silent, reading-speed captions) where no offline voice reads the script.
 */
export const resolveRunOptions = async (parsed: GenerateOptions, prompt: string, preferredVoice?: string): Promise<ResolvedRun> => {
	const language = await resolveLanguage({requested: parsed.lang, text: prompt});
	const choice = chooseVoice({
		requested: parsed.voice,
		language: language.language,
		preferred: preferredVoice,
		voiceover: Boolean(parsed.voiceover),
	});
	return {
		options: {...parsed, lang: language.tag, voice: choice.voice},
		language,
		warnings: [...language.warnings, ...(choice.warning ? [choice.warning] : [])],
	};
};

/** The theme font of a language: Inter for Latin, a Noto family for CJK, Arabic, Devanagari. */
export const themeFontOf = (tag: string): FontFamily => findLanguage(tag)?.fontFamily ?? 'Inter';

const INTER: Credit = {
	kind: 'font',
	title: 'Inter typeface',
	author: 'Rasmus Andersson',
	url: 'https://rsms.me/inter/',
	license: 'SIL Open Font License 1.1',
	source: '@fontsource/inter',
};

/** Credits of the fonts a language's video draws with. */
export const fontCreditsOf = (tag: string): Credit[] => {
	const family = themeFontOf(tag);
	if (family === 'Inter') return [INTER];
	const pkg = `@fontsource/${family.toLowerCase().replaceAll(' ', '-')}`;
	return [
		{
			kind: 'font',
			title: `${family} typeface`,
			author: 'Google (Noto project)',
			url: 'https://notofonts.github.io/',
			license: 'SIL Open Font License 1.1',
			source: pkg,
		},
	];
};
