import {PromptreelError} from '../pipeline/errors';

/** A wrong setting (environment, .env or promptreel.config.json): exit 2 naming the variable, its value and the fix. */
export class ConfigError extends PromptreelError {
	override name = 'ConfigError';
	readonly issues: {path: string; message: string}[];
	constructor(issues: {path: string; message: string}[]) {
		super('INVALID_CONFIG', `Invalid settings: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, {details: issues});
		this.issues = issues;
	}
}
