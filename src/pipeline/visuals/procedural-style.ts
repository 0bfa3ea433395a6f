import {PROCEDURAL_STYLES} from '../../compositions/storyboard';
import {seededRandom} from './seeded-random';

export type ProceduralStyle = (typeof PROCEDURAL_STYLES)[number];

/**
 * One procedural background style per scene, chosen from the seed, never the same as the scene
 * before (so every cut shows a change). Same seed and count, same styles.
 */
export const pickProceduralStyles = (opts: {count: number; seed: number}): ProceduralStyle[] => {
	const random = seededRandom(opts.seed ^ 0x5eed5);
	const out: ProceduralStyle[] = [];
	for (let i = 0; i < opts.count; i++) {
		const previous = out[i - 1];
		const choices = PROCEDURAL_STYLES.filter((s) => s !== previous);
		out.push(choices[Math.floor(random() * choices.length)]!);
	}
	return out;
};
