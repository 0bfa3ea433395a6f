import type {Interval} from './speech-activity';
import type {PcmWav} from './wav-file';

const FRAME_MS = 10;

/** Per 10 ms frame: loudness, loudness of the high band (first difference) and zero crossings. */
const features = (wav: PcmWav): number[][] => {
	const step = Math.round((wav.sampleRate * FRAME_MS) / 1000);
	const n = wav.data.length / 2 / wav.channels;
	const sample = (i: number) => wav.data.readInt16LE(i * 2 * wav.channels) / 32768;
	const out: number[][] = [];
	for (let from = 0; from + step <= n; from += step) {
		let e = 0;
		let hf = 0;
		let zc = 0;
		let prev = from > 0 ? sample(from - 1) : 0;
		for (let i = from; i < from + step; i++) {
			const v = sample(i);
			e += v * v;
			hf += (v - prev) * (v - prev);
			if (v >= 0 !== prev >= 0) zc++;
			prev = v;
		}
		out.push([10 * Math.log10(e / step + 1e-9), 10 * Math.log10(hf / step + 1e-9), zc / step]);
	}
	return out;
};

/** Frames inside the intervals, as [frame index] lists. */
const framesIn = (intervals: Interval[], count: number): number[] => {
	const out: number[] = [];
	for (const iv of intervals) {
		for (let f = Math.floor(iv.startMs / FRAME_MS); f < Math.min(count, Math.ceil(iv.endMs / FRAME_MS)); f++) out.push(f);
	}
	return out;
};

export type WarpOptions = {
	/** The same sentence spoken with gaps between words, and where each word is in it. */
	probe: PcmWav;
	probeWords: Interval[];
	/** The sentence as spoken, and its stretches of sound. */
	target: PcmWav;
	targetSpeech: Interval[];
};

/**
 * Word spans in `target` from the word spans of `probe`, a rendition of the same words by the
 * same synthesiser with silence between them: the two are the same sounds, so dynamic time
 * warping of their frames (silences removed) maps every probe word boundary onto the target.
 */
export const warpBoundaries = ({probe, probeWords, target, targetSpeech}: WarpOptions): Interval[] => {
	const pf = features(probe);
	const tf = features(target);
	const pIdx = framesIn(probeWords, pf.length);
	const tIdx = framesIn(targetSpeech, tf.length);
	const P = pIdx.map((i) => pf[i]!);
	const T = tIdx.map((i) => tf[i]!);
	const n = P.length;
	const m = T.length;
	if (n === 0 || m === 0) return [];
	// z-score each feature over both sequences so no feature dominates.
	const dims = P[0]!.length;
	const all = [...P, ...T];
	for (let d = 0; d < dims; d++) {
		const mean = all.reduce((s, v) => s + v[d]!, 0) / all.length;
		const sd = Math.sqrt(all.reduce((s, v) => s + (v[d]! - mean) ** 2, 0) / all.length) || 1;
		for (const v of all) v[d] = (v[d]! - mean) / sd;
	}
	const dist = (i: number, j: number) => {
		let s = 0;
		for (let d = 0; d < dims; d++) s += (P[i]![d]! - T[j]![d]!) ** 2;
		return Math.sqrt(s);
	};
	// Classic DTW (steps: diagonal, up, left) over a band around the diagonal.
	const band = Math.max(40, Math.round(Math.abs(n - m) + 0.25 * Math.max(n, m)));
	const cost = new Float64Array(n * m).fill(Infinity);
	for (let i = 0; i < n; i++) {
		const centre = Math.round((i * (m - 1)) / Math.max(1, n - 1));
		for (let j = Math.max(0, centre - band); j <= Math.min(m - 1, centre + band); j++) {
			const here = dist(i, j);
			if (i === 0 && j === 0) {
				cost[0] = here;
				continue;
			}
			const best = Math.min(
				i > 0 && j > 0 ? cost[(i - 1) * m + j - 1]! : Infinity,
				i > 0 ? cost[(i - 1) * m + j]! : Infinity,
				j > 0 ? cost[i * m + j - 1]! : Infinity,
			);
			cost[i * m + j] = here + best;
		}
	}
	// Backtrack: for every probe frame, the first target frame it maps to.
	const map = new Int32Array(n).fill(-1);
	let i = n - 1;
	let j = m - 1;
	while (i > 0 || j > 0) {
		map[i] = j;
		const diag = i > 0 && j > 0 ? cost[(i - 1) * m + j - 1]! : Infinity;
		const up = i > 0 ? cost[(i - 1) * m + j]! : Infinity;
		const left = j > 0 ? cost[i * m + j - 1]! : Infinity;
		if (diag <= up && diag <= left) {
			i--;
			j--;
		} else if (up <= left) i--;
		else j--;
	}
	map[0] = 0;
	// Each probe word's first frame -> a target frame -> real time in the target.
	const starts: number[] = [];
	let k = 0;
	for (const w of probeWords) {
		const first = Math.floor(w.startMs / FRAME_MS);
		while (k < pIdx.length && pIdx[k]! < first) k++;
		const tj = map[Math.min(k, n - 1)]!;
		starts.push((tIdx[Math.max(0, tj)] ?? 0) * FRAME_MS);
	}
	const end = targetSpeech[targetSpeech.length - 1]?.endMs ?? 0;
	return starts.map((s, w) => {
		const next = starts[w + 1];
		// A word ends where the next starts, or earlier when a pause comes between them.
		const pause = targetSpeech.find((iv) => iv.endMs > s && next !== undefined && iv.endMs < next);
		return {startMs: s, endMs: next === undefined ? end : pause ? pause.endMs : next};
	});
};
