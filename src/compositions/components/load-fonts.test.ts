import {describe, expect, it} from 'vitest';
import {LANGUAGE_SAMPLES} from '../../pipeline/language/language-samples';
import {scriptFontOf} from '../storyboard';
import {coversAny, parseUnicodeRange} from './fonts/font-file';
import {FONT_FILES, familiesOf, fontFilesFor, fontStackOf} from './load-fonts';

const choiceFor = (language: string) => ({language, fontFamily: scriptFontOf(language)});

describe('per-language font loading', () => {
	it('loads only Inter for a Latin video, never a CJK, Arabic or Devanagari file', () => {
		const files = fontFilesFor({...choiceFor('es'), text: LANGUAGE_SAMPLES.es!});
		expect(new Set(files.map((f) => f.family))).toEqual(new Set(['Inter']));
		expect(files.length).toBeLessThanOrEqual(6);
	});

	it('loads few of the ~120 Japanese subsets per weight, only those the text uses', () => {
		const files = fontFilesFor({...choiceFor('ja'), text: LANGUAGE_SAMPLES.ja!});
		expect(FONT_FILES['Noto Sans JP'].length).toBeGreaterThan(200);
		expect(files.every((f) => f.family === 'Noto Sans JP')).toBe(true);
		expect(files.length).toBeLessThan(FONT_FILES['Noto Sans JP'].length / 4);
		// Only two weights ship per Noto family; 800 (titles) falls in the bold file's range.
		expect(new Set(files.map((f) => f.file.weight))).toEqual(new Set(['100 599', '600 1000']));
	});

	it.each(Object.keys(LANGUAGE_SAMPLES))('has a glyph source for every letter of the %s sample (no tofu)', (language) => {
		const text = LANGUAGE_SAMPLES[language]!;
		const files = fontFilesFor({...choiceFor(language), text});
		for (const ch of text.replace(/\s/gu, '')) {
			const cp = new Set([ch.codePointAt(0)!]);
			expect(
				files.some((f) => coversAny(f.file, cp)),
				`${language}: "${ch}" U+${ch.codePointAt(0)!.toString(16)}`,
			).toBe(true);
		}
	});

	it('puts the theme family first and the script family next in the CSS stack', () => {
		expect(familiesOf({language: 'ja', fontFamily: 'Inter'})).toEqual(['Inter', 'Noto Sans JP']);
		expect(fontStackOf({language: 'ar', fontFamily: 'Noto Sans Arabic'})).toMatch(/^"Noto Sans Arabic", "Noto Sans"/);
	});

	it('parses unicode ranges', () => {
		expect(parseUnicodeRange('U+0000-00FF,U+0131')).toEqual([
			[0, 255],
			[305, 305],
		]);
	});
});
