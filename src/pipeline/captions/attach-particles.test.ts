import {describe, expect, it} from 'vitest';
import {readingSpeedTimings} from '../voice';
import {attachParticles} from './attach-particles';
import {buildCues} from './caption-cues';

/** A caption word that is only a particle or auxiliary (with its punctuation), or starts with a small kana. */
const PARTICLE =
	/^((って|は|が|を|に|で|と|の|も|へ|では|には|ます|です|ました|でした|ません|しょう|ましょう|た|て)[、。]?|[っゃゅょー].*)$/u;

/** Japanese lines of the panel and the picture table, timed at reading speed as a silent video is. */
const JAPANESE = [
	'春になると、日本中で桜の花が咲きます。人々は公園に集まり、桜の木の下でお花見を楽しみます。花はわずか一週間ほどで散ってしまいます。',
	'富士山は日本で一番高い山です。夏になると、多くの登山者が頂上を目指して夜に登ります。山頂から見る日の出はとても美しいです。',
	'寿司は酢飯と新鮮な魚で作る日本の料理です。職人は何年もかけて魚の切り方を学びます。回転寿司では、皿がベルトに乗って客の前を回ります。',
	'毎月少しずつお金を貯金しましょう。猫はこたつの中で一日中眠っています。',
];

const captionsOf = (text: string) =>
	attachParticles(readingSpeedTimings({text, language: 'ja'}).words, 'ja').map((w, i) => ({
		...w,
		text: i ? ` ${w.text}` : w.text,
		timestampMs: null,
		confidence: null,
	}));

describe('attachParticles', () => {
	it.each(JAPANESE)('no Japanese caption page or word starts on a particle or auxiliary: %s', (text) => {
		const captions = captionsOf(text);
		// Pages and lines start only at caption words, so none starts on a particle.
		for (const c of captions.slice(1)) expect(c.text.trim(), text).not.toMatch(PARTICLE);
		const cues = buildCues(captions, {language: 'ja', maxCharsPerLine: 16});
		expect(cues.length).toBeGreaterThan(1);
		const starts = new Set(captions.map((c) => c.text.trim()));
		for (const cue of cues)
			for (const line of cue.lines)
				expect(
					[...starts].some((w) => line.startsWith(w)),
					line,
				).toBe(true);
		// Nothing is lost or reordered: the pages read the text.
		expect(cues.flatMap((c) => c.lines).join('')).toBe(text);
	});

	it('keeps the particle in the timing of the word it joins, never across a sentence end', () => {
		const words = [
			{text: '桜', startMs: 0, endMs: 300},
			{text: 'って', startMs: 300, endMs: 500},
			{text: 'きれい。', startMs: 500, endMs: 900},
			{text: 'は', startMs: 1200, endMs: 1300},
		];
		expect(attachParticles(words, 'ja')).toEqual([
			{text: '桜って', startMs: 0, endMs: 500},
			{text: 'きれい。', startMs: 500, endMs: 900},
			{text: 'は', startMs: 1200, endMs: 1300},
		]);
		expect(attachParticles(words, 'zh')).toEqual(words);
	});
});
