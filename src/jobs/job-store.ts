import type {BatchStore} from './batches/batch-store';
import type {JobWarning} from './job-schemas';
import type {JobPriority} from './job-priority';
import type {JobStatus, RunningStatus} from './job-status';
import type {
	AssetRecord,
	CancelOutcome,
	JobError,
	JobEvent,
	JobRecord,
	JobRun,
	NewJob,
	ReapedJob,
	Reservation,
	WebhookDelivery,
} from './job-types';

/**
 * Webhook deliveries, queued by the job store in the same transaction that ends a job. A sender
 * leases a due delivery before sending, so two processes on one data dir never both send it, and
 * a lease left by a crashed process expires.
 */
export interface WebhookDeliveryStore {
	/** Leases up to `limit` due deliveries for `owner` until `now + leaseMs`. */
	claimDue(o: {owner: string; now: number; leaseMs: number; limit: number}): Promise<WebhookDelivery[]>;
	/** Freezes the body at the first attempt; resolves to the body to send (an earlier frozen one wins). */
	freezeBody(id: number, body: string): Promise<string>;
	/**
	 * Records an attempt before its request is sent (so a crash mid-request still shows it, as
	 * "no answer recorded"); resolves to its number (0: the delivery is gone).
	 */
	begin(o: {id: number; owner: string; at: number}): Promise<number>;
	/** Settles attempt `attempt` (from `begin`; absent: records a new one) and what follows: delivered, failed for good, or another try at `nextAt`. */
	record(o: {
		id: number;
		owner: string;
		at: number;
		attempt?: number;
		status: number | null;
		error: string | null;
		state: WebhookDelivery['state'];
		nextAt: number;
	}): Promise<void>;
	/** Gives back every lease of `owner` (on shutdown): another process may send them at once. */
	release(owner: string): Promise<void>;
	/** Every delivery of a job, oldest first, with its attempts. */
	ofJob(jobId: string): Promise<WebhookDelivery[]>;
}

/**
 * `Idempotency-Key`s of video requests. A key is written in the same transaction that inserts its
 * job (JobStore.insertWithKey): a crash at any moment leaves either both or neither, so no key is
 * ever stuck naming no job.
 */
export interface IdempotencyKeyStore {
	/** What an earlier request with `scope` did (forgetting keys older than the window and keys whose job is gone). */
	find(o: {scope: string; bodyHash: string; now: number}): Promise<Reservation>;
	/** Forgets a key. */
	remove(scope: string): Promise<void>;
}

/** Uploaded assets' metadata (their bytes are files in the data dir's assets folder). */
export interface AssetStore {
	/** Stores the record unless the same content is there already; resolves to the stored one. */
	insert(asset: AssetRecord): Promise<AssetRecord>;
	/** The asset, or null (also for an id that is not an asset id). */
	get(id: string): Promise<AssetRecord | null>;
}

/** Aggregates of the store for metrics (src/server/metrics). */
export type JobStoreStats = {
	/** Jobs in the store by status, template and priority. */
	jobs: {status: JobStatus; template: string; priority: JobPriority; n: number}[];
	/** When the oldest queued job was submitted (ms), or null with an empty queue. */
	oldestQueuedAt: number | null;
	/** Running jobs per owner (API key fingerprint; null: no caller). */
	runningByOwner: {owner: string | null; n: number}[];
	/** Webhook deliveries by state. */
	webhookDeliveries: {state: WebhookDelivery['state']; n: number}[];
};

/**
 * Where jobs live, shared by every process on a data dir (servers, MCP servers, workers). Every
 * method is async so the store can live in another process or on another machine: the SQLite
 * implementation (sqlite-job-store.ts) does its work synchronously inside, a Postgres one would
 * do it over the network. Nothing outside an implementation sees its database.
 *
 * What an implementation must guarantee (the worker pool and the service rely on it):
 * - `claim` is atomic: two workers never both get a job, and it first reaps expired leases.
 * - Every write of a running job (`updateProgress`, `finish`, `requeue`, `heartbeat`) only applies
 *   while the caller still holds the lease, and says so (`false` / `ok: false`) otherwise.
 * - Every change of a job appends a `JobEvent` (ids a per-job sequence, for SSE resumption), and a
 *   job with a webhook that ends done or failed queues one delivery, in the same transaction.
 * Times are ms since the epoch, always passed in by the caller (tests control the clock).
 */
export interface JobStore {
	/** Stores a new job (queued, or done when answered from the cache) and its first event. */
	insert(job: NewJob, now: number): Promise<JobRecord>;
	/**
	 * Inserts the job and binds the Idempotency-Key `scope` to it in one transaction, unless an
	 * earlier request holds the key: then nothing is inserted and the answer says what it did
	 * (`replay` with its job, or `conflict` for another body).
	 */
	insertWithKey(
		job: NewJob,
		now: number,
		key: {scope: string; bodyHash: string},
	): Promise<{state: 'created'; job: JobRecord} | {state: 'replay'; job: JobRecord} | {state: 'conflict'}>;
	/** The job with its webhook deliveries, or null. */
	get(id: string): Promise<JobRecord | null>;
	/** Newest first; `beforeSeq` pages backwards; `more` tells if there is a next page. */
	list(q: {
		statuses?: readonly JobStatus[] | undefined;
		limit: number;
		beforeSeq?: number | undefined;
	}): Promise<{jobs: JobRecord[]; more: boolean}>;
	/** Recent done jobs with this content hash, newest first. */
	doneWithHash(hash: string): Promise<JobRecord[]>;
	/**
	 * Reaps expired leases, then takes the next runnable queued job for `worker`, or null: the
	 * most urgent priority first (high, normal, low), the oldest within one, skipping jobs whose
	 * owner already runs `maxRunningPerOwner` jobs (absent or 0: no cap; jobs of a null owner
	 * share one allowance). The count and the claim are one atomic step, so the cap holds across
	 * processes: SQLite takes the write lock first (IMMEDIATE); a Postgres store runs the same
	 * query (job-store-statements.ts) with `FOR UPDATE SKIP LOCKED`, inside a claim-wide
	 * `pg_advisory_xact_lock` when a cap is set (without one, SKIP LOCKED alone is enough).
	 */
	claim(o: {
		worker: string;
		now: number;
		leaseMs: number;
		maxRunningPerOwner?: number | undefined;
	}): Promise<{job: JobRecord | null; reaped: ReapedJob[]}>;
	/** Ends the runs of workers that stopped sending heartbeats: retry, fail, or finish a cancel. */
	reapExpired(now: number): Promise<ReapedJob[]>;
	/** Extends the lease; `ok: false` means the worker lost the job (expired and taken, deleted or finished). */
	heartbeat(o: {id: string; worker: string; now: number; leaseMs: number}): Promise<{ok: boolean; cancelRequested: boolean}>;
	/** Saves a running job's status, stage, progress and warnings; false when the lease is lost. */
	updateProgress(o: {
		id: string;
		worker: string;
		status: RunningStatus;
		stage: string;
		progress: number;
		warnings: JobWarning[];
		now: number;
	}): Promise<boolean>;
	/** done, failed or cancelled by the worker holding the lease; false when the lease is lost. */
	finish(o: {
		id: string;
		worker: string;
		status: 'done' | 'failed' | 'cancelled';
		warnings: JobWarning[];
		files?: string[];
		outputDir?: string | null;
		error?: JobError | null;
		now: number;
	}): Promise<boolean>;
	/**
	 * Gives a job back to the queue: after a retryable error (counts as an attempt) or on
	 * shutdown (`refund`: the attempt does not count).
	 */
	requeue(o: {
		id: string;
		worker: string;
		now: number;
		runAfter: number;
		warnings: JobWarning[];
		refund: boolean;
		reason: string;
	}): Promise<boolean>;
	/** Cancels a queued job at once; flags a running one for its worker. Null: no such job. */
	requestCancel(id: string, now: number): Promise<{job: JobRecord; outcome: CancelOutcome} | null>;
	/** Removes the job, its runs, events and deliveries; resolves to what was removed. */
	delete(id: string): Promise<JobRecord | null>;
	/** Finished jobs older than `before` (a batch, oldest first). */
	finishedBefore(before: number): Promise<JobRecord[]>;
	/** Number of jobs by status. */
	counts(): Promise<Record<string, number>>;
	/** What metrics read at each scrape: aggregates only, cheap on a large store (indexed or grouped columns). */
	stats(): Promise<JobStoreStats>;
	/** Events of a job after `afterSeq`, oldest first (at most `limit`, default 100). */
	eventsAfter(id: string, afterSeq: number, limit?: number): Promise<JobEvent[]>;
	/** Every run of a job (attempt, worker, outcome): for diagnostics and tests. */
	runs(id: string): Promise<JobRun[]>;
	/** Webhook deliveries (queued here when a job ends done or failed). */
	readonly webhooks: WebhookDeliveryStore;
	/** Idempotency-Keys of video requests. */
	readonly idempotencyKeys: IdempotencyKeyStore;
	/** Uploaded assets. */
	readonly assets: AssetStore;
	/** Batches of jobs (POST /v1/batches, `promptreel batch`). */
	readonly batches: BatchStore;
	/** Frees the connection; the store cannot be used afterwards. */
	close(): Promise<void>;
}
