import {relative} from 'node:path';
import {voiceOverNarrations, type VoiceOverTranscriber} from '../voice';
import type {RunReport, StageName} from '../output';
import type {VoicedScene} from './voice-stage';

/** The voicing stage with your own recording (`--voiceover`): per-scene narration, timed words. */
export const voiceOverStage = async (c: {
	source: string;
	scenes: {id: string; narration: string}[];
	language: string;
	outDir: string;
	mediaDir: string;
	transcribe: VoiceOverTranscriber | null | undefined;
	report: RunReport;
	warn: (stage: StageName, code: string, message: string) => void;
	signal?: AbortSignal;
}): Promise<VoicedScene[]> => {
	const result = await voiceOverNarrations({
		source: c.source,
		scenes: c.scenes,
		language: c.language,
		outDir: c.mediaDir,
		transcribe: c.transcribe,
		signal: c.signal,
	});
	c.report.providers.voicing = `voiceover (${result.timing === 'transcript' ? 'words timed by transcription' : 'words spread over detected speech'})`;
	if (!c.transcribe) {
		c.warn(
			'voicing',
			'VOICEOVER_TIMING',
			'Voice-over words are spread over the detected speech; set OPENAI_API_KEY to time them with Whisper.',
		);
	}
	for (const w of result.warnings) c.warn('voicing', 'VOICEOVER', w);
	return result.scenes.map((s) => ({
		audio: s.audioFile ? relative(c.outDir, s.audioFile).split('\\').join('/') : null,
		durationMs: s.durationMs,
		words: s.words,
	}));
};
