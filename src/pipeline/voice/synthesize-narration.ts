import {mkdir, mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {normalizeLoudness} from './normalize-loudness';
import {readingSpeedTimings} from './reading-speed-timings';
import {tokenizeScript} from './tokenize-script';
import {copyFileAtomic, createVoiceCache, voiceCacheKey} from './voice-cache';
import {tryInOrder} from '../try-in-order';
import {UnknownVoiceError} from './voice-errors';
import type {VoiceProvider, WordTiming} from './voice-provider';
import {defaultVoiceProviders, NO_VOICE, voiceVendor} from './voice-registry';

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
	/** Voices that could not serve and what took over (another voice, or 'none'), with the reason. */
	fallbacks: VoiceFallback[];
};

export type VoiceFallback = {from: string; to: string; reason: string};

const silent = (o: {text: string; language: string; rate: number}, warnings: string[]): NarrationResult => ({
	audioFile: null,
	...readingSpeedTimings(o),
	provider: NO_VOICE,
	license: null,
	cached: false,
	warnings,
	fallbacks: [],
});

type Resolved = Omit<SynthesizeNarrationOptions, 'language' | 'voice' | 'rate' | 'providers'> & {
	language: string;
	voice: string;
	rate: number;
	providers: VoiceProvider[];
};

/**
 * Speaks a narration and times its words. When the voice fails, cannot run here or cannot speak
 * the language, the next vendor's voice speaks instead (an online voice falls back to Festival),
 * and the last resort is silent reading-speed timings; each step is a warning and a fallback
 * with its reason. Rejects only for an unknown voice id (listing the valid ones) or a cancel.
 */
export const synthesizeNarration = async (opts: SynthesizeNarrationOptions): Promise<NarrationResult> => {
	// Defaults in one place; an explicit undefined means "the default" too.
	const o: Resolved = {
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

	// The chosen voice, then one voice of every other vendor (best first): an online voice that
	// fails hands over to the offline one, and the last resort is silence at reading speed.
	const primaryLanguage = o.language.split('-')[0]?.toLowerCase() ?? '';
	const vendors = new Set([voiceVendor(provider.id)]);
	const chain = [provider];
	for (const p of o.providers) {
		if (vendors.has(voiceVendor(p.id)) || !p.languages.includes(primaryLanguage)) continue;
		vendors.add(voiceVendor(p.id));
		chain.push(p);
	}
	// The last resort, silence at reading speed, is an attempt too, so every failure is reported
	// the same way (src/pipeline/try-in-order.ts).
	const warnings: string[] = [];
	const fallbacks: VoiceFallback[] = [];
	const attempts = chain.map((p) => ({
		id: p.id,
		run: async () => {
			const result = await speakWith(p, o);
			// Could not run here or cannot speak the language: the next voice takes over.
			if (result.provider === NO_VOICE && result.warnings.length > 0) throw new CannotServe(result.warnings.join(' '));
			return result;
		},
		describe: (error: unknown) => (error instanceof CannotServe ? error.message : `Voice "${p.id}" failed: ${(error as Error).message}`),
	}));
	let lastReason = '';
	const {value} = await tryInOrder<NarrationResult>({
		attempts: [...attempts, {id: NO_VOICE, run: async () => silent(o, [])}],
		signal: o.signal,
		onFallback: (f) => {
			fallbacks.push(f);
			lastReason = f.reason;
			if (f.to !== NO_VOICE) warnings.push(`${f.reason.replace(SILENT_SENTENCE, '')} Using "${f.to}" instead.`);
		},
	});
	const silentTail =
		value.provider === NO_VOICE && lastReason ? [/ The narration is silent/.test(lastReason) ? lastReason : `${lastReason} ${SILENT}`] : [];
	return {...value, warnings: [...warnings, ...value.warnings, ...silentTail], fallbacks};
};

const SILENT = 'The narration is silent and captions follow reading speed.';
const SILENT_SENTENCE = / The narration is silent and captions follow reading speed\.?/;

/** A voice that cannot serve this text here (not installed, other language): not a crash. */
class CannotServe extends Error {}

/** Speaks with one provider: cache, availability and language checks, synthesis, loudness. */
const speakWith = async (provider: VoiceProvider, o: Resolved): Promise<NarrationResult> => {
	const primary = o.language.split('-')[0]?.toLowerCase() ?? '';
	if (!provider.languages.includes(primary)) {
		return silent(o, [
			`Voice "${provider.id}" speaks ${provider.languages.join(', ')}, not "${o.language}": the narration is silent and captions follow reading speed. Pick another voice or --voice none.`,
		]);
	}
	if (tokenizeScript(o.text, o.language).length === 0) {
		return {
			audioFile: null,
			durationMs: 0,
			words: [],
			provider: provider.id,
			license: provider.license ?? null,
			cached: false,
			warnings: [],
			fallbacks: [],
		};
	}

	const format = path.extname(o.outFile).toLowerCase();
	const cache = o.cacheDir ? createVoiceCache({cacheDir: o.cacheDir}) : null;
	const key = voiceCacheKey({
		providerId: provider.id,
		voice: provider.voice ?? '',
		rate: o.rate,
		language: o.language,
		text: o.text,
		format,
	});
	await mkdir(path.dirname(o.outFile), {recursive: true});
	const hit = await cache?.get(key);
	if (hit) {
		await copyFileAtomic(hit.audioFile, o.outFile);
		return {
			audioFile: o.outFile,
			durationMs: hit.durationMs,
			words: hit.words,
			provider: provider.id,
			license: provider.license ?? null,
			cached: true,
			warnings: hit.warnings,
			fallbacks: [],
		};
	}

	const available = await provider.isAvailable();
	if (!available.ok) {
		return silent(o, [
			`${available.reason} The narration is silent and captions follow reading speed. Install it with: ${available.install}`,
		]);
	}

	const work = await mkdtemp(path.join(tmpdir(), 'promptreel-voice-'));
	try {
		const raw = await provider.synthesize({
			text: o.text,
			language: o.language,
			rate: o.rate,
			outFile: path.join(work, 'raw.wav'),
			signal: o.signal,
		});
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
		const rawWarnings = [...(raw.warnings ?? []), ...normalized.warnings];
		const entry = {audioFile: normalized.outputFile, durationMs: raw.durationMs, words: raw.words, warnings: rawWarnings};
		const stored = cache && outExt === format ? await cache.put(key, entry) : entry;
		await copyFileAtomic(stored.audioFile, audioFile);
		return {
			audioFile,
			durationMs: raw.durationMs,
			words: raw.words,
			provider: provider.id,
			license: provider.license ?? null,
			cached: false,
			warnings: rawWarnings,
			fallbacks: [],
		};
	} finally {
		await rm(work, {recursive: true, force: true}).catch(() => undefined);
	}
};
