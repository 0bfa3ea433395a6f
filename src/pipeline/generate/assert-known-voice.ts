import {PromptreelError} from '../errors';
import {listVoices, type VoiceProvider} from '../voice';

/** Refuses a voice id no provider offers, listing the valid ones (before any work is done). */
export const assertKnownVoice = async (o: {voice: string; providers?: VoiceProvider[]}): Promise<void> => {
	const voices = await listVoices(o.providers ? {providers: o.providers} : undefined);
	if (!voices.some((v) => v.id === o.voice)) {
		throw new PromptreelError('UNKNOWN_VOICE', `Unknown --voice "${o.voice}". Valid voices: ${voices.map((v) => v.id).join(', ')}.`);
	}
};
