import {describe, expect, it} from 'vitest';
import {tryInOrder, type Fallback} from './try-in-order';

describe('tryInOrder: the one fallback helper', () => {
	it('returns the first attempt that works and reports each one that failed', async () => {
		const fallbacks: Fallback[] = [];
		const result = await tryInOrder({
			attempts: [
				{id: 'openai', run: () => Promise.reject(new Error('503 Service Unavailable'))},
				{id: 'festival', run: () => Promise.reject(new Error('not installed'))},
				{id: 'espeak', run: () => Promise.resolve('spoken')},
			],
			onFallback: (f) => fallbacks.push(f),
		});
		expect(result).toEqual({value: 'spoken', id: 'espeak'});
		expect(fallbacks).toEqual([
			{from: 'openai', to: 'festival', reason: '503 Service Unavailable'},
			{from: 'festival', to: 'espeak', reason: 'not installed'},
		]);
	});

	it('throws the last error when every attempt fails, and never treats a cancel as a failure', async () => {
		const fallbacks: Fallback[] = [];
		await expect(
			tryInOrder({
				attempts: [
					{id: 'a', run: () => Promise.reject(new Error('a down'))},
					{id: 'b', run: () => Promise.reject(new Error('b down'))},
				],
				onFallback: (f) => fallbacks.push(f),
			}),
		).rejects.toThrow('b down');
		expect(fallbacks).toHaveLength(1);

		const controller = new AbortController();
		controller.abort();
		let secondRan = false;
		await expect(
			tryInOrder({
				attempts: [
					{id: 'a', run: () => Promise.reject(new Error('aborted'))},
					{id: 'b', run: async () => ((secondRan = true), 'x')},
				],
				signal: controller.signal,
				onFallback: () => undefined,
			}),
		).rejects.toThrow('aborted');
		expect(secondRan).toBe(false);
	});
});
