/** A provider that could not serve and what took over, with the reason (report.json `fallbacks`). */
export type Fallback = {from: string; to: string; reason: string};

export type Attempt<T> = {
	/** The provider's id, as report.json names it. */
	id: string;
	run: () => Promise<T>;
	/** Why a failure happened, in one sentence (default: the error's message). */
	describe?: (error: unknown) => string;
};

/**
 * The one fallback helper every stage uses (planner, voice, stock media): runs the attempts in order
 * and returns the first that succeeds, calling `onFallback` for each one that failed with the
 * attempt that takes over. A cancellation is never a failure: it propagates. When every attempt
 * fails, the last error is thrown with the earlier fallbacks already reported.
 */
export const tryInOrder = async <T>(o: {
	attempts: readonly Attempt<T>[];
	signal?: AbortSignal;
	onFallback: (fallback: Fallback) => void;
}): Promise<{value: T; id: string}> => {
	if (o.attempts.length === 0) throw new RangeError('tryInOrder: no attempts.');
	for (const [k, attempt] of o.attempts.entries()) {
		try {
			return {value: await attempt.run(), id: attempt.id};
		} catch (error) {
			const next = o.attempts[k + 1];
			if (o.signal?.aborted || !next) throw error;
			const reason = attempt.describe?.(error) ?? (error instanceof Error ? error.message : String(error));
			o.onFallback({from: attempt.id, to: next.id, reason});
		}
	}
	throw new Error('unreachable');
};
