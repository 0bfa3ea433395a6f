/**
 * Fields of a log line, beside its message: the server writes them as JSON keys (pino), so a
 * job's lines can be found by `jobId`. Never put secrets here.
 */
export type LogFields = {
	jobId?: string;
	stage?: string;
	durationMs?: number;
	level?: 'debug' | 'info' | 'warn' | 'error';
	[key: string]: unknown;
};

/** Where the jobs layer logs: a plain line writer (`(m) => ...`) fits, and ignores the fields. */
export type JobsLog = (message: string, fields?: LogFields) => void;
