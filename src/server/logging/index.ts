export {createLogger, LOG_FORMATS, LOG_LEVELS, REDACTED_KEYS} from './create-logger';
export type {CreateLoggerOptions, LogFormat, LogLevel} from './create-logger';
export {jobsLogOf} from './jobs-log-of';
