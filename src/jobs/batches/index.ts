// Batches (README "Batches"): many videos as one request, stored as a batch row linking its jobs.
export type {BatchStore} from './batch-store';
export type {BatchRecord, BatchStatus, NewBatch} from './batch-types';
export {MAX_BATCH_ITEMS, batchItemSchema, batchItemViewSchema, batchSchema, createBatchBodySchema} from './batch-schemas';
export type {BatchItem, BatchView, CreateBatchBody} from './batch-schemas';
export {toBatchView} from './batch-view';
