import {readdir, stat, mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {PromptreelError} from '../errors';
import {alignWordsToSpeech} from './align-words-to-speech';
import {decodeAudio} from './decode-audio';
import {readingSpeedTimings} from './reading-speed-timings';
import {normalizeLoudness} from './normalize-loudness';
import {estimateSyllables, speechActivity, syllableNuclei} from './speech-activity';
import {tokenizeScript} from './tokenize-script';
import type {WordTiming} from './voice-provider';
import {readWav} from './wav-file';

const AUDIO = /\.(wav|mp3|m4a|aac|ogg|oga|opus|flac|webm)$/i;

/** Times the script's words in a recording, e.g. with Whisper (`transcribeWords` of openai-voice). */
export type VoiceOverTranscriber = (o: {
	file: string;
	language: string;
	script: string;
	signal?: AbortSignal;
}) => Promise<{words: WordTiming[]}>;

export type VoiceOverOptions = {
	/** One audio file for the whole script, or a folder with one file per scene (in name order). */
	source: string;
	/** The scenes' narration texts, in order. */
	scenes: {id: string; narration: string}[];
	language: string;
	/** Where the per-scene narration files are written (the storyboard's media folder). */
	outDir: string;
	/** Whisper or another transcriber; without it words spread evenly over the detected speech. */
	transcribe?: VoiceOverTranscriber | null;
	ffmpegPath?: string;
	signal?: AbortSignal;
};

export type VoiceOverScene = {
	/** The narration file written into outDir, or null for a scene without voice-over. */
	audioFile: string | null;
	durationMs: number;
	/** The scene's words that are heard, timed from the start of its file. */
	words: WordTiming[];
};

export type VoiceOverResult = {
	scenes: VoiceOverScene[];
	/** 'whisper' (the transcriber) or 'speech-spread' (words spread over detected speech). */
	timing: 'transcript' | 'speech-spread';
	warnings: string[];
};

/** The voice-over path is missing, empty or not audio. Bad input. */
export class VoiceOverError extends PromptreelError {
	override name = 'VoiceOverError';
	constructor(message: string) {
		super('INVALID_VOICEOVER', message);
	}
}

// Fewer syllables heard than this share of the script's means the recording stops early (a full
// reading measures 0.75-1.3 of the estimate across our languages with espeak-ng's voices).
const SHORT_BELOW = 0.7;

const decode = async (o: {file: string; outFile: string; ffmpeg: string; from?: number; to?: number; signal?: AbortSignal}) => {
	try {
		await decodeAudio({file: o.file, outFile: o.outFile, ffmpegPath: o.ffmpeg, from: o.from, to: o.to, signal: o.signal});
	} catch (error) {
		if (o.signal?.aborted) throw error;
		throw new VoiceOverError(`Voice-over: ${(error as Error).message}`);
	}
};

/**
 * Times a text's words in a recording: by the transcriber when given, else spread over the
 * detected speech (silences are word boundaries, preferring those after punctuation). Words
 * the recording is too short to hold are dropped, so captions stop with the voice.
 */
const timeWords = async (o: {
	wavFile: string;
	sourceFile: string;
	text: string;
	language: string;
	transcribe?: VoiceOverTranscriber | null;
	signal?: AbortSignal;
}) => {
	const wav = await readWav(o.wavFile);
	const activity = speechActivity(wav, {silenceBelowPeakDb: 35, minSilenceMs: 200});
	const tokens = tokenizeScript(o.text, o.language);
	if (o.transcribe) {
		const t = await o.transcribe({file: o.sourceFile, language: o.language, script: o.text, signal: o.signal});
		const words = t.words.filter((w) => w.startMs < activity.durationMs);
		return {words, durationMs: activity.durationMs, dropped: tokens.length - words.length};
	}
	// How much was said: syllable nuclei in the audio against the script's syllables. Well under
	// the script means the recording stops early; keep the words its syllables cover.
	const nuclei = syllableNuclei(activity, {dipDb: 6});
	let fit = tokens.length;
	if (nuclei < SHORT_BELOW * estimateSyllables(o.text)) {
		let syllables = 0;
		fit = tokens.findIndex((t) => (syllables += estimateSyllables(t.text)) > nuclei);
		if (fit < 0) fit = tokens.length;
	}
	const heard = tokens.slice(0, Math.max(fit, Math.min(tokens.length, 1)));
	if (activity.speech.length === 0 || heard.length === 0) return {words: [], durationMs: activity.durationMs, dropped: tokens.length};
	// Only the speech these words take: a short voice-over ends where its words end.
	return {
		words: alignWordsToSpeech({words: heard.map((t) => t.text), activity}),
		durationMs: activity.durationMs,
		dropped: tokens.length - heard.length,
	};
};

/**
 * Your own narration instead of synthesis. A folder gives one file per scene, in name order; one
 * file covers the whole script and is cut between scenes in the pauses between their words. Each
 * scene's file is normalised to a steady loudness; its words are timed by the transcriber (e.g.
 * Whisper, when an OpenAI key is set) or spread over the detected speech. A recording shorter
 * than its script gives a warning, and captions that stop where the voice stops.
 */
export const voiceOverNarrations = async (o: VoiceOverOptions): Promise<VoiceOverResult> => {
	const ffmpeg = o.ffmpegPath ?? 'ffmpeg';
	const info = await stat(o.source).catch(() => null);
	if (!info) throw new VoiceOverError(`--voiceover ${o.source}: no such file or folder.`);
	const timing: VoiceOverResult['timing'] = o.transcribe ? 'transcript' : 'speech-spread';
	const warnings: string[] = [];
	const work = await mkdtemp(path.join(tmpdir(), 'promptreel-voiceover-'));
	const finish = async (i: number, file: string, from?: number, to?: number): Promise<{wav: string; out: string}> => {
		const wav = path.join(work, `scene-${i}.wav`);
		await decode({file, outFile: wav, ffmpeg, from, to, signal: o.signal});
		return {wav, out: path.join(o.outDir, `voiceover-${o.scenes[i]!.id}.mp3`)};
	};
	const normalize = async (wav: string, out: string) => {
		const n = await normalizeLoudness({inputFile: wav, outputFile: out, ffmpegPath: o.ffmpegPath, signal: o.signal});
		warnings.push(...n.warnings);
		return n.outputFile;
	};
	try {
		const scenes: VoiceOverScene[] = [];
		if (info.isDirectory()) {
			const files = (await readdir(o.source)).filter((f) => AUDIO.test(f)).sort((a, b) => a.localeCompare(b, 'en', {numeric: true}));
			if (files.length === 0)
				throw new VoiceOverError(`--voiceover ${o.source}: the folder has no audio files (wav, mp3, m4a, ogg, flac...).`);
			if (files.length < o.scenes.length)
				warnings.push(
					`The voice-over folder has ${files.length} files for ${o.scenes.length} scenes: scenes ${files.length + 1}-${o.scenes.length} are silent with reading-speed captions.`,
				);
			if (files.length > o.scenes.length)
				warnings.push(
					`The voice-over folder has ${files.length} files for ${o.scenes.length} scenes: ${files.slice(o.scenes.length).join(', ')} are not used.`,
				);
			for (const [i, scene] of o.scenes.entries()) {
				const name = files[i];
				if (!name) {
					scenes.push({audioFile: null, ...readingSpeedTimings({text: scene.narration, language: o.language})});
					continue;
				}
				const source = path.join(o.source, name);
				const {wav, out} = await finish(i, source);
				const t = await timeWords({
					wavFile: wav,
					sourceFile: source,
					text: scene.narration,
					language: o.language,
					transcribe: o.transcribe,
					signal: o.signal,
				});
				if (t.dropped > 0)
					warnings.push(`The voice-over ${name} is shorter than scene ${i + 1}'s script: its last ${t.dropped} words are not captioned.`);
				scenes.push({audioFile: await normalize(wav, out), durationMs: Math.round(t.durationMs), words: t.words});
			}
			return {scenes, timing, warnings};
		}
		if (!AUDIO.test(o.source)) throw new VoiceOverError(`--voiceover ${o.source}: not an audio file (wav, mp3, m4a, ogg, flac...).`);
		// One recording for the whole script: time all words, then cut between scenes.
		const whole = path.join(work, 'whole.wav');
		await decode({file: o.source, outFile: whole, ffmpeg, signal: o.signal});
		const texts = o.scenes.map((s) => s.narration);
		const script = texts.join('\n\n');
		const t = await timeWords({
			wavFile: whole,
			sourceFile: o.source,
			text: script,
			language: o.language,
			transcribe: o.transcribe,
			signal: o.signal,
		});
		const counts = texts.map((x) => tokenizeScript(x, o.language).length);
		if (t.dropped > 0)
			warnings.push(
				`The voice-over is shorter than the script: the last ${t.dropped} words are not spoken, so their captions are left out.`,
			);
		let k = 0;
		const perScene = counts.map((c) => {
			const words = t.words.slice(k, k + c);
			k += c;
			return words;
		});
		for (const [i, words] of perScene.entries()) {
			const first = words[0];
			const last = words[words.length - 1];
			if (!first || !last) {
				scenes.push({audioFile: null, durationMs: 0, words: []});
				continue;
			}
			// Cut in the middle of the pauses around the scene's words.
			const prevEnd = perScene.slice(0, i).flat().at(-1)?.endMs;
			const nextStart = perScene.slice(i + 1).flat()[0]?.startMs;
			const from = prevEnd === undefined ? 0 : (prevEnd + first.startMs) / 2;
			const to = nextStart === undefined ? t.durationMs : (last.endMs + nextStart) / 2;
			const {wav, out} = await finish(i, whole, from, to);
			scenes.push({
				audioFile: await normalize(wav, out),
				durationMs: Math.round(to - from),
				words: words.map((w) => ({text: w.text, startMs: Math.round(w.startMs - from), endMs: Math.round(w.endMs - from)})),
			});
		}
		return {scenes, timing, warnings};
	} finally {
		await rm(work, {recursive: true, force: true}).catch(() => undefined);
	}
};
