import type {NewJob} from '../job-types';
import type {BatchRecord, NewBatch} from './batch-types';

/**
 * Batches in the job store (README "Batches"): a batch row links the jobs of its items, so a
 * batch survives a restart and any server answers for it. Implemented by the SQLite and the
 * Postgres store over the same SQL (batch-sql.ts).
 */
export interface BatchStore {
	/**
	 * Inserts every job and the batch in one transaction (all or nothing). With an Idempotency-Key
	 * (`key`), an earlier batch within the window holding it is answered instead: `replay` for the
	 * same body, `conflict` for another one.
	 */
	insert(o: {
		batch: NewBatch;
		jobs: NewJob[];
		now: number;
		key?: {scope: string; bodyHash: string; since: number} | undefined;
	}): Promise<{state: 'created' | 'replay'; batch: BatchRecord} | {state: 'conflict'}>;
	/** The batch with its job ids and `batch.done` deliveries, or null. */
	get(id: string): Promise<BatchRecord | null>;
	/**
	 * Marks every running batch whose jobs have all ended (or are gone) done and, in the same
	 * transaction, queues its `batch.done` delivery; of several processes calling it at once each
	 * batch is ended by exactly one. Resolves to the ids it ended.
	 */
	settle(now: number): Promise<string[]>;
	/**
	 * Retention: removes up to a page of batches that ended before `before` (rows, items and their
	 * batch.done delivery); resolves to how many. Their jobs, older still, go by the jobs' retention.
	 */
	removeFinishedBefore(before: number): Promise<number>;
}
