import type {Logger} from 'pino';
import type {JobsLog} from '../../jobs';

/** The jobs layer's `log(message, fields)` written through a pino logger, at the level the fields name (default info). */
export const jobsLogOf =
	(logger: Logger): JobsLog =>
	(message, fields) => {
		const {level = 'info', ...rest} = fields ?? {};
		logger[level](rest, message);
	};
