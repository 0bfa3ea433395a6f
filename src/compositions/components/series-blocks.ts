/** One item of a series on the video's timeline: where it starts, how long it lasts (absolute frames). */
export type SeriesItemSpan = {startFrame: number; durationInFrames: number};

/**
 * A run of consecutive items that one TransitionSeries draws, and the frames it draws them for:
 * `[from, to)`. The blocks' ranges follow each other without gap or overlap; a block holds its own
 * items plus the items after them that start before `to` (the next scene entering during the last
 * handover), so every frame sees exactly the items the whole series would show at it.
 */
export type SeriesBlock = {from: number; to: number; first: number; last: number};

/**
 * Cuts a series into blocks of `size` items. A frame is drawn by one block: a block starts where
 * the item before its first has ended (so no earlier item is still on screen) and ends where its
 * last own item ends. TransitionSeries places and evaluates every one of its items on every frame
 * (each a `<Sequence>`, its transitions more), so one series over a whole storyboard costs a frame
 * in proportion to the number of scenes (docs/architecture.md, "Long renders"); a block costs the
 * same at any length.
 */
export const seriesBlocks = (items: readonly SeriesItemSpan[], size: number): SeriesBlock[] => {
	if (!Number.isInteger(size) || size < 1) throw new RangeError(`A block holds at least one item (got ${size})`);
	const end = (i: number) => {
		const item = items[i];
		return item ? item.startFrame + item.durationInFrames : 0;
	};
	const blocks: SeriesBlock[] = [];
	for (let first = 0; first < items.length; first += size) {
		const ownLast = Math.min(first + size, items.length) - 1;
		const from = first === 0 ? Number.NEGATIVE_INFINITY : end(first - 1);
		const to = ownLast === items.length - 1 ? Number.POSITIVE_INFINITY : end(ownLast);
		let last = ownLast;
		while (last + 1 < items.length && (items[last + 1]?.startFrame ?? Number.POSITIVE_INFINITY) < to) last++;
		blocks.push({from, to, first, last});
	}
	return blocks;
};

/** The block that draws `frame` (the first before the series, the last after it); undefined without items. */
export const blockAt = (blocks: readonly SeriesBlock[], frame: number): SeriesBlock | undefined => {
	let lo = 0;
	let hi = blocks.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if ((blocks[mid]?.from ?? 0) <= frame) lo = mid;
		else hi = mid - 1;
	}
	return blocks[lo];
};
