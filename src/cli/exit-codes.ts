import {PromptreelError, ValidationError} from '../pipeline/errors';
import type {Reporter} from './progress-reporter';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

/** Reports an error and returns the exit code: 2 for bad input, 1 for failures. */
export const reportError = (error: unknown, reporter: Reporter): number => {
	if (error instanceof PromptreelError) {
		reporter.error(error.code, error.message, error instanceof ValidationError ? error.issues : undefined);
		return error.badInput ? EXIT_BAD_INPUT : EXIT_FAILURE;
	}
	const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
	reporter.error('INTERNAL', message);
	return EXIT_FAILURE;
};
