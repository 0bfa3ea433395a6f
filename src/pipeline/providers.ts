import type {Planner} from './plan';
import type {VisualsProvider} from './visuals';
import type {VoiceProvider} from './voice';

/**
 * The providers a run uses, chosen once from the configuration (src/app/providers-from-config.ts)
 * and injected into generate and the job runner; absent ones are the offline defaults.
 */
export type Providers = {
	planner: Planner;
	voiceProviders: VoiceProvider[];
	/** The voice preferred when the user names none ("auto"), e.g. 'openai' with a key; undefined = the language's offline voice. */
	preferredVoice: string | undefined;
	/** Stock media for scenes; null = offline illustrations only. */
	visualsProvider: VisualsProvider | null;
	/** What was chosen and why, for `doctor` and logs. */
	summary: {planner: string; voice: string; visuals: string};
};
