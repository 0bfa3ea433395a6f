import type {BatchView} from '../../jobs';

const ENDED = new Set(['done', 'failed', 'cancelled', 'deleted']);

/** One line of a batch's state: `3/10 done, 1 failed; rendering 2, voicing 1 (line 4: encoding 60%)`. */
export const describeProgress = (view: BatchView, lineOf: (index: number) => number): string => {
	const n = (status: string) => view.counts[status] ?? 0;
	const ended = view.items.filter((i) => ENDED.has(i.status)).length;
	const parts = [`${ended}/${view.total} ended: ${n('done')} done, ${n('failed')} failed`];
	if (n('cancelled')) parts.push(`${n('cancelled')} cancelled`);
	const running = view.items.filter((i) => !ENDED.has(i.status) && i.status !== 'queued');
	const stages = new Map<string, number>();
	for (const i of running) stages.set(i.status, (stages.get(i.status) ?? 0) + 1);
	let line = parts.join(', ');
	if (n('queued')) line += `; ${n('queued')} queued`;
	if (running.length > 0) {
		const first = running[0]!;
		line += `; ${[...stages].map(([s, k]) => `${s} ${k}`).join(', ')} (line ${lineOf(first.index)}: ${first.stage ?? first.status} ${Math.round(first.progress * 100)}%)`;
	}
	return line;
};

/**
 * Shows a batch's progress on stderr: one line rewritten in place on a terminal; otherwise (logs,
 * CI) a new line only when an item ends or a stage changes, not at every percent.
 */
export const createBatchProgress = (o: {stream: NodeJS.WriteStream; lineOf: (index: number) => number}) => {
	let last = '';
	return {
		update(view: BatchView): void {
			const line = describeProgress(view, o.lineOf);
			const key = o.stream.isTTY ? line : line.replace(/ \d+%\)$/, ')');
			if (key === last) return;
			last = key;
			if (o.stream.isTTY) o.stream.write(`\r\x1b[K${line.slice(0, Math.max(20, (o.stream.columns ?? 120) - 1))}`);
			else o.stream.write(`${line}\n`);
		},
		end(): void {
			if (o.stream.isTTY && last) o.stream.write('\n');
		},
	};
};
