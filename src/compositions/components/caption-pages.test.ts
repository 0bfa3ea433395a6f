import {describe, expect, it} from 'vitest';
import {captionLines, captionPages, isSentenceEnd} from './caption-pages';

/** Timed words, `step` ms each; a "|" in the list marks a pause of `pause` ms. */
const timed = (words: string[], step = 300, pause = 0) => {
	let t = 0;
	return words.flatMap((w, i) => {
		if (w === '|') {
			t += pause;
			return [];
		}
		const out = {text: i ? ` ${w}` : w, startMs: t, endMs: t + step - 20};
		t += step;
		return [out];
	});
};
const pageTexts = (pages: {words: {text: string}[]}[], sep = ' ') => pages.map((p) => p.words.map((w) => w.text.trim()).join(sep));

describe('captionPages', () => {
	it.each([
		['en', ['seeds.', 'The', 'wet', 'beans'], ['seeds.', 'The wet beans']],
		['hi', ['मानसून', 'आता', 'है।', 'बारिश', 'होती', 'है।'], ['मानसून आता है।', 'बारिश होती है।']],
		['ar', ['هل', 'تهطل', 'الأمطار؟', 'نعم', 'كثيرا', 'جدا.'], ['هل تهطل الأمطار؟', 'نعم كثيرا جدا.']],
		['zh', ['茶', '已有', '几千', '年', '的', '历史。', '人们', '喜爱', '喝茶！'], ['茶已有几千年的历史。', '人们喜爱喝茶！']],
		['ja', ['お', '花見', 'は', '楽しい', 'です？', '桜', 'が', '咲き', 'ます。'], ['お花見は楽しいです？', '桜が咲きます。']],
	])('%s: a page never runs across a sentence end (。！？।؟ included)', (language, words, expected) => {
		const pages = captionPages(timed(words as string[], 400));
		expect(pageTexts(pages, ['zh', 'ja'].includes(language as string) ? '' : ' ')).toEqual(expected);
	});

	it('breaks a long Chinese sentence at its comma and never beside a one-character word', () => {
		const words = ['茶', '已有', '几千', '年', '的', '历史，', '深受', '人们', '的', '喜爱', '和', '尊重。'];
		const pages = captionPages(timed(words, 350), {maxColumns: 20});
		expect(pages.length).toBeGreaterThan(1);
		expect(pageTexts(pages, '')[0]).toBe('茶已有几千年的历史，');
		for (const p of pages) expect(['年', '的'].includes(p.words[0]!.text.trim())).toBe(false);
	});

	it('merges a page under 0.8 s into its neighbour instead of flashing one word', () => {
		const words = ['Roasting', 'brings', 'out', 'the', 'aroma', 'of', 'the', 'beans', 'slowly.'];
		const pages = captionPages(timed(words, 150), {maxColumns: 30, minPageMs: 800});
		for (const p of pages) expect(p.endMs - p.startMs).toBeGreaterThanOrEqual(800 - 20);
		const after = captionPages(timed(['The', 'beans', 'dry', 'in', 'the', 'sun.', 'Yes.'], 300));
		expect(pageTexts(after)).toEqual(['The beans dry in the sun. Yes.']);
		// A short first sentence cannot join the next page (it would run across its end): it stays up 0.8 s.
		const first = captionPages(timed(['Yes.', 'It', 'works', 'well', 'every', 'time.'], 300));
		expect(pageTexts(first)).toEqual(['Yes.', 'It works well every time.']);
		expect(first[0]!.endMs - first[0]!.startMs).toBeGreaterThanOrEqual(300);
		expect(first[0]!.endMs).toBeLessThanOrEqual(first[1]!.startMs);
	});

	it('keeps every word once, in order', () => {
		const words = 'Volcanoes form where molten rock called magma rises through cracks in the crust and erupts at the surface'.split(' ');
		const pages = captionPages(timed(words, 250), {maxColumns: 40});
		expect(pageTexts(pages).join(' ')).toBe(words.join(' '));
		for (const p of pages) expect(p.words.map((w) => w.text.trim()).join(' ').length).toBeLessThanOrEqual(40);
	});

	it('recognises sentence ends in every script', () => {
		for (const t of ['end.', 'है।', 'الأمطار؟', '历史。', '好！', '本当？', '"done."', '」。']) expect(isSentenceEnd(t)).toBe(true);
		for (const t of ['word', 'comma,', '历史，']) expect(isSentenceEnd(t)).toBe(false);
	});
});

describe('captionLines', () => {
	it('breaks two lines at word boundaries of even width, after a comma when there is one', () => {
		const words = ['When', 'the', 'beans', 'are', 'dry,', 'they', 'go', 'to', 'the', 'roaster'].map((text) => ({text}));
		const lines = captionLines(words, 24);
		expect(lines).toHaveLength(2);
		expect(lines[0]!.map((i) => words[i]!.text).join(' ')).toBe('When the beans are dry,');
	});

	it('never breaks before a Japanese particle or after the prefix お', () => {
		const words = ['お', '花見', 'を', '楽しむ', '人', 'が', '公園', 'に', '集まり', 'ます'].map((text) => ({text}));
		const lines = captionLines(words, 20);
		expect(lines).toHaveLength(2);
		const second = words[lines[1]![0]!]!.text;
		const firstEnd = words[lines[0]!.at(-1)!]!.text;
		expect(['を', 'が', 'に', '人']).not.toContain(second);
		expect(firstEnd).not.toBe('お');
	});
});
