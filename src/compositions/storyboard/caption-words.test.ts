import {describe, expect, it} from 'vitest';
import {captionWords, joinCaptionWords} from './caption-words';
import {isSpacelessLanguage, scriptFontOf, textDirectionOf} from './language-layout';

describe('captionWords', () => {
	it('shows the spaces of spaced languages', () => {
		expect(joinCaptionWords(['Los', ' volcanes', ' se', ' forman.'], 'es')).toBe('Los volcanes se forman.');
	});

	it('joins Japanese and Chinese words without spaces (the stored space only marks a page break)', () => {
		expect(joinCaptionWords(['火山は', ' マグマが', ' 地殻を'], 'ja')).toBe('火山はマグマが地殻を');
		expect(joinCaptionWords(['火山', ' 形成', ' 于'], 'zh')).toBe('火山形成于');
		expect(captionWords(['火山は', ' マグマが'], 'ja')).toEqual([
			{word: '火山は', space: false},
			{word: 'マグマが', space: false},
		]);
	});

	it('keeps the space between two Latin words inside a Japanese sentence, not next to kana', () => {
		expect(joinCaptionWords(['私は', ' React', ' Native', ' が', ' 好き'], 'ja')).toBe('私はReact Nativeが好き');
	});

	it('keeps Arabic words in reading (logical) order; layout is right to left', () => {
		const words = ['تتشكل', ' البراكين', ' حيث'];
		expect(captionWords(words, 'ar').map((w) => w.word)).toEqual(['تتشكل', 'البراكين', 'حيث']);
		expect(textDirectionOf('ar')).toBe('rtl');
		expect(textDirectionOf('he-IL')).toBe('rtl');
		expect(textDirectionOf('ja')).toBe('ltr');
	});

	it('keeps one entry per token so the active index matches', () => {
		expect(captionWords(['a', ' ', ' b'], 'en')).toHaveLength(3);
	});
});

describe('language layout', () => {
	it('picks a bundled family per script', () => {
		expect(scriptFontOf('en')).toBe('Inter');
		expect(scriptFontOf('ja')).toBe('Noto Sans JP');
		expect(scriptFontOf('zh-CN')).toBe('Noto Sans SC');
		expect(scriptFontOf('ar')).toBe('Noto Sans Arabic');
		expect(scriptFontOf('hi')).toBe('Noto Sans Devanagari');
		expect(isSpacelessLanguage('th')).toBe(true);
		expect(isSpacelessLanguage('de')).toBe(false);
	});
});
