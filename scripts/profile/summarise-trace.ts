/**
 * Sums a Chrome trace (Trace Event Format, as `Tracing.dataCollected` delivers it) into self time
 * per thread kind and event name: where the browser spent its time while rendering.
 */
export type TraceEvent = {name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, unknown>};

/** Threads grouped by what they do (Chrome names them; numbered workers collapse into one kind). */
const threadKind = (name: string): string => {
	if (name.startsWith('CompositorTileWorker')) return 'raster';
	if (name === 'CrRendererMain') return 'renderer main';
	if (name === 'Compositor') return 'compositor';
	if (name === 'VizCompositorThread') return 'viz';
	if (name === 'CrGpuMain') return 'gpu';
	if (name === 'CrBrowserMain') return 'browser main';
	if (name.startsWith('ThreadPool')) return 'thread pool';
	return name.replace(/\d+$/, '') || 'other';
};

export type TraceSummary = {rows: {thread: string; name: string; selfMs: number; count: number}[]; spanMs: number};

/**
 * Self time (an event's duration minus its children's on the same thread) of every complete event
 * ('X', or 'B'/'E' pairs), summed by thread kind and event name, largest first.
 */
export const summariseTrace = (events: TraceEvent[]): TraceSummary => {
	const threadNames = new Map<string, string>();
	for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, String(e.args?.name ?? ''));
	const byThread = new Map<string, {ts: number; end: number; name: string}[]>();
	const open = new Map<string, TraceEvent[]>();
	let first = Number.POSITIVE_INFINITY;
	let last = 0;
	for (const e of events) {
		const key = `${e.pid}:${e.tid}`;
		let span: {ts: number; end: number; name: string} | null = null;
		if (e.ph === 'X' && e.dur !== undefined) span = {ts: e.ts, end: e.ts + e.dur, name: e.name};
		else if (e.ph === 'B') {
			const stack = open.get(key) ?? [];
			stack.push(e);
			open.set(key, stack);
		} else if (e.ph === 'E') {
			const begin = open.get(key)?.pop();
			if (begin) span = {ts: begin.ts, end: e.ts, name: begin.name};
		}
		if (!span) continue;
		first = Math.min(first, span.ts);
		last = Math.max(last, span.end);
		const list = byThread.get(key) ?? [];
		list.push(span);
		byThread.set(key, list);
	}
	const totals = new Map<string, {thread: string; name: string; selfMs: number; count: number}>();
	for (const [key, spans] of byThread) {
		const thread = threadKind(threadNames.get(key) ?? 'other');
		// Outer events first; an event's children start inside it and end no later.
		spans.sort((a, b) => a.ts - b.ts || b.end - a.end);
		const stack: {end: number; name: string; self: number}[] = [];
		const close = (until: number) => {
			while (stack.length > 0 && stack[stack.length - 1]!.end <= until) {
				const done = stack.pop()!;
				const row = totals.get(`${thread}\u0000${done.name}`) ?? {thread, name: done.name, selfMs: 0, count: 0};
				row.selfMs += done.self / 1000;
				row.count++;
				totals.set(`${thread}\u0000${done.name}`, row);
			}
		};
		for (const s of spans) {
			close(s.ts);
			const parent = stack[stack.length - 1];
			const dur = Math.max(0, s.end - s.ts);
			if (parent) parent.self -= Math.min(dur, parent.end - s.ts);
			stack.push({end: s.end, name: s.name, self: dur});
		}
		close(Number.POSITIVE_INFINITY);
	}
	return {rows: [...totals.values()].sort((a, b) => b.selfMs - a.selfMs), spanMs: last > first ? (last - first) / 1000 : 0};
};
