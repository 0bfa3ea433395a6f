import {describe, expect, it} from 'vitest';
import {FALLBACK_EMOJI, pickEmoji} from './pick-emoji';

describe('pickEmoji', () => {
	it.each([
		[['volcano lava eruption'], '🌋'],
		[['volcano', 'lava', 'eruption'], '🌋'],
		[['molten rock', 'magma', 'volcano'], '🌋'],
		[['coffee'], '☕'],
		[['cut caffeine', 'caffeine', 'noon'], '☕'],
		[['rocket launch'], '🚀'],
		[['ocean waves'], '🌊'],
		[['brain', 'memory'], '🧠'],
		[['money', 'savings'], '💰'],
		[['sleep schedule', 'schedule'], '📅'],
		[['walk', 'day'], '🚶'],
	])('%j -> %s', (keywords, emoji) => {
		const pick = pickEmoji({keywords, seed: 1});
		expect(pick.emoji).toBe(emoji);
		expect(pick.reason).toBe('keywords');
		expect(pick.name).toMatch(/^[a-z0-9-]+$/);
	});

	it('uses an emoji written in the scene as is', () => {
		expect(pickEmoji({keywords: ['morning'], text: 'I love ☕ coffee', seed: 1})).toMatchObject({emoji: '☕', reason: 'in-text'});
	});

	it('never picks an emoji to avoid (the previous scene’s), and prefers unused ones', () => {
		const first = pickEmoji({keywords: ['volcano'], seed: 1});
		const next = pickEmoji({keywords: ['volcano'], seed: 1, avoid: [first.emoji]});
		expect(next.emoji).not.toBe(first.emoji);
		const inText = pickEmoji({keywords: [], text: 'Coffee ☕', seed: 1, avoid: ['☕']});
		expect(inText.emoji).not.toBe('☕');
	});

	it('falls back to a neutral emoji chosen by the seed', () => {
		const a = pickEmoji({keywords: ['xyzzy'], seed: 0});
		expect(a.reason).toBe('fallback');
		expect(FALLBACK_EMOJI).toContain(a.emoji as (typeof FALLBACK_EMOJI)[number]);
		expect(pickEmoji({keywords: ['xyzzy'], seed: 1}).emoji).not.toBe(a.emoji);
		expect(pickEmoji({keywords: ['xyzzy'], seed: 0, avoid: [a.emoji]}).emoji).not.toBe(a.emoji);
	});

	it('is deterministic for a seed', () => {
		const opts = {keywords: ['heart'], text: 'a story of love', seed: 42};
		expect(pickEmoji(opts)).toEqual(pickEmoji(opts));
	});
});
