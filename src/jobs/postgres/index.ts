// The Postgres job store (PROMPTREEL_DATABASE_URL): the JobStore of a deployment with several servers.
export {openPostgresJobStore} from './postgres-job-store';
export type {PostgresJobStoreOptions} from './postgres-job-store';
export {PG_SCHEMA_VERSION, migratePostgres} from './pg-migrations';
