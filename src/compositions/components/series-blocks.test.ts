import {describe, expect, it} from 'vitest';
import {findTemplate} from '../registry';
import {computeTimeline, type Storyboard} from '../storyboard';
import {blockAt, seriesBlocks, type SeriesItemSpan} from './series-blocks';

/** A series as TransitionSeries lays it out: each item starts where the previous ends, less the overlap. */
const series = (items: {duration: number; overlapNext: number}[]): SeriesItemSpan[] => {
	let start = 0;
	return items.map(({duration, overlapNext}) => {
		const span = {startFrame: start, durationInFrames: duration};
		start += duration - overlapNext;
		return span;
	});
};

/** Items on screen at a frame, as one series over all of them shows them. */
const onScreen = (items: SeriesItemSpan[], frame: number) =>
	items.flatMap((s, i) => (frame >= s.startFrame && frame < s.startFrame + s.durationInFrames ? [i] : []));

/** A small deterministic generator, so a failure names the seed. */
const random = (seed: number) => () => {
	seed = (seed * 1103515245 + 12345) % 2 ** 31;
	return seed / 2 ** 31;
};

describe('seriesBlocks', () => {
	it('draws every frame with the one block that holds every item on screen at it, for any lengths and overlaps', () => {
		for (let seed = 1; seed <= 200; seed++) {
			const next = random(seed);
			const count = 1 + Math.floor(next() * 30);
			const raw = Array.from({length: count}, () => ({duration: 1 + Math.floor(next() * 40), overlap: 0}));
			// An overlap is at most the shorter of the two items it joins (TransitionSeries' rule), often 0.
			const items = series(
				raw.map((r, i) => {
					const after = raw[i + 1];
					const cap = after ? Math.min(r.duration, after.duration) : 0;
					return {duration: r.duration, overlapNext: next() < 0.3 ? 0 : Math.floor(next() * (cap + 1))};
				}),
			);
			const size = 1 + Math.floor(next() * 6);
			const blocks = seriesBlocks(items, size);
			const last = items[items.length - 1]!;
			for (let frame = -2; frame < last.startFrame + last.durationInFrames + 2; frame++) {
				const block = blockAt(blocks, frame)!;
				expect(frame >= block.from && frame < block.to, `seed ${seed} frame ${frame}`).toBe(true);
				for (const i of onScreen(items, frame)) {
					expect(i >= block.first && i <= block.last, `seed ${seed} frame ${frame} item ${i}`).toBe(true);
				}
			}
			// The ranges tile the timeline: each block starts where the one before it ends.
			blocks.slice(1).forEach((b, i) => expect(b.from).toBe(blocks[i]!.to));
		}
	});

	it('cuts a storyboard timeline into blocks of its own scenes plus the scene entering at the last handover', () => {
		const sample = findTemplate('explainer')!.samples.landscape!;
		const storyboard: Storyboard = {
			...sample,
			scenes: Array.from({length: 10}, (_, i) => ({
				...sample.scenes[0]!,
				id: `s${i}`,
				durationMs: 2000,
				transition: {type: 'fade', direction: 'from-right', durationMs: 500},
			})),
			endCard: {...sample.endCard, enabled: true, durationMs: 3000},
		};
		const timeline = computeTimeline(storyboard);
		const items = [...timeline.scenes, timeline.endCard!];
		const blocks = seriesBlocks(items, 4);
		expect(blocks.map((b) => [b.first, b.last])).toEqual([
			[0, 4],
			[4, 8],
			[8, 10],
		]);
		// The second block takes over when scene 4 (index 3) has faded out, scene 5 fully in.
		expect(blocks[1]!.from).toBe(items[3]!.startFrame + items[3]!.durationInFrames);
		expect(blocks[2]!.to).toBe(Number.POSITIVE_INFINITY);
	});

	it('refuses a block of no items', () => {
		expect(() => seriesBlocks([], 0)).toThrow(/at least one item/);
		expect(blockAt(seriesBlocks([], 8), 0)).toBeUndefined();
	});
});
