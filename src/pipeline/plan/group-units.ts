/** Scene sizes the grouping aims for when no target duration is given. */
export const IDEAL_SCENE_MS = 8000;
export const MAX_SENTENCES_PER_SCENE = 3;

export type GroupingPlan = {sceneCount: number; maxUnitsPerScene: number};

/**
 * How many scenes: about one per IDEAL_SCENE_MS of the target (or of the speech), with one to
 * three units each, and never more than maxScenes (then scenes take more units).
 */
export const chooseGrouping = (opts: {units: number; speechMs: number; targetMs: number | null; maxScenes: number}): GroupingPlan => {
	const {units, speechMs, targetMs, maxScenes} = opts;
	if (units === 0) return {sceneCount: 0, maxUnitsPerScene: MAX_SENTENCES_PER_SCENE};
	const wanted = Math.max(1, Math.round((targetMs ?? speechMs) / IDEAL_SCENE_MS));
	let sceneCount = Math.min(Math.max(wanted, Math.ceil(units / MAX_SENTENCES_PER_SCENE)), units);
	sceneCount = Math.min(sceneCount, maxScenes);
	return {sceneCount, maxUnitsPerScene: Math.max(MAX_SENTENCES_PER_SCENE, Math.ceil(units / sceneCount))};
};

/**
 * Splits units (in order) into `sceneCount` contiguous groups of at most `maxUnitsPerScene`, with
 * durations as even as possible and few groups spanning a paragraph break (dynamic programming,
 * O(units x scenes x maxUnitsPerScene)). Returns the index of the first unit of each group.
 */
export const groupUnits = (opts: {durationsMs: readonly number[]; paragraphs: readonly number[]; plan: GroupingPlan}): number[] => {
	const {durationsMs, paragraphs, plan} = opts;
	const n = durationsMs.length;
	const k = plan.sceneCount;
	if (n === 0 || k === 0) return [];
	const prefix = [0];
	for (const d of durationsMs) prefix.push(prefix[prefix.length - 1]! + d);
	const breaks = [0];
	for (let i = 1; i < n; i++) breaks.push(breaks[i - 1]! + (paragraphs[i] !== paragraphs[i - 1] ? 1 : 0));
	breaks.push(breaks[n - 1]!);
	const ideal = prefix[n]! / k;
	const paragraphPenalty = (ideal * 0.4) ** 2;
	const groupCost = (from: number, to: number): number => {
		const d = prefix[to]! - prefix[from]! - ideal;
		const crossings = breaks[to - 1]! - breaks[from]!;
		return d * d + crossings * paragraphPenalty;
	};

	// cost[g][i]: best cost of the first i units in g groups; from[g][i]: start of the last group.
	const cost = Array.from({length: k + 1}, () => new Float64Array(n + 1).fill(Infinity));
	const from = Array.from({length: k + 1}, () => new Int32Array(n + 1).fill(-1));
	cost[0]![0] = 0;
	for (let g = 1; g <= k; g++) {
		for (let i = g; i <= n; i++) {
			for (let j = Math.max(g - 1, i - plan.maxUnitsPerScene); j < i; j++) {
				const prev = cost[g - 1]![j]!;
				if (prev === Infinity) continue;
				const c = prev + groupCost(j, i);
				if (c < cost[g]![i]!) {
					cost[g]![i] = c;
					from[g]![i] = j;
				}
			}
		}
	}
	const starts: number[] = [];
	let i = n;
	for (let g = k; g >= 1; g--) {
		const j = from[g]![i]!;
		starts.unshift(j);
		i = j;
	}
	return starts;
};
