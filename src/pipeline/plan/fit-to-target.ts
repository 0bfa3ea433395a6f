import type {PlanWarning} from './planner';

/** A script shorter than the target is held on screen at most this much longer than it is spoken. */
export const MAX_STRETCH = 1.5;
const TOLERANCE = 0.15;

const seconds = (ms: number): string => `${Math.round(ms / 1000)} s`;

/**
 * Scales scene durations toward a target total. The narration is the user's text, so it is never
 * cut: a longer script keeps its length (with a warning), a shorter one is stretched up to
 * MAX_STRETCH (pauses around the speech) and warned about if it still falls short.
 */
export const fitToTarget = (
	durationsMs: readonly number[],
	targetMs: number | null,
): {durationsMs: number[]; warning: PlanWarning | null} => {
	const natural = durationsMs.reduce((a, b) => a + b, 0);
	if (targetMs === null || natural === 0) return {durationsMs: [...durationsMs], warning: null};
	if (natural > targetMs * (1 + TOLERANCE)) {
		return {
			durationsMs: [...durationsMs],
			warning: {
				code: 'SCRIPT_LONGER_THAN_TARGET',
				message: `The script takes about ${seconds(natural)} to speak, more than the target of ${seconds(targetMs)}. The offline planner never cuts your text: shorten the script, or set OPENAI_API_KEY (or OPENAI_BASE_URL) so a planner model writes to length.`,
			},
		};
	}
	if (natural >= targetMs) return {durationsMs: [...durationsMs], warning: null};
	const factor = Math.min(targetMs / natural, MAX_STRETCH);
	const stretched = durationsMs.map((d) => Math.round(d * factor));
	const total = stretched.reduce((a, b) => a + b, 0);
	const warning: PlanWarning | null =
		total < targetMs * (1 - TOLERANCE)
			? {
					code: 'SCRIPT_SHORTER_THAN_TARGET',
					message: `The script takes about ${seconds(natural)} to speak; the video lasts about ${seconds(total)}, short of the target of ${seconds(targetMs)}. Write a longer script, or set OPENAI_API_KEY (or OPENAI_BASE_URL) so a planner model writes to length.`,
				}
			: null;
	return {durationsMs: stretched, warning};
};
