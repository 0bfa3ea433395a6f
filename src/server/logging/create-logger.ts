import {createRequire} from 'node:module';
import {pino, type DestinationStream, type Logger} from 'pino';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['auto', 'json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/**
 * Keys whose values never reach a log line, at the top level or one object down: API keys, the
 * webhook secret, credentials, Authorization headers (README.md, "Running it for a team").
 */
export const REDACTED_KEYS = [
	'authorization',
	'apiKey',
	'apiKeys',
	'secret',
	'webhookSecret',
	'password',
	'token',
	'secretAccessKey',
	'sessionToken',
	'licenseKey',
];
const redactPaths = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`]);

export type CreateLoggerOptions = {
	/** PROMPTREEL_LOG_LEVEL. Default info. */
	level?: LogLevel;
	/** json: one JSON object per line; pretty: readable lines; auto: pretty when the destination is a terminal. Default auto. */
	format?: LogFormat;
	/** Default stderr (stdout carries the CLI's answers and the MCP protocol). */
	destination?: DestinationStream & {isTTY?: boolean};
};

/** pino-pretty is a development dependency: a production install without it logs JSON. */
const loadPretty = (): ((o: Record<string, unknown>) => DestinationStream) | null => {
	try {
		return createRequire(import.meta.url)('pino-pretty') as (o: Record<string, unknown>) => DestinationStream;
	} catch {
		return null;
	}
};

/**
 * The service's logger: one JSON object per line with `level` (a name), `time` (ISO 8601), the
 * message in `msg` and fields such as `jobId`, `requestId`, `stage`, `durationMs`; readable lines
 * on a terminal; secrets censored by key (REDACTED_KEYS).
 */
export const createLogger = (o: CreateLoggerOptions = {}): Logger => {
	const destination = o.destination ?? (process.stderr as DestinationStream & {isTTY?: boolean});
	const pretty = o.format === 'pretty' || ((o.format ?? 'auto') === 'auto' && destination.isTTY === true);
	const prettyFactory = pretty ? loadPretty() : null;
	const stream = prettyFactory
		? prettyFactory({
				destination,
				colorize: destination.isTTY === true,
				translateTime: 'SYS:HH:MM:ss.l',
				ignore: 'pid,hostname',
				sync: true,
			})
		: destination;
	return pino(
		{
			level: o.level ?? 'info',
			base: {service: 'promptreel'},
			timestamp: pino.stdTimeFunctions.isoTime,
			formatters: {level: (label) => ({level: label})},
			redact: {paths: redactPaths, censor: '[redacted]'},
		},
		stream,
	);
};
