import {loadFont} from '@remotion/fonts';
import latin500 from '@fontsource/inter/files/inter-latin-500-normal.woff2';
import latin700 from '@fontsource/inter/files/inter-latin-700-normal.woff2';
import latin800 from '@fontsource/inter/files/inter-latin-800-normal.woff2';
import latinExt500 from '@fontsource/inter/files/inter-latin-ext-500-normal.woff2';
import latinExt700 from '@fontsource/inter/files/inter-latin-ext-700-normal.woff2';
import latinExt800 from '@fontsource/inter/files/inter-latin-ext-800-normal.woff2';

// Unicode ranges from @fontsource/inter/unicode.json: the browser picks the subset per character.
const LATIN =
	'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT =
	'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';

const FILES = [
	{weight: '500', url: latin500, unicodeRange: LATIN},
	{weight: '700', url: latin700, unicodeRange: LATIN},
	{weight: '800', url: latin800, unicodeRange: LATIN},
	{weight: '500', url: latinExt500, unicodeRange: LATIN_EXT},
	{weight: '700', url: latinExt700, unicodeRange: LATIN_EXT},
	{weight: '800', url: latinExt800, unicodeRange: LATIN_EXT},
];

/**
 * CSS font stack for text: Inter (bundled), then system Noto fonts so that scripts Inter lacks
 * (CJK, Arabic, Devanagari...) still render instead of boxes.
 */
export const FONT_STACK = 'Inter, "Noto Sans", "Noto Sans CJK JP", "Noto Sans Arabic", "Noto Sans Devanagari", sans-serif';

let loading: Promise<void> | null = null;

/**
 * Loads Inter from files bundled with the project (webpack turns each import into an asset URL);
 * nothing is fetched from the network. Safe to call many times.
 */
export const loadFonts = (): Promise<void> => {
	loading ??= Promise.all(
		FILES.map((f) => loadFont({family: 'Inter', url: f.url, weight: f.weight, style: 'normal', unicodeRange: f.unicodeRange, format: 'woff2'})),
	).then(() => undefined);
	return loading;
};
