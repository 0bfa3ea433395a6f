import {describe, expect, it} from 'vitest';
import {toFestivalText, toSchemeString} from './to-festival-text';

describe('toFestivalText', () => {
	it('folds to plain ASCII and drops emoji', () => {
		expect(toFestivalText('“Café” – naïve O’Brien’s 🌋 Straße…')).toBe('"Cafe" - naive O\'Brien\'s Strasse...');
		for (const ch of toFestivalText('Ångström ✨ 東京 ½')) expect(ch.charCodeAt(0)).toBeLessThan(0x7f);
	});
});

describe('toSchemeString', () => {
	it('escapes quotes and backslashes', () => {
		expect(toSchemeString('say "hi" \\ bye')).toBe('"say \\"hi\\" \\\\ bye"');
	});
});
