export {createJobsService} from './jobs-service';
export type {JobsService, JobsServiceOptions, WorkerHandle, CreateVideoContext, TemplateInfo, FileInfo} from './jobs-service';
export {openJobsRuntime} from './open-jobs-runtime';
export type {JobsRuntime, JobsRuntimeOptions} from './open-jobs-runtime';
export type {JobStore, JobStoreStats, WebhookDeliveryStore, IdempotencyKeyStore, AssetStore} from './job-store';
export {openSqliteJobStore} from './sqlite-job-store';
export {openJobStore} from './open-job-store';
export {openPostgresJobStore} from './postgres';
export {SCHEMA_VERSION} from './job-store-migrations';
export {IDEMPOTENCY_WINDOW_MS} from './sqlite-idempotency-keys';
export type {
	AssetRecord,
	CancelOutcome,
	JobError,
	JobEvent,
	JobInput,
	JobKind,
	JobRecord,
	JobRun,
	NewJob,
	ReapedJob,
	Reservation,
	Webhook,
	WebhookDelivery,
} from './job-types';
export {
	createVideoBodySchema,
	generateOptionsComponent,
	prioritySchema,
	videoOptionsComponent,
	jobErrorSchema,
	jobSchema,
	jobWarningSchema,
	planBodySchema,
	completeBodySchema,
	promptSchema,
	storyboardComponent,
	webhookSchema,
	webhookViewSchema,
} from './job-schemas';
export type {CreateVideoBody, JobView, JobWarning, PlanBody, CompleteBody} from './job-schemas';
export {JOB_STATUSES, RUNNING_STATUSES, TERMINAL_STATUSES, jobStatusSchema, isRunning, isTerminal, statusOfStage} from './job-status';
export type {JobStatus, RunningStatus} from './job-status';
export {NotFoundError, ConflictError} from './job-errors';
export {createWorkerPool} from './worker-pool';
export type {WorkerPool, WorkerPoolOptions} from './worker-pool';
export {createPipelineRunner, jobDir} from './run-job';
export type {JobRunner, RunContext, RunResult, JobProviders} from './run-job';
export {createPlanOnly} from './plan-only';
export type {PlanOnly} from './plan-only';
export {sweepRetention} from './retention';
export type {RetentionResult} from './retention';
export {toJobView} from './job-view';
export {JOB_FILE_NAMES, isJobFileName, contentTypeOf} from './job-files';
export type {JobFileName} from './job-files';
export {ASSET_ID, ASSET_REF, ASSET_PATH, assetIdOf, assetPath, rewriteAssetRefs} from './asset-refs';
export {assertRemoteMediaOnly, assertRemoteSafeOptions, assertPublicMediaHosts, mediaSourcesOf} from './media-policy';
export {contentHash} from './content-hash';
export {createWebhookDispatcher, nextAttemptAt} from './webhook-dispatcher';
export type {WebhookDispatcher, WebhookDispatcherOptions, WebhookBackoff} from './webhook-dispatcher';
export {signWebhook, verifyWebhookSignature} from './webhook-signature';
export {resolveWebhookSecret} from './webhook-secret';
export {guardedPost} from './guarded-post';
export type {GuardedPostOptions, GuardedPostResult} from './guarded-post';
export type {JobsSettings} from './jobs-settings';
export {publicMessage} from './public-message';
export {createCompleteForClient} from './complete-for-client';
export type {CompleteForClient, CompleteForClientResult} from './complete-for-client';
export {storeFileAsset} from './store-file-asset';
export type {JobObserver, AttemptOutcome} from './job-observer';
export type {JobsLog, LogFields} from './jobs-log';
export {JOB_PRIORITIES, priorityOfRank, priorityRank} from './job-priority';
export type {JobPriority} from './job-priority';
export {templateOf} from './template-of';
export {MAX_BATCH_ITEMS, batchItemSchema, batchItemViewSchema, batchSchema, createBatchBodySchema, toBatchView} from './batches';
export type {BatchItem, BatchRecord, BatchStatus, BatchStore, BatchView, CreateBatchBody, NewBatch} from './batches';
