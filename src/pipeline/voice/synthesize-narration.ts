import {mkdir, mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {normalizeLoudness} from './normalize-loudness';
import {readingSpeedTimings} from './reading-speed-timings';
import {tokenizeScript} from './tokenize-script';
import {copyFileAtomic, createVoiceCache, voiceCacheKey} from './voice-cache';
import {UnknownVoiceError} from './voice-errors';
import type {VoiceProvider, WordTiming} from './voice-provider';
import {defaultVoiceProviders, NO_VOICE} from './voice-registry';

export type SynthesizeNarrationOptions = {
	text: string;
	/** BCP 47 tag. Default 'en'. */
	language?: string;
	/** A provider id ('festival') or 'none'. Default 'festival'. */
	voice?: string;
	/** Speaking speed, 1 is normal. Default 1. */
	rate?: number;
	/** Where the narration goes; its extension picks the format (.mp3, .wav, .m4a). */
	outFile: string;
	/** Folder for the synthesis cache; no caching without it. */
	cacheDir?: string;
	signal?: AbortSignal;
	/** Default: defaultVoiceProviders(). */
	providers?: VoiceProvider[];
	/** Default -16 LUFS. */
	targetLufs?: number;
	ffmpegPath?: string;
};

export type NarrationResult = {
	/** null when nothing is spoken (voice 'none', no engine, empty text). */
	audioFile: string | null;
	durationMs: number;
	/** The script's words, timed in ms from the start of the audio. */
	words: WordTiming[];
	/** Id of the provider that timed the words: a voice id, or 'none' for reading speed. */
	provider: string;
	/** Licence of the voice used, for the credits. */
	license: string | null;
	cached: boolean;
	warnings: string[];
};

const silent = (o: {text: string; language: string; rate: number}, warnings: string[]): NarrationResult => ({
	audioFile: null,
	...readingSpeedTimings(o),
	provider: NO_VOICE,
	license: null,
	cached: false,
	warnings,
});

/**
 * Speaks a narration offline and times its words. Falls back to silent reading-speed timings,
 * with a warning that says what to install, when the voice cannot run here or cannot speak the
 * language; rejects for an unknown voice id (listing the valid ones) and on engine failures.
 */
export const synthesizeNarration = async (opts: SynthesizeNarrationOptions): Promise<NarrationResult> => {
	// Defaults in one place; an explicit undefined means "the default" too.
	const o = {
		...opts,
		language: opts.language ?? 'en',
		voice: opts.voice ?? 'festival',
		rate: opts.rate ?? 1,
		providers: opts.providers ?? defaultVoiceProviders(),
	};
	o.signal?.throwIfAborted();
	if (o.voice === NO_VOICE) return silent(o, []);
	const provider = o.providers.find((p) => p.id === o.voice);
	if (!provider) throw new UnknownVoiceError(o.voice, [...o.providers.map((p) => p.id), NO_VOICE]);

	const primary = o.language.split('-')[0]?.toLowerCase() ?? '';
	if (!provider.languages.includes(primary)) {
		return silent(o, [
			`Voice "${provider.id}" speaks ${provider.languages.join(', ')}, not "${o.language}": the narration is silent and captions follow reading speed. Pick another voice or --voice none.`,
		]);
	}
	if (tokenizeScript(o.text, o.language).length === 0) {
		return {audioFile: null, durationMs: 0, words: [], provider: provider.id, license: provider.license ?? null, cached: false, warnings: []};
	}

	const format = path.extname(o.outFile).toLowerCase();
	const cache = o.cacheDir ? createVoiceCache({cacheDir: o.cacheDir}) : null;
	const key = voiceCacheKey({providerId: provider.id, voice: provider.voice ?? '', rate: o.rate, language: o.language, text: o.text, format});
	await mkdir(path.dirname(o.outFile), {recursive: true});
	const hit = await cache?.get(key);
	if (hit) {
		await copyFileAtomic(hit.audioFile, o.outFile);
		return {audioFile: o.outFile, durationMs: hit.durationMs, words: hit.words, provider: provider.id, license: provider.license ?? null, cached: true, warnings: hit.warnings};
	}

	const available = await provider.isAvailable();
	if (!available.ok) {
		return silent(o, [`${available.reason} The narration is silent and captions follow reading speed. Install it with: ${available.install}`]);
	}

	const work = await mkdtemp(path.join(tmpdir(), 'promptreel-voice-'));
	try {
		const raw = await provider.synthesize({text: o.text, language: o.language, rate: o.rate, outFile: path.join(work, 'raw.wav'), signal: o.signal});
		const normalized = await normalizeLoudness({
			inputFile: raw.audioFile,
			outputFile: path.join(work, `narration${format}`),
			targetLufs: o.targetLufs,
			ffmpegPath: o.ffmpegPath,
			signal: o.signal,
		});
		// Without ffmpeg the narration stays wav: follow it with the name we hand back.
		const outExt = path.extname(normalized.outputFile);
		const audioFile = outExt === format ? o.outFile : o.outFile.slice(0, -format.length) + outExt;
		const entry = {audioFile: normalized.outputFile, durationMs: raw.durationMs, words: raw.words, warnings: normalized.warnings};
		const stored = cache && outExt === format ? await cache.put(key, entry) : entry;
		await copyFileAtomic(stored.audioFile, audioFile);
		return {audioFile, durationMs: raw.durationMs, words: raw.words, provider: provider.id, license: provider.license ?? null, cached: false, warnings: normalized.warnings};
	} finally {
		await rm(work, {recursive: true, force: true}).catch(() => undefined);
	}
};
