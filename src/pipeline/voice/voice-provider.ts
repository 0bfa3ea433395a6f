/** One spoken word, timed in ms from the start of the audio file. */
export type WordTiming = {
	/** The word as written in the script, with its attached punctuation ("volcanoes,"). */
	text: string;
	startMs: number;
	endMs: number;
};

export type SynthesisResult = {
	/** The file that was written (the `outFile` asked for). */
	audioFile: string;
	/** Length of the audio, in ms. */
	durationMs: number;
	/** One entry per script word that was spoken, in order, non-overlapping. */
	words: WordTiming[];
	/** What went less well than asked (e.g. words timed without the server's transcription), for report.json. */
	warnings?: string[];
};

export type SynthesizeOptions = {
	text: string;
	/** BCP 47 tag, e.g. "en" or "en-US". */
	language: string;
	/** Speaking speed: 1 is normal, 1.25 is 25% faster. */
	rate?: number;
	/** Where to write the audio (a .wav file). */
	outFile: string;
	signal?: AbortSignal;
};

export type VoiceAvailability = {ok: true} | {ok: false; reason: string; install: string};

/** A text-to-speech engine. One file per vendor; injected so tests can pass fakes. */
export type VoiceProvider = {
	/** Stable id used on the command line (`--voice festival`) and in cache keys. */
	id: string;
	/** Human-readable name, e.g. "Festival (CMU US SLT, HTS)". */
	name: string;
	/** Primary language subtags it speaks, e.g. ["en"]. */
	languages: string[];
	/** The engine's own voice name; part of the cache key so a voice change invalidates it. */
	voice?: string;
	/** Licence of the voice data, for the credits. */
	license?: string;
	isAvailable(): Promise<VoiceAvailability>;
	synthesize(opts: SynthesizeOptions): Promise<SynthesisResult>;
};
