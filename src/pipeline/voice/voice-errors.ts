/** The requested voice cannot run here (engine or voice data missing). Not retryable. */
export class VoiceUnavailableError extends Error {
	override readonly name = 'VoiceUnavailableError';
	readonly code = 'VOICE_UNAVAILABLE';
	readonly retryable = false;
	/** The command that installs what is missing. */
	readonly install: string;
	constructor(message: string, install: string) {
		super(`${message} Install it with: ${install}`);
		this.install = install;
	}
}

/** The engine ran but failed (crash, timeout, unreadable output). Retryable. */
export class VoiceSynthesisError extends Error {
	override readonly name = 'VoiceSynthesisError';
	readonly code = 'VOICE_FAILED';
	readonly retryable = true;
	constructor(message: string, options?: {cause?: unknown}) {
		super(message, options);
	}
}

/** `voice` names no known provider. Not retryable: the caller must pick a listed id. */
export class UnknownVoiceError extends Error {
	override readonly name = 'UnknownVoiceError';
	readonly code = 'UNKNOWN_VOICE';
	readonly retryable = false;
	readonly validIds: string[];
	constructor(voice: string, validIds: string[]) {
		super(`Unknown voice "${voice}". Valid voices: ${validIds.join(', ')}.`);
		this.validIds = validIds;
	}
}
