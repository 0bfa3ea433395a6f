import {NO_VOICE} from './voice-registry';

export type VoiceChoice = {
	voice: string;
	/** Why the run is silent although speech was asked for, for report.json. */
	warning: {code: 'NO_OFFLINE_VOICE'; message: string} | null;
};

/**
 * The one place the voice of a run is decided. A voice the user named wins; "auto" takes the
 * configured preferred voice (e.g. `openai` when OPENAI_API_KEY is set), else the language's
 * offline voice (Festival for English, espeak-ng for the others), else none: a silent video with
 * captions at reading speed and a warning saying how to get speech. A voice-over needs no voice.
 */
export const chooseVoice = (o: {
	/** `auto`, `none` or a voice id. */
	requested: string;
	language: {name: string; defaultVoice: string | null};
	preferred?: string | undefined;
	voiceover?: boolean;
}): VoiceChoice => {
	if (o.requested !== 'auto') return {voice: o.requested, warning: null};
	if (o.voiceover) return {voice: NO_VOICE, warning: null};
	if (o.preferred) return {voice: o.preferred, warning: null};
	if (o.language.defaultVoice) return {voice: o.language.defaultVoice, warning: null};
	return {
		voice: NO_VOICE,
		warning: {
			code: 'NO_OFFLINE_VOICE',
			message: `No offline voice reads ${o.language.name} (espeak-ng reads no kanji): the video is silent and captions follow reading speed. For speech, use the online voice (--voice openai with OPENAI_API_KEY set) or record your own (--voiceover FILE).`,
		},
	};
};
