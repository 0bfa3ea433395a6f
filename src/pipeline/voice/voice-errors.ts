import {PromptreelError} from '../errors';

/** The requested voice cannot run here (engine or voice data missing). Not retryable. */
export class VoiceUnavailableError extends PromptreelError {
	override readonly name = 'VoiceUnavailableError';
	/** The command that installs what is missing. */
	readonly install: string;
	constructor(message: string, install: string) {
		super('VOICE_UNAVAILABLE', `${message} Install it with: ${install}`);
		this.install = install;
	}
}

/** The engine ran but failed (crash, timeout, unreadable output). Retryable. */
export class VoiceSynthesisError extends PromptreelError {
	override readonly name = 'VoiceSynthesisError';
	constructor(message: string, options?: {cause?: unknown}) {
		super('VOICE_FAILED', message, options);
	}
}

/** `voice` names no known provider: the caller must pick a listed id. */
export class UnknownVoiceError extends PromptreelError {
	override readonly name = 'UnknownVoiceError';
	readonly validIds: string[];
	constructor(voice: string, validIds: string[]) {
		super('UNKNOWN_VOICE', `Unknown voice "${voice}". Valid voices: ${validIds.join(', ')}.`);
		this.validIds = validIds;
	}
}
