/** A token as the engine saw it, with the timed words it expanded into ("1,200" -> 4 words). */
export type EngineToken = {key: string; words: {startMs: number; endMs: number}[]};

type Span = {startMs: number; endMs: number};

const spanOf = (tokens: EngineToken[]): Span | null => {
	const words = tokens.flatMap((t) => t.words);
	const first = words[0];
	const last = words[words.length - 1];
	return first && last ? {startMs: first.startMs, endMs: last.endMs} : null;
};

/**
 * Maps the script's tokens onto the engine's tokens by their letters and digits. One script token
 * takes the start of its first engine word and the end of its last; where the two tokenisations
 * disagree, the nearest match resynchronises them and the tokens in between share the gap evenly.
 * Returns one span per script token, in order, never overlapping.
 */
export const alignTokenTimings = (scriptKeys: string[], engine: EngineToken[]): Span[] => {
	const n = scriptKeys.length;
	const spans: (Span | null)[] = new Array(n).fill(null);
	const eng = engine.filter((t) => t.key !== '');
	let i = 0;
	let j = 0;
	while (i < n && j < eng.length) {
		const key = scriptKeys[i] ?? '';
		// One script token, several engine tokens (or exactly one).
		let acc = '';
		let k = j;
		while (k < eng.length && acc.length < key.length) acc += eng[k++]?.key ?? '';
		if (key !== '' && acc === key) {
			spans[i++] = spanOf(eng.slice(j, k));
			j = k;
			continue;
		}
		// Several script tokens, one engine token: share its words.
		const target = eng[j]?.key ?? '';
		let acc2 = '';
		let l = i;
		while (l < n && acc2.length < target.length) acc2 += scriptKeys[l++] ?? '';
		if (acc2 === target && l - i > 1) {
			const words = eng[j]?.words ?? [];
			const count = l - i;
			for (let x = 0; x < count; x++) {
				const from = Math.floor((x * words.length) / count);
				const to = Math.max(from + 1, Math.floor(((x + 1) * words.length) / count));
				spans[i + x] = spanOf([{key: '', words: words.slice(from, Math.min(to, words.length))}]);
			}
			i = l;
			j++;
			continue;
		}
		// Disagreement: find the nearest pair of equal keys ahead and skip to it.
		let resync: [number, number] | null = null;
		for (let d = 1; d <= 8 && !resync; d++) {
			for (let di = 0; di <= d; di++) {
				const dj = d - di;
				if (i + di < n && j + dj < eng.length && scriptKeys[i + di] === eng[j + dj]?.key) {
					resync = [di, dj];
					break;
				}
			}
		}
		if (resync) {
			i += resync[0];
			j += resync[1];
		} else {
			i++;
		}
	}
	return fillGaps(spans, spanOf(eng));
};

const fillGaps = (spans: (Span | null)[], whole: Span | null): Span[] => {
	const out: Span[] = [];
	let prevEnd = whole?.startMs ?? 0;
	for (let i = 0; i < spans.length; i++) {
		const s = spans[i];
		if (s) {
			const startMs = Math.max(s.startMs, prevEnd);
			const endMs = Math.max(s.endMs, startMs);
			out.push({startMs, endMs});
			prevEnd = endMs;
			continue;
		}
		let next = i;
		while (next < spans.length && !spans[next]) next++;
		const nextStart = Math.max(prevEnd, spans[next]?.startMs ?? whole?.endMs ?? prevEnd);
		const count = next - i;
		const step = (nextStart - prevEnd) / count;
		for (let x = 0; x < count; x++) {
			out.push({startMs: prevEnd + step * x, endMs: prevEnd + step * (x + 1)});
		}
		prevEnd = nextStart;
		i = next - 1;
	}
	return out;
};
