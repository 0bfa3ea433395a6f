import {createFestivalVoice} from './festival-voice';
import type {VoiceProvider} from './voice-provider';

/** The id that turns narration off: silent video, captions at reading speed. */
export const NO_VOICE = 'none';

/** The voices promptreel ships with, best first. */
export const defaultVoiceProviders = (): VoiceProvider[] => [createFestivalVoice()];

export type VoiceInfo = {
	id: string;
	name: string;
	languages: string[];
	license: string | null;
	available: boolean;
	/** Why it cannot run here and how to fix that, when unavailable. */
	reason: string | null;
	install: string | null;
};

/** Every selectable voice id with whether it works on this machine, for `promptreel voices`. */
export const listVoices = async ({providers = defaultVoiceProviders()}: {providers?: VoiceProvider[]} = {}): Promise<VoiceInfo[]> => {
	const voices = await Promise.all(
		providers.map(async (p): Promise<VoiceInfo> => {
			const a = await p.isAvailable();
			return {
				id: p.id,
				name: p.name,
				languages: p.languages,
				license: p.license ?? null,
				available: a.ok,
				reason: a.ok ? null : a.reason,
				install: a.ok ? null : a.install,
			};
		}),
	);
	return [
		...voices,
		{id: NO_VOICE, name: 'No voice: silent, captions at reading speed', languages: ['*'], license: null, available: true, reason: null, install: null},
	];
};
