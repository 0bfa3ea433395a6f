import {describe, expect, it} from 'vitest';
import {storyboardSchema} from '../../compositions/storyboard';
import {buildCues, displayWidth} from './caption-cues';
import {storyboardToSrt, storyboardToVtt} from './subtitle-files';

const words = (text: string, startMs = 0, step = 300) =>
	text.split(' ').map((w, i) => ({
		text: i ? ` ${w}` : w,
		startMs: startMs + i * step,
		endMs: startMs + i * step + step - 20,
		timestampMs: null,
		confidence: null,
	}));

describe('buildCues', () => {
	it('keeps cues to two lines of at most 42 characters without splitting words', () => {
		const text =
			'Volcanoes form where molten rock called magma rises through cracks in the crust and erupts at the surface over thousands of years forming mountains';
		const cues = buildCues(words(text, 0, 200));
		expect(cues.length).toBeGreaterThan(1);
		for (const cue of cues) {
			expect(cue.lines.length).toBeLessThanOrEqual(2);
			for (const line of cue.lines) expect(line.length).toBeLessThanOrEqual(42);
		}
		expect(cues.flatMap((c) => c.lines).join(' ')).toBe(text);
	});

	it('starts a new cue after a sentence and after a pause', () => {
		const a = words('First sentence here.', 0);
		const b = words('Then more', 1000);
		const c = words('after a pause', 5000);
		const cues = buildCues([...a, ...b, ...c]);
		expect(cues.map((q) => q.lines.join(' '))).toEqual(['First sentence here.', 'Then more', 'after a pause']);
		expect(cues[2]!.startMs).toBe(5000);
	});
});

describe('buildCues: sentence ends and short cues', () => {
	it('ends cues at sentence ends in Hindi and Arabic and never doubles punctuation', () => {
		const hi = words('मानसून जून में आता है। बारिश से फसल अच्छी होती है।', 0, 350);
		const cues = buildCues(hi, {language: 'hi'});
		expect(cues.map((c) => c.lines.join(' '))).toEqual(['मानसून जून में आता है।', 'बारिश से फसल अच्छी होती है।']);
		for (const c of cues) expect(c.lines.join(' ')).not.toMatch(/[।؟.!?]{2}/u);
		const ar = buildCues(words('هل تهطل الأمطار؟ نعم في الشتاء.', 0, 350), {language: 'ar'});
		expect(ar.map((c) => c.lines.join(' '))).toEqual(['هل تهطل الأمطار؟', 'نعم في الشتاء.']);
	});

	it('merges a cue under 0.8 s into the cue before it', () => {
		const cues = buildCues([...words('Then the beans dry in the sun.', 0, 300), ...words('Yes.', 2100, 300)]);
		expect(cues.map((c) => c.lines.join(' '))).toEqual(['Then the beans dry in the sun. Yes.']);
	});
});

describe('subtitle files', () => {
	const sb = storyboardSchema.parse({
		title: 't',
		endCard: {enabled: false},
		scenes: [
			{
				id: 'a',
				narration: {text: 'Hello world.'},
				visual: {kind: 'procedural'},
				durationMs: 2000,
				transition: {type: 'fade', durationMs: 500},
				captions: words('Hello world.', 100),
			},
			{id: 'b', narration: {text: 'Second scene.'}, visual: {kind: 'procedural'}, durationMs: 2000, captions: words('Second scene.', 100)},
		],
	});
	it('places captions on the whole video timeline across the transition overlap', () => {
		const srt = storyboardToSrt(sb);
		// Both cues are under 0.8 s and a pause separates them: each stays up 0.8 s.
		expect(srt).toContain('00:00:00,100 --> 00:00:00,900\nHello world.');
		// scene b starts at 2000 - 500 = 1500 ms
		expect(srt).toContain('00:00:01,600 --> 00:00:02,400\nSecond scene.');
		const vtt = storyboardToVtt(sb);
		expect(vtt.startsWith('WEBVTT\n\n')).toBe(true);
		expect(vtt).toContain('00:00:01.600 --> 00:00:02.400');
	});

	it('joins Japanese words without spaces and counts full-width characters as two columns', () => {
		const ja = ['火山は', 'マグマが', '地殻を', '通って', '上がってくる', '場所に', 'できます。'];
		const caps = ja.map((w, i) => ({text: i ? ` ${w}` : w, startMs: i * 300, endMs: i * 300 + 280, timestampMs: null, confidence: null}));
		const cues = buildCues(caps, {language: 'ja', maxCharsPerLine: 20});
		const lines = cues.flatMap((c) => c.lines);
		expect(lines.join('')).toBe(ja.join(''));
		for (const line of lines) {
			expect(line).not.toMatch(/ /);
			expect(displayWidth(line)).toBeLessThanOrEqual(20);
		}
		// Lines break between words only.
		for (const line of lines) expect(ja.some((w) => line.startsWith(w))).toBe(true);
	});

	it('keeps spaces between Latin words inside Chinese', () => {
		const zh = ['我们', '用', 'Visual', 'Studio', 'Code', '写代码。'];
		const caps = zh.map((w, i) => ({text: i ? ` ${w}` : w, startMs: i * 300, endMs: i * 300 + 280, timestampMs: null, confidence: null}));
		expect(buildCues(caps, {language: 'zh'})[0]!.lines.join('')).toBe('我们用Visual Studio Code写代码。');
	});

	it('measures display width by graphemes', () => {
		expect(displayWidth('abc')).toBe(3);
		expect(displayWidth('日本')).toBe(4);
		expect(displayWidth('👍🏽')).toBe(1);
		expect(displayWidth('नमस्ते')).toBe(3);
	});
});
