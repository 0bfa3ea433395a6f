import {randomBytes} from 'node:crypto';
import {PromptreelError, ValidationError, type IssueDetail} from '../../pipeline/errors';
import {contentHash} from '../content-hash';
import {ConflictError, NotFoundError} from '../job-errors';
import type {CreateVideoBody} from '../job-schemas';
import type {JobStore} from '../job-store';
import type {JobObserver} from '../job-observer';
import type {JobRecord, NewJob} from '../job-types';
import {IDEMPOTENCY_WINDOW_MS} from '../sqlite-idempotency-keys';
import type {CreateBatchBody} from './batch-schemas';
import type {BatchRecord} from './batch-types';

const BATCH_ID = /^bat_[0-9a-f]{24}$/;
const newBatchId = () => `bat_${randomBytes(12).toString('hex')}`;

export type BatchServiceDeps = {
	store: JobStore;
	now: () => number;
	/** The jobs service's checks of one video request, making its job (nothing stored yet). */
	prepare: (body: CreateVideoBody, caller: string | undefined) => Promise<NewJob>;
	/** Removes what `prepare` wrote for a job that was not stored. */
	discard: (id: string) => Promise<unknown>;
	/** Refuses a webhook on an address the server does not call (a ValidationError at webhook.url). */
	assertWebhookAllowed: (webhook: CreateBatchBody['webhook']) => void;
	wake: () => void;
	observer?: JobObserver | undefined;
	newId?: () => string;
};

/** Every request issue of `error` under `prefix` (`items.3.options.voice`); null when it is not the caller's input. */
const issuesUnder = (error: unknown, prefix: string): IssueDetail[] | null => {
	if (error instanceof ValidationError) return error.issues.map((i) => ({path: `${prefix}.${i.path}`, message: i.message}));
	if (error instanceof PromptreelError && error.badInput) return [{path: prefix, message: error.message}];
	return null;
};

/**
 * Batches of the jobs service (README "Batches"): every item is checked as POST /v1/videos checks
 * a request, and every issue of every item is answered at once (`items.<n>.<path>`); then all the
 * jobs and the batch are stored in one transaction, so a batch is whole or absent.
 */
export const createBatchMethods = (d: BatchServiceDeps) => {
	const newId = d.newId ?? newBatchId;

	/** Checks every item; throws one ValidationError naming every bad one, after undoing what was prepared. */
	const prepareAll = async (body: CreateBatchBody, caller: string | undefined): Promise<NewJob[]> => {
		const jobs: NewJob[] = [];
		const issues: IssueDetail[] = [];
		try {
			d.assertWebhookAllowed(body.webhook);
		} catch (error) {
			if (!(error instanceof ValidationError)) throw error;
			issues.push(...error.issues);
		}
		for (const [i, item] of body.items.entries()) {
			try {
				jobs.push(await d.prepare(item, caller));
			} catch (error) {
				const found = issuesUnder(error, `items.${i}`);
				if (!found) {
					await Promise.all(jobs.map((j) => d.discard(j.id)));
					throw error;
				}
				issues.push(...found);
			}
		}
		if (issues.length > 0) {
			await Promise.all(jobs.map((j) => d.discard(j.id)));
			throw new ValidationError(`Invalid batch: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
		}
		return jobs;
	};

	const find = async (id: string): Promise<BatchRecord> => {
		const batch = BATCH_ID.test(id) ? await d.store.batches.get(id) : null;
		if (!batch) throw new NotFoundError(`No batch "${id}".`);
		return batch;
	};

	return {
		/**
		 * Validates every item and stores the batch with a job per item. With an Idempotency-Key, a
		 * repeat (same caller, key and body) within 24 h answers the same batch (`replayed`); the same
		 * key with another body is a ConflictError.
		 */
		async createBatch(
			body: CreateBatchBody,
			ctx: {idempotencyKey?: string | undefined; caller?: string | undefined} = {},
		): Promise<BatchRecord & {replayed?: boolean}> {
			const key = ctx.idempotencyKey;
			if (key !== undefined && !/^[\x21-\x7e]{1,255}$/.test(key)) {
				throw new ValidationError(`Invalid Idempotency-Key "${key.slice(0, 40)}": use 1-255 visible ASCII characters (a UUID is best).`, [
					{path: 'Idempotency-Key', message: 'Use 1-255 visible ASCII characters.'},
				]);
			}
			const jobs = await prepareAll(body, ctx.caller);
			const now = d.now();
			const batch = {id: newId(), owner: ctx.caller ?? null, webhook: body.webhook ?? null};
			const keyed =
				key === undefined
					? undefined
					: {scope: `${ctx.caller ?? 'open'}:${key}`, bodyHash: contentHash({body}), since: now - IDEMPOTENCY_WINDOW_MS};
			const undo = () => Promise.all(jobs.map((j) => d.discard(j.id)));
			const r = await d.store.batches.insert({batch, jobs, now, key: keyed}).catch(async (error: unknown) => {
				await undo();
				throw error;
			});
			if (r.state === 'conflict') {
				await undo();
				throw new ConflictError(`Idempotency-Key "${key}" was used within 24 h with a different batch: use a new key for a new batch.`);
			}
			if (r.state === 'replay') {
				await undo();
				return {...r.batch, replayed: true};
			}
			for (const job of jobs) {
				const stored = await d.store.get(job.id);
				if (stored) d.observer?.created?.({job: stored});
			}
			d.wake();
			return r.batch;
		},

		/** The batch and its jobs (null where a job was deleted), in item order. */
		async getBatch(id: string): Promise<{batch: BatchRecord; jobs: (JobRecord | null)[]}> {
			const batch = await find(id);
			return {batch, jobs: await Promise.all(batch.jobIds.map((j) => d.store.get(j)))};
		},
	};
};
