import type {Storyboard} from '../compositions/storyboard';
import type {GenerateOptions} from '../pipeline/generate';
import type {JobWarning} from './job-schemas';
import type {JobPriority} from './job-priority';
import type {JobStatus} from './job-status';

export type JobKind = 'prompt' | 'storyboard';
export type JobInput = {prompt: string} | {storyboard: Storyboard};
export type JobError = {code: string; message: string};
export type Webhook = {url: string; metadata?: Record<string, unknown> | undefined};

/** One webhook event of a job and every attempt to deliver it. Times are ms since the epoch. */
export type WebhookDelivery = {
	id: number;
	/** The job's id, or the batch's for `batch.done`. */
	jobId: string;
	event: 'video.done' | 'video.failed' | 'batch.done';
	url: string;
	/** The JSON sent: frozen at the first attempt, so every retry sends the same bytes. */
	body: string | null;
	state: 'pending' | 'delivered' | 'failed';
	attempts: {attempt: number; at: number; status: number | null; error: string | null}[];
	nextAt: number;
};

/** A job as stored. Times are ms since the epoch. */
export type JobRecord = {
	seq: number;
	id: string;
	kind: JobKind;
	input: JobInput;
	options: GenerateOptions;
	webhook: Webhook | null;
	contentHash: string | null;
	/** Claims take high before normal before low (options.priority). */
	priority: JobPriority;
	/**
	 * Who sent it: the fingerprint of the API key ("open" on a server without keys, null from a
	 * process without callers). At most PROMPTREEL_MAX_RUNNING_PER_KEY jobs of one owner run at once.
	 */
	owner: string | null;
	status: JobStatus;
	stage: string | null;
	progress: number;
	warnings: JobWarning[];
	error: JobError | null;
	files: string[];
	outputDir: string | null;
	cached: boolean;
	attempts: number;
	maxAttempts: number;
	timeoutMs: number;
	runAfter: number;
	leaseOwner: string | null;
	leaseExpiresAt: number | null;
	cancelRequested: boolean;
	createdAt: number;
	updatedAt: number;
	startedAt: number | null;
	finishedAt: number | null;
	/** Deliveries of the job's webhook events (filled by get and list). */
	webhookDeliveries: WebhookDelivery[];
};

export type NewJob = Pick<JobRecord, 'id' | 'kind' | 'input' | 'options' | 'webhook' | 'contentHash' | 'maxAttempts' | 'timeoutMs'> & {
	/** Default normal. */
	priority?: JobPriority | undefined;
	/** Default null (no caller). */
	owner?: string | null | undefined;
	/** A job answered from the cache is created done, with its files. */
	done?: {files: string[]; outputDir: string; warnings: JobWarning[]};
};

/** What happened to a job whose worker stopped sending heartbeats. */
export type ReapedJob = {id: string; outcome: 'requeued' | 'failed' | 'cancelled'; attempts: number};

export type CancelOutcome = 'cancelled' | 'requested' | 'already-cancelled' | 'finished';

/** One change of a job, as stored (and sent over SSE). */
export type JobEvent = {
	id: number;
	type: 'status' | 'progress' | 'done' | 'failed' | 'cancelled';
	status: JobStatus;
	stage: string | null;
	progress: number;
	error: JobError | null;
	at: number;
};

/** One run (attempt) of a job by a worker: for diagnostics and tests. */
export type JobRun = {attempt: number; worker: string; started_at: number; ended_at: number | null; outcome: string | null};

/** An uploaded file. `ref` (`asset:<id>`) names it in a storyboard sent to this server. */
export type AssetRecord = {
	id: string;
	kind: 'image' | 'video' | 'audio';
	contentType: string;
	/** File name inside the data dir's assets folder: `<id>.<ext>`. */
	fileName: string;
	bytes: number;
	sha256: string;
	originalName: string | null;
	/** Measured with ffprobe at upload (video and audio). */
	durationMs: number | null;
	width: number | null;
	height: number | null;
	createdAt: number;
};

/** What an Idempotency-Key reservation found. */
export type Reservation = {state: 'new'} | {state: 'replay'; jobId: string} | {state: 'conflict'};
