import {PromptreelError} from '../pipeline/errors';

/** No such job (or file of a job). */
export class NotFoundError extends PromptreelError {
	override name = 'NotFoundError';
	constructor(message: string) {
		super('NOT_FOUND', message);
	}
}

/** The request is valid but conflicts with the job's state (e.g. cancelling a finished job). */
export class ConflictError extends PromptreelError {
	override name = 'ConflictError';
	constructor(message: string) {
		super('CONFLICT', message);
	}
}
