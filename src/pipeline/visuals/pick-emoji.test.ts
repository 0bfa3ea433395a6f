import {describe, expect, it} from 'vitest';
import {FALLBACK_EMOJI, pickEmoji} from './pick-emoji';
import {pickVideoSubject} from './video-subject';

describe('pickEmoji', () => {
	it.each([
		[['volcano lava eruption'], '🌋'],
		[['volcano', 'lava', 'eruption'], '🌋'],
		[['lava flow', 'magma', 'volcano'], '🌋'],
		[['coffee'], '☕'],
		[['rocket launch'], '🚀'],
		[['ocean waves'], '🌊'],
		[['brain', 'memory'], '🧠'],
	])('keywords %j -> %s', (keywords, emoji) => {
		const pick = pickEmoji({keywords, seed: 1});
		expect(pick.emoji).toBe(emoji);
		expect(pick.reason).toBe('keywords');
		expect(pick.fallback).toBe(false);
		expect(pick.name).toMatch(/^[a-z0-9-]+$/);
	});

	it.each([
		['en', 'A French press steeps the grounds for four minutes.', '☕'],
		['en', 'Build raised beds and fill them with compost.', '🌱'],
		['de', 'Der Vulkan brach aus und Lava floss ins Tal.', '🌋'],
		['fr', 'Les abeilles fabriquent le miel dans la ruche.', '🐝'],
		['ja', '火山が噴火して、溶岩が流れ出しました。', '🌋'],
		['zh', '熊猫每天要吃很多竹子。', '🐼'],
		['hi', 'आम गर्मियों का सबसे पसंदीदा फल है।', '🥭'],
		['ar', 'ثار البركان وتدفقت الحمم إلى البحر.', '🌋'],
	])('text in %s: "%s" -> %s', (language, text, emoji) => {
		expect(pickEmoji({keywords: [], text, language, seed: 1}).emoji).toBe(emoji);
	});

	it('takes the sense of a word from the words around it', () => {
		expect(pickEmoji({keywords: [], text: 'The pulping machine strips the skin.', seed: 1}).emoji).not.toBe('🎞');
		expect(pickEmoji({keywords: [], text: 'A strip of film from the cinema.', seed: 1}).icons.map((i) => i.emoji)).toContain('🎞');
		expect(pickEmoji({keywords: [], text: 'Raised beds warm up early.', seed: 1}).emoji).not.toBe('🛏');
		expect(pickEmoji({keywords: [], text: 'Go to bed early and sleep well.', seed: 1}).icons.map((i) => i.emoji)).toContain('🛏');
	});

	it('returns several icons when a scene names several things, the main one first', () => {
		const pick = pickEmoji({keywords: [], text: 'Tomatoes, carrots and potatoes grow here.', seed: 1});
		expect(pick.icons.length).toBeGreaterThanOrEqual(2);
		expect(pick.icons[0]!.emoji).toBe(pick.emoji);
		expect(new Set(pick.icons.map((i) => i.emoji)).size).toBe(pick.icons.length);
	});

	it('shows the video subject where a scene names nothing drawable, and says so', () => {
		const texts = ['Coffee grows on hills.', 'That is how it goes.', 'Then the coffee is roasted.'];
		const subject = pickVideoSubject({title: 'From farm to cup', texts, language: 'en'});
		expect(subject?.emoji).toBe('☕');
		const pick = pickEmoji({keywords: [], text: 'That is how it goes.', subject, seed: 1});
		expect(pick).toMatchObject({emoji: '☕', reason: 'subject', fallback: false});
	});

	it('uses an emoji written in the scene as is', () => {
		expect(pickEmoji({keywords: ['morning'], text: 'I love ☕ coffee', seed: 1})).toMatchObject({emoji: '☕', reason: 'in-text'});
	});

	it('avoids the previous scene’s picture when another matches nearly as well', () => {
		const first = pickEmoji({keywords: [], text: 'Tomatoes and carrots.', seed: 1});
		const next = pickEmoji({keywords: [], text: 'Tomatoes and carrots.', seed: 1, avoid: [first.emoji]});
		expect(next.emoji).not.toBe(first.emoji);
		// A second emoji of the same word is no better: the scene keeps the picture.
		const tea = pickEmoji({keywords: [], text: '茶', language: 'zh', seed: 1});
		expect(pickEmoji({keywords: [], text: '茶', language: 'zh', seed: 1, avoid: [tea.emoji]}).emoji).toBe(tea.emoji);
	});

	it('marks a neutral fallback with its reason, chosen by the seed', () => {
		const a = pickEmoji({keywords: ['xyzzy'], seed: 0});
		expect(a).toMatchObject({reason: 'fallback', fallback: true});
		expect(a.fallbackReason).toMatch(/no word of the scene/);
		expect(FALLBACK_EMOJI).toContain(a.emoji as (typeof FALLBACK_EMOJI)[number]);
		expect(pickEmoji({keywords: ['xyzzy'], seed: 1}).emoji).not.toBe(a.emoji);
		expect(pickEmoji({keywords: ['xyzzy'], seed: 0, avoid: [a.emoji]}).emoji).not.toBe(a.emoji);
	});

	it('is deterministic for a seed', () => {
		const opts = {keywords: ['heart'], text: 'a story of love', seed: 42};
		expect(pickEmoji(opts)).toEqual(pickEmoji(opts));
	});

	it.each([
		['es', 'Los naranjos florecen en primavera en Valencia.', '📙'],
		['pt', 'As laranjas são colhidas no inverno.', '📙'],
		['ja', '冬になると北海道では雪がたくさん降ります。', '🍥'],
		['ja', '春になると、お花見を楽しむ人が公園に集まります。', '🍥'],
	])('%s "%s": no far sense (%s) from a modifier alone or a verb and its particle', (language, text, wrong) => {
		expect(pickEmoji({keywords: [], text, language, seed: 1}).emoji).not.toBe(wrong);
	});

	it('says how sure a match is: a name, several words or support is strong; one keyword alone is weak, with the reason', () => {
		const strong = pickEmoji({keywords: [], text: 'El queso se hace con leche.', language: 'es', seed: 1});
		expect([strong.emoji, strong.confidence, strong.weakReason]).toEqual(['🧀', 'strong', null]);
		const weak = pickEmoji({keywords: [], text: 'Arrosez les plantes le matin.', language: 'fr', seed: 1});
		expect(weak.confidence).toBe('weak');
		expect(weak.weakReason).toContain('"matin"');
		const neutral = pickEmoji({keywords: [], text: 'Und dann?', language: 'de', seed: 1});
		expect([neutral.fallback, neutral.confidence]).toEqual([true, 'neutral']);
	});

	it("shows the video's on-topic subject instead of a weak one-word match", () => {
		const text = "Arrosez le matin pour éviter l'évaporation.";
		const title = 'Les tomates du jardin';
		const subject = pickVideoSubject({title, texts: [text, 'Plantez les tomates au soleil.'], language: 'fr'});
		expect(subject?.onTopic).toBe(true);
		const pick = pickEmoji({keywords: [], text, language: 'fr', subject, context: title, seed: 1});
		expect([pick.emoji, pick.reason, pick.confidence]).toEqual(['🍅', 'subject', 'strong']);
	});

	/** Picks every scene as illustrateScenes does: the video's subject, avoiding the previous scene's picture. */
	const pickVideo = (language: string, title: string, texts: string[]) => {
		const subject = pickVideoSubject({title, texts, language});
		const picks: ReturnType<typeof pickEmoji>[] = [];
		for (const [i, text] of texts.entries()) {
			const previous = picks[i - 1];
			picks.push(
				pickEmoji({
					keywords: [],
					text,
					language,
					subject,
					context: title,
					seed: 1 + i,
					avoid: previous ? [previous.emoji] : [],
					used: picks.map((p) => p.emoji),
				}),
			);
		}
		return {subject, picks};
	};

	// Seen in the panel (zh-tea): 🪴 from 生长 and 🪻 from 春天 supported each other, so 🍵 showed once.
	it('lets the on-topic subject beat lone keywords that only support each other, even right after it', () => {
		const {subject, picks} = pickVideo('zh', '茶', [
			'茶 中国人喝茶已有几千年的历史。',
			'茶叶 茶叶生长在南方的山坡上，农民在春天采摘新鲜的嫩叶。',
			'绿茶 绿茶、红茶和乌龙茶的味道各不相同。',
		]);
		expect(subject?.emoji).toBe('🍵');
		expect(picks.map((p) => p.emoji)).toEqual(['🍵', '🍵', '🍵']);
		for (const p of picks) expect(p.icons.map((i) => i.emoji)).not.toContain('🪻');
		expect(picks[1]!.reason).toBe('subject');
	});

	// Seen in the panel (outline-ja-kyoto): 竹林 showed ✈️ then 🚶 (歩き, a verb, one keyword alone).
	it('shows no second picture that one lone keyword names', () => {
		const {picks} = pickVideo('ja', '京都旅行の三つのポイント', ['京都旅行の三つのポイント。', '2. 竹林 嵐山の竹林を歩きましょう。']);
		expect(picks[1]!.icons.map((i) => i.emoji)).not.toContain('🚶');
	});

	// A weak pick of a scene that does not mention the subject keeps its own picture after the subject (🌃 for 夜, not ✈️ again).
	it('does not repeat the subject right after it in a scene that does not mention it', () => {
		const {subject, picks} = pickVideo('ja', '京都旅行の三つのポイント', [
			'京都旅行の三つのポイント。',
			'1. 金閣寺 朝早く金閣寺を訪れましょう。',
			'2. 竹林 嵐山の竹林を歩きましょう。',
			'3. 和食 夜は祇園で和食を楽しみましょう。',
		]);
		expect(subject?.emoji).toBe('✈');
		expect(picks[2]!.emoji).toBe('✈');
		expect(picks[3]!.emoji).not.toBe('✈');
	});
});

/** General causes of the frozen half's misses (picture-table.frozen.json), tested on other sentences. */
describe('pickEmoji: word forms and longer names', () => {
	it.each([
		// "mes" (month) and "mesa" (table, of 🏓 "tenis de mesa") share a stem but are two words.
		['es', 'Este mes compramos fruta en el mercado.', '🏓'],
		['es', 'El mes pasado visitamos un museo.', '🏓'],
		['pt', 'No mês de julho as escolas fecham.', '🏓'],
		// A function word in CLDR ("moi" of 🙋) names nothing, and "mois" is not it.
		['fr', 'Je prends le train chaque mois.', '🙋'],
		// A Chinese number word is a quantity, not a thing (百万 "a million" was 💰 in the panel's zh-great-wall).
		['zh', '今天，每年有数百万游客参观这里。', '💰'],
	])('%s: "%s" is not %s', (language, text, wrong) => {
		expect(pickEmoji({keywords: [], text, language, seed: 1}).emoji).not.toBe(wrong);
	});

	it.each([
		// Of the names a word is part of, the one missing fewer other words: ⚽ "bola de futebol", not 🏈 "... americano".
		['pt', 'O jogo de futebol começou às oito horas.', '⚽'],
		// 🍵 热茶 (one word missing) before 🧉 马黛茶 (two).
		['zh', '我喜欢茶。', '🍵'],
		['zh', '茶是一种饮料。', '🍵'],
		// A swapped last vowel is one word's forms (isola/isole), still matched.
		['it', 'Le isole della laguna sono piccole.', '🏝'],
	])('%s: "%s" -> %s', (language, text, emoji) => {
		expect(pickEmoji({keywords: [], text, language, seed: 1}).emoji).toBe(emoji);
	});
});
