import type {Interval, SpeechActivity} from './speech-activity';

export type PhraseWord = {
	/** Relative spoken length (phonemes). */
	weight: number;
	/** Punctuation after it where a speaker pauses (",", ";", "."...). */
	pauseAfter: boolean;
};

export type AlignPhraseOptions = {
	words: PhraseWord[];
	activity: SpeechActivity;
	/** Move an inner boundary to the quietest frame within this many ms (0: off). Default 40. */
	snapMs?: number;
};

const lengthOf = (xs: Interval[]) => xs.reduce((s, x) => s + (x.endMs - x.startMs), 0);

/** A position in "speech time" (silences removed) of some intervals -> real time. */
const toReal = (intervals: Interval[], c: number): number => {
	let left = c;
	for (const iv of intervals) {
		const d = iv.endMs - iv.startMs;
		if (left <= d) return iv.startMs + left;
		left -= d;
	}
	return intervals[intervals.length - 1]?.endMs ?? 0;
};

/**
 * Times the words of one spoken phrase from the audio alone: every silence inside the phrase is
 * a word boundary (matched in order to the nearest boundary, preferring those after punctuation);
 * between silences, words share the speech by phoneme weight; an inner boundary then moves to the
 * quietest moment nearby (the dip between words). Returns one span per word, in order.
 */
export const alignPhraseWords = ({words, activity, snapMs = 40}: AlignPhraseOptions): Interval[] => {
	const n = words.length;
	if (n === 0) return [];
	const speech = activity.speech.length > 0 ? activity.speech : [{startMs: 0, endMs: activity.durationMs}];
	const total = lengthOf(speech);
	const weights = words.map((w) => Math.max(0.5, w.weight));
	const weightSum = weights.reduce((a, b) => a + b, 0);
	// Predicted position of the boundary after word i, in speech time.
	const boundary: number[] = [];
	let acc = 0;
	for (let i = 0; i < n - 1; i++) {
		acc += weights[i]!;
		boundary.push((total * acc) / weightSum);
	}

	// Pauses (gaps between speech stretches) at speech-time positions; match each to a boundary.
	const bonus = Math.min(400, total * 0.15);
	const matched: {pause: number; after: number}[] = [];
	let position = 0;
	let last = -1;
	for (let p = 0; p < speech.length - 1; p++) {
		position += speech[p]!.endMs - speech[p]!.startMs;
		const remaining = speech.length - 2 - p;
		let best = -1;
		let bestCost = Infinity;
		for (let i = last + 1; i <= n - 2 - remaining; i++) {
			const cost = Math.abs(boundary[i]! - position) - (words[i]!.pauseAfter ? bonus : 0);
			if (cost < bestCost) {
				bestCost = cost;
				best = i;
			}
		}
		if (best >= 0) {
			matched.push({pause: p, after: best});
			last = best;
		}
	}

	// Segments of words between matched pauses, each over its own speech stretches.
	const spans: Interval[] = new Array(n);
	let firstWord = 0;
	let firstStretch = 0;
	for (const m of [...matched, {pause: speech.length - 1, after: n - 1}]) {
		const stretches = speech.slice(firstStretch, m.pause + 1);
		const segWords = weights.slice(firstWord, m.after + 1);
		const segTotal = lengthOf(stretches);
		const segWeight = segWords.reduce((a, b) => a + b, 0);
		let w = 0;
		for (let k = 0; k < segWords.length; k++) {
			const from = toReal(stretches, (segTotal * w) / segWeight);
			w += segWords[k]!;
			const to = toReal(stretches, (segTotal * w) / segWeight);
			spans[firstWord + k] = {startMs: from, endMs: to};
		}
		// The segment starts and ends exactly with its sound.
		const head = spans[firstWord];
		const tail = spans[m.after];
		if (head && stretches[0]) head.startMs = stretches[0].startMs;
		if (tail && stretches.length > 0) tail.endMs = stretches[stretches.length - 1]!.endMs;
		firstWord = m.after + 1;
		firstStretch = m.pause + 1;
	}

	if (snapMs > 0) {
		const env = activity.envelopeDb;
		const f = activity.frameMs;
		const pauseEdges = new Set(matched.map((m) => m.after));
		for (let i = 0; i < n - 1; i++) {
			if (pauseEdges.has(i)) continue;
			const a = spans[i]!;
			const b = spans[i + 1]!;
			const at = Math.round(b.startMs / f);
			const lo = Math.max(Math.round(a.startMs / f) + 1, at - Math.round(snapMs / f));
			const hi = Math.min(Math.round(b.endMs / f) - 1, at + Math.round(snapMs / f));
			let min = at;
			for (let k = lo; k <= hi; k++) if ((env[k] ?? 0) < (env[min] ?? 0)) min = k;
			if ((env[min] ?? 0) < (env[at] ?? 0) - 6) {
				a.endMs = min * f;
				b.startMs = min * f;
			}
		}
	}
	return spans.map((s) => ({startMs: Math.round(s.startMs), endMs: Math.round(Math.max(s.startMs, s.endMs))}));
};
