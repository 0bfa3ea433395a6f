import {availableParallelism} from 'node:os';
import {basename, join} from 'node:path';
import pLimit from 'p-limit';
import type {Credit} from '../../compositions/storyboard';
import type {PlannedScene} from '../plan';
import {synthesizeNarration, type VoiceOverTranscriber, type VoiceProvider} from '../voice';
import type {RunContext} from './start-run';
import {voiceOverStage} from './voice-over-stage';

/** At most this many scenes are spoken at once (and no more than the machine's cores). */
const VOICING_CONCURRENCY = 4;

/** A scene's narration once spoken: its audio (relative to the output folder) and timed words. */
export type VoicedScene = {
	audio: string | null;
	durationMs: number;
	words: {text: string; startMs: number; endMs: number}[];
	/** The voice that spoke it ('none' when silent); absent for a recording. */
	provider?: string;
};

export type VoiceStageOptions = {
	scenes: PlannedScene[];
	outDir: string;
	/** Where narration files go (`<outDir>/media`). */
	mediaDir: string;
	/** Caches (`<dataDir>/voice-cache`). */
	dataDir: string;
	voiceProviders?: VoiceProvider[];
	transcribeVoiceOver?: VoiceOverTranscriber | null;
};

/**
 * Voicing: each scene's narration is spoken and its words timed (or your own recording with
 * --voiceover is cut into scenes). Every fallback lands in the report, each warning once.
 */
export const voiceStage = (run: RunContext, o: VoiceStageOptions): Promise<{scenes: VoicedScene[]; credits: Credit[]}> =>
	run.timed('voicing', async () => {
		const {options, report} = run;
		if (options.voiceover) {
			const scenes = await voiceOverStage({
				source: options.voiceover,
				scenes: o.scenes,
				language: options.lang,
				outDir: o.outDir,
				mediaDir: o.mediaDir,
				transcribe: o.transcribeVoiceOver,
				report,
				warn: run.warn,
				signal: run.signal,
			});
			return {scenes, credits: []};
		}
		// Scenes are spoken side by side, one voice process per core (an offline voice is one
		// single-threaded process per scene); results are reported in scene order.
		const limit = pLimit(Math.max(1, Math.min(VOICING_CONCURRENCY, availableParallelism())));
		let spoken = 0;
		const results = await Promise.all(
			o.scenes.map((scene) =>
				limit(async () => {
					const result = await synthesizeNarration({
						text: scene.narration,
						language: options.lang,
						voice: options.voice,
						rate: options.rate,
						outFile: join(o.mediaDir, `narration-${scene.id}.mp3`),
						cacheDir: join(o.dataDir, 'voice-cache'),
						providers: o.voiceProviders,
						signal: run.signal,
					});
					spoken += 1;
					run.progress('voicing', spoken / o.scenes.length);
					return result;
				}),
			),
		);
		const scenes: VoicedScene[] = [];
		const credits: Credit[] = [];
		const warned = new Set<string>();
		const providersUsed = new Set<string>();
		for (const [i, result] of results.entries()) {
			const scene = o.scenes[i]!;
			for (const w of result.warnings) {
				if (warned.has(w)) continue;
				warned.add(w);
				run.warn('voicing', 'VOICE_FALLBACK', w);
			}
			for (const f of result.fallbacks) {
				report.fallbacks.push({
					stage: 'voicing',
					from: f.from,
					to: f.to === 'none' ? 'none (reading-speed captions)' : f.to,
					reason: `${scene.id}: ${f.reason}`,
				});
			}
			providersUsed.add(result.provider);
			if (result.audioFile && result.license && credits.length === 0) {
				credits.push({
					kind: 'voice',
					title: `Narration voice (${result.provider})`,
					author: null,
					url: null,
					license: result.license,
					source: result.provider,
				});
			}
			scenes.push({
				audio: result.audioFile ? `media/${basename(result.audioFile)}` : null,
				durationMs: result.durationMs,
				words: result.words,
				provider: result.provider,
			});
		}
		report.providers.voicing = [...providersUsed].join(', ');
		return {scenes, credits};
	});
