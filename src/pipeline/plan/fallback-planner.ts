import type {Planner} from './planner';

/**
 * Plans with `primary`; when it fails (down, timed out, invalid twice) plans with `fallback`
 * instead, with a PLANNER_FALLBACK warning and an `onFallback` naming both and the reason.
 * A cancellation is never a failure: it propagates.
 */
export const createFallbackPlanner = ({primary, fallback}: {primary: Planner; fallback: Planner}): Planner => ({
	id: primary.id,
	async plan(input, ctx) {
		try {
			return await primary.plan(input, ctx);
		} catch (error) {
			if (ctx.signal?.aborted) throw error;
			const reason = error instanceof Error ? error.message : String(error);
			ctx.onWarning({
				code: 'PLANNER_FALLBACK',
				message: `The "${primary.id}" planner failed, so the offline "${fallback.id}" planner made this plan: ${reason}`,
			});
			ctx.onFallback?.({from: primary.id, to: fallback.id, reason});
			return fallback.plan(input, ctx);
		}
	},
});
