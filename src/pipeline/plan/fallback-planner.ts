import {tryInOrder} from '../try-in-order';
import type {Planner} from './planner';

/**
 * Plans with `primary`; when it fails (down, timed out, invalid twice) plans with `fallback`
 * instead, with a PLANNER_FALLBACK warning and an `onFallback` naming both and the reason.
 * A cancellation is never a failure: it propagates.
 */
export const createFallbackPlanner = ({primary, fallback}: {primary: Planner; fallback: Planner}): Planner => ({
	id: primary.id,
	async plan(input, ctx) {
		const {value} = await tryInOrder({
			attempts: [primary, fallback].map((p) => ({id: p.id, run: () => p.plan(input, ctx)})),
			signal: ctx.signal,
			onFallback: (f) => {
				ctx.onWarning({
					code: 'PLANNER_FALLBACK',
					message: `The "${f.from}" planner failed, so the offline "${f.to}" planner made this plan: ${f.reason}`,
				});
				ctx.onFallback?.(f);
			},
		});
		return value;
	},
});
