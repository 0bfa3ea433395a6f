import {describe, expect, it} from 'vitest';
import {storyboardSchema} from './migrate-storyboard';
import type {StoryboardInput} from './storyboard-schema';
import {computeTimeline, msToFrames, sceneMsToAbsoluteFrame} from './timing';

type T = StoryboardInput['scenes'][number]['transition'];
const scene = (id: string, durationMs: number, transition: T, captions: [number, number][] = []) => ({
	id,
	narration: {text: 'x', audio: null},
	visual: {kind: 'procedural' as const},
	durationMs,
	transition,
	captions: captions.map(([startMs, endMs], i) => ({text: i ? ' w' : 'w', startMs, endMs})),
});

const board = (fps: number, scenes: ReturnType<typeof scene>[], endCard = true) =>
	storyboardSchema.parse({title: 't', format: {fps}, scenes, endCard: {enabled: endCard, durationMs: 2000}});

/** Where TransitionSeries puts each item: previous start + previous duration - previous overlap. */
const transitionSeriesStarts = (items: {durationInFrames: number; transitionInFrames: number}[]) => {
	const starts: number[] = [];
	let cursor = 0;
	for (const item of items) {
		starts.push(cursor);
		cursor += item.durationInFrames - item.transitionInFrames;
	}
	return {starts, total: cursor};
};

const cases: {name: string; fps: number; scenes: ReturnType<typeof scene>[]; endCard: boolean}[] = [
	{
		name: 'fades at 30 fps',
		fps: 30,
		endCard: true,
		scenes: [
			scene('a', 4000, {type: 'fade', durationMs: 500}, [
				[0, 400],
				[450, 900],
			]),
			scene('b', 3333, {type: 'slide', durationMs: 433}, [[100, 700]]),
			scene('c', 2501, {type: 'wipe', durationMs: 317}, [[0, 2000]]),
		],
	},
	{
		name: 'mixed none and odd durations at 25 fps',
		fps: 25,
		endCard: false,
		scenes: [
			scene('a', 1234, {type: 'none', durationMs: 500}, [[10, 20]]),
			scene('b', 2777, {type: 'fade', durationMs: 611}, [[333, 999]]),
			scene('c', 1999, {type: 'fade', durationMs: 700}, [[1500, 1990]]),
		],
	},
	{
		name: 'long chain at 24 fps',
		fps: 24,
		endCard: true,
		scenes: Array.from({length: 60}, (_, i) => scene(`s${i}`, 1234 + (i % 7) * 111, {type: 'fade', durationMs: 377}, [[123, 456]])),
	},
];

describe('computeTimeline', () => {
	it.each(cases)('keeps visuals, narration and captions on one clock: $name', ({fps, scenes, endCard}) => {
		const sb = board(fps, scenes, endCard);
		const tl = computeTimeline(sb);
		const items = [...tl.scenes, ...(tl.endCard ? [tl.endCard] : [])];
		const placed = transitionSeriesStarts(items);

		// The visual of every scene (placed by TransitionSeries) starts exactly where the narration
		// and captions of that scene are anchored (timing.startFrame).
		items.forEach((item, i) => expect(placed.starts[i]).toBe(item.startFrame));
		expect(placed.total).toBe(tl.durationInFrames);

		// No drift: every boundary is the exact ms position rounded once.
		let exactMs = 0;
		sb.scenes.forEach((s, i) => {
			const timing = tl.scenes[i]!;
			expect(timing.startFrame).toBe(msToFrames(exactMs, fps));
			for (const c of s.captions) {
				const frame = sceneMsToAbsoluteFrame(timing, c.startMs, fps);
				expect(Math.abs(frame - ((exactMs + c.startMs) * fps) / 1000)).toBeLessThanOrEqual(0.5);
				// A caption never starts after its own scene's visual ends.
				expect(frame).toBeLessThan(timing.startFrame + timing.durationInFrames);
			}
			const overlap = s.transition.type === 'none' ? 0 : s.transition.durationMs;
			const isLastItem = i === sb.scenes.length - 1 && !endCard;
			exactMs += s.durationMs - (isLastItem ? 0 : overlap);
		});
		if (endCard) exactMs += 2000;
		expect(tl.durationMs).toBeCloseTo(exactMs, 6);
		expect(tl.durationInFrames).toBe(msToFrames(exactMs, fps));
	});

	it('shortens the total by the transition overlaps', () => {
		const sb = board(30, [scene('a', 3000, {type: 'fade', durationMs: 1000}), scene('b', 3000, {type: 'none', durationMs: 500})], false);
		const tl = computeTimeline(sb);
		expect(tl.durationMs).toBe(5000);
		expect(tl.durationInFrames).toBe(150);
		expect(tl.scenes[1]!.startFrame).toBe(60);
		expect(tl.scenes[0]!.transitionInFrames).toBe(30);
	});

	it('ignores the transition of the last item', () => {
		const sb = board(30, [scene('a', 3000, {type: 'fade', durationMs: 1000})], false);
		expect(computeTimeline(sb).durationInFrames).toBe(90);
	});
});
