import {createEspeakVoice} from './espeak-voice';
import {createFestivalVoice} from './festival-voice';
import {createLocalSpeechVoice, type LocalSpeechVoiceOptions} from './local-speech-voice';
import {createOpenAiVoices, type OpenAiVoiceOptions} from './openai-voice';
import type {VoiceProvider} from './voice-provider';

/** The id that turns narration off: silent video, captions at reading speed. */
export const NO_VOICE = 'none';

export type DefaultVoiceProvidersOptions = {
	/** OpenAI (or a compatible server) is configured: adds `openai` and `openai:<voice>`. */
	openai?: Omit<OpenAiVoiceOptions, 'voice'>;
	/** Your own OpenAI-compatible speech server (Kokoro-FastAPI, LocalAI) is configured: adds `local`. */
	local?: LocalSpeechVoiceOptions;
};

/**
 * The voices available, best first: your speech server and the OpenAI neural voices when configured, then the offline
 * ones promptreel ships with (also the fallbacks when an online voice fails).
 */
export const defaultVoiceProviders = (opts: DefaultVoiceProvidersOptions = {}): VoiceProvider[] => [
	...(opts.local ? [createLocalSpeechVoice(opts.local)] : []),
	...(opts.openai ? createOpenAiVoices(opts.openai) : []),
	createFestivalVoice(),
	// Every other language offline (es, de, fr, pt, it, zh, ar, hi...); GPL, so a separate process.
	createEspeakVoice(),
];

/** The vendor part of a voice id: "openai:alloy" -> "openai". Fallbacks go to another vendor. */
export const voiceVendor = (id: string): string => id.split(':')[0] ?? id;

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
		{
			id: NO_VOICE,
			name: 'No voice: silent, captions at reading speed',
			languages: ['*'],
			license: null,
			available: true,
			reason: null,
			install: null,
		},
	];
};
