import {describe, expect, it} from 'vitest';
import {speechSpans, textWords} from '../components';
import {computeTimeline, storyboardSchema} from '../storyboard';
import {decimalsOf, formatValue, niceScale} from './data-story';
import {sourceLineOf} from './headline';
import {kineticPages, sceneWords} from './kinetic';
import {formatItemNumber, listPositions} from './listicle';

const words = (text: string) => text.split(' ').map((word, i) => ({word, space: i > 0, startMs: i * 300, endMs: i * 300 + 250}));

describe('kinetic pages', () => {
	it('starts a new page after each sentence and cuts long sentences evenly; a page lasts until the next', () => {
		const pages = kineticPages(words('One two three. Four five six seven eight nine'), 4, 5000);
		expect(pages.map((p) => p.words.map((w) => w.word).join(' '))).toEqual(['One two three.', 'Four five six', 'seven eight nine']);
		expect(pages[0]).toMatchObject({startMs: 0, endMs: 900});
		expect(pages[2]?.endMs).toBe(5000);
		// The first word of a page never carries a leading space.
		expect(pages.every((p) => p.words[0]?.space === false)).toBe(true);
	});

	it('never leaves a lone last word on a page of its own', () => {
		expect(kineticPages(words('a b c d e'), 4, 3000).map((p) => p.words.length)).toEqual([3, 2]);
		expect(kineticPages(words('a b c d e f g h i j k l m n o p q'), 8, 3000).map((p) => p.words.length)).toEqual([6, 6, 5]);
		expect(kineticPages(words('a b c d'), 5, 3000).map((p) => p.words.length)).toEqual([4]);
	});

	it('takes word times from the captions, and spreads the narration evenly when there are none', () => {
		const scene = {captions: [], narration: {text: '荷物は軽くして'}, durationMs: 2000, text: null, title: null} as never;
		const spread = sceneWords(scene, 'ja');
		expect(spread.map((w) => w.word).join('')).toBe('荷物は軽くして');
		expect(spread.every((w) => !w.space)).toBe(true);
		expect(spread[spread.length - 1]!.endMs).toBeLessThanOrEqual(2000);
	});
});

describe('textWords', () => {
	it('splits at spaces, or at word boundaries in languages without spaces, punctuation kept on its word', () => {
		expect(textWords('Keep a schedule', 'en').map((w) => w.word)).toEqual(['Keep', 'a', 'schedule']);
		const ja = textWords('必要な物だけ、持って行く。', 'ja');
		expect(ja.map((w) => w.word).join('')).toBe('必要な物だけ、持って行く。');
		expect(ja.length).toBeGreaterThan(3);
		expect(ja.some((w) => /^[、。]/.test(w.word))).toBe(false);
		expect(textWords('غروب هادئ فوق المدينة', 'ar')).toHaveLength(4);
	});
});

describe('listicle numbering', () => {
	it('places each scene in the list and counts only numbered scenes', () => {
		expect(listPositions([{itemNumber: null}, {itemNumber: 1}, {itemNumber: 2}, {itemNumber: null}])).toEqual([
			{number: null, order: 0, count: 2},
			{number: 1, order: 0, count: 2},
			{number: 2, order: 1, count: 2},
			{number: null, order: 1, count: 2},
		]);
	});

	it("writes numbers in each style and in the language's digits", () => {
		expect(formatItemNumber(3, 'numeral', 'en')).toBe('3');
		expect(formatItemNumber(3, 'hash', 'en')).toBe('#3');
		expect(formatItemNumber(3, 'padded', 'ja')).toBe('03');
	});
});

describe('data-story scales and numbers', () => {
	it('rounds axis tops to nice steps', () => {
		expect(niceScale(42)).toEqual({top: 50, step: 10});
		expect(niceScale(5.9)).toEqual({top: 6, step: 2});
		expect(niceScale(0)).toEqual({top: 1, step: 0.25});
	});

	it("formats in full or compact form the language's way", () => {
		expect(decimalsOf([3.1, 4, 5.25])).toBe(2);
		expect(formatValue(48000, {language: 'en', compact: false, decimals: 0})).toBe('48,000');
		expect(formatValue(2_400_000, {language: 'de', compact: true, decimals: 0})).toBe('2,4\u00a0Mio.');
	});
});

describe('headline source line', () => {
	const image = {visual: {kind: 'image', src: 'a.jpg', motion: 'none', fit: 'cover'}} as const;
	const credit = {kind: 'image', title: 'Photo', author: 'Ana', url: 'a.jpg', license: 'Pexels License', source: 'Pexels'} as const;
	it("uses the option, else the picture's credit, else nothing", () => {
		expect(sourceLineOf(image, [credit], 'Source: council')).toBe('Source: council');
		expect(sourceLineOf(image, [credit], null)).toBe('Ana / Pexels');
		expect(sourceLineOf({visual: {kind: 'procedural', style: 'orbs', icon: null, extraIcons: []}}, [credit], null)).toBeNull();
	});
});

describe('speechSpans (music ducking)', () => {
	it('bridges pauses shorter than 1.5 s between voiced scenes, so the music does not pump', () => {
		const scene = (id: string, audio: string | null) => ({
			id,
			narration: {text: 'x', audio},
			visual: {kind: 'procedural'},
			durationMs: 3000,
			captions: [{text: 'x', startMs: 100, endMs: 2500}],
			transition: {type: 'none', durationMs: 0},
		});
		const sb = storyboardSchema.parse({
			title: 't',
			scenes: [scene('a', 'a.mp3'), scene('b', 'b.mp3'), scene('c', null)],
			endCard: {enabled: false},
		});
		const spans = speechSpans(sb, computeTimeline(sb));
		// a's audio plays from 0 (words to 2.5 s), b's from 3 s (to 5.5 s): a 0.5 s pause, one span.
		expect(spans).toEqual([{from: 0, to: 165}]);
	});
});
