import {loadFont} from '@remotion/fonts';
import latin500 from '@fontsource/inter/files/inter-latin-500-normal.woff2';
import latin700 from '@fontsource/inter/files/inter-latin-700-normal.woff2';
import latin800 from '@fontsource/inter/files/inter-latin-800-normal.woff2';
import latinExt500 from '@fontsource/inter/files/inter-latin-ext-500-normal.woff2';
import latinExt700 from '@fontsource/inter/files/inter-latin-ext-700-normal.woff2';
import latinExt800 from '@fontsource/inter/files/inter-latin-ext-800-normal.woff2';
import {scriptFontOf, type FontFamily} from '../storyboard';
import {coversAny, type FontFile} from './fonts/font-file';
import {files as notoSans} from './fonts/noto-sans-files';
import {files as notoSansArabic} from './fonts/noto-sans-arabic-files';
import {files as notoSansDevanagari} from './fonts/noto-sans-devanagari-files';
import {files as notoSansJp} from './fonts/noto-sans-jp-files';
import {files as notoSansSc} from './fonts/noto-sans-sc-files';

// Unicode ranges from @fontsource/inter/unicode.json: the browser picks the subset per character.
const LATIN =
	'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT =
	'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';

const INTER: FontFile[] = [
	{weight: '500', url: latin500, unicodeRange: LATIN},
	{weight: '700', url: latin700, unicodeRange: LATIN},
	{weight: '800', url: latin800, unicodeRange: LATIN},
	{weight: '500', url: latinExt500, unicodeRange: LATIN_EXT},
	{weight: '700', url: latinExt700, unicodeRange: LATIN_EXT},
	{weight: '800', url: latinExt800, unicodeRange: LATIN_EXT},
];

/** Every bundled family with its subset files (CJK families have ~100 subsets per weight). */
export const FONT_FILES: Record<FontFamily, FontFile[]> = {
	Inter: INTER,
	'Noto Sans': notoSans,
	'Noto Sans JP': notoSansJp,
	'Noto Sans SC': notoSansSc,
	'Noto Sans Arabic': notoSansArabic,
	'Noto Sans Devanagari': notoSansDevanagari,
};

/** Installed system fonts after the bundled ones: a word in another script still gets glyphs. */
const SYSTEM_FALLBACK =
	'"Noto Sans", "Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans Arabic", "Noto Sans Devanagari", "Noto Sans Hebrew", "Noto Sans Thai", sans-serif';

export type FontChoice = {
	/** BCP 47 tag of the storyboard. */
	language: string;
	/** The theme's family. */
	fontFamily: FontFamily;
};

/** The bundled families a storyboard uses: its theme's, then the one for its language's script. */
export const familiesOf = ({language, fontFamily}: FontChoice): FontFamily[] => [...new Set([fontFamily, scriptFontOf(language)])];

/** The CSS font-family list of a storyboard. */
export const fontStackOf = (choice: FontChoice): string =>
	`${familiesOf(choice)
		.map((f) => `"${f}"`)
		.join(', ')}, ${SYSTEM_FALLBACK}`;

/** The CSS variable the template sets on its root; components read it through FONT_STACK. */
export const FONT_VARIABLE = '--promptreel-font';

/**
 * CSS font stack for text: the storyboard's families when the template sets FONT_VARIABLE,
 * else Inter, then system Noto fonts so scripts Inter lacks still render instead of boxes.
 */
export const FONT_STACK = `var(${FONT_VARIABLE}, Inter, ${SYSTEM_FALLBACK})`;

// ASCII is always on screen somewhere (credits, numbers): keep its subset loaded.
const ASCII = Array.from({length: 95}, (_, i) => i + 32);

/**
 * The files to load for a storyboard: only its families, and of those only the subsets that
 * contain a character of its text. A Latin video loads no CJK file; a Japanese one loads the
 * handful of the ~120 Japanese subsets its words use.
 */
export const fontFilesFor = (choice: FontChoice & {text: string}): {family: FontFamily; file: FontFile}[] => {
	const codePoints = new Set<number>(ASCII);
	for (const ch of choice.text) codePoints.add(ch.codePointAt(0) ?? 32);
	return familiesOf(choice).flatMap((family) =>
		FONT_FILES[family].filter((file) => coversAny(file, codePoints)).map((file) => ({family, file})),
	);
};

const loaded = new Map<string, Promise<void>>();
const loadOnce = (family: string, file: FontFile): Promise<void> => {
	const key = `${family}|${file.weight}|${file.url}`;
	let p = loaded.get(key);
	if (!p) {
		// loadFont holds the render (delayRender) until the face is ready.
		p = loadFont({family, url: file.url, weight: file.weight, style: 'normal', unicodeRange: file.unicodeRange, format: 'woff2'});
		loaded.set(key, p);
	}
	return p;
};

/** Loads the bundled font files a storyboard's text needs; nothing is fetched from the network. */
export const loadFontsFor = (choice: FontChoice & {text: string}): Promise<void> =>
	Promise.all(fontFilesFor(choice).map(({family, file}) => loadOnce(family, file))).then(() => undefined);

/** Loads Inter (all bundled subsets). Safe to call many times. */
export const loadFonts = (): Promise<void> => Promise.all(INTER.map((f) => loadOnce('Inter', f))).then(() => undefined);
