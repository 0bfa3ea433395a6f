import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {alignPhraseWords} from './align-phrase-words';
import {joinWavChunks, type SpokenChunk} from './join-wav-chunks';
import {withWorkDir} from './with-work-dir';
import {letterWeight, phonemeWeight} from './phoneme-weights';
import {runProcess, type RunProcessResult} from './run-process';
import {speechActivity, type Interval} from './speech-activity';
import {chunkTokens, tokenizeScript, type ScriptToken} from './tokenize-script';
import {VoiceSynthesisError, VoiceUnavailableError} from './voice-errors';
import type {SynthesisResult, SynthesizeOptions, VoiceAvailability, VoiceProvider} from './voice-provider';
import {readWav, type PcmWav} from './wav-file';
import {warpBoundaries} from './warp-boundaries';

export const ESPEAK_INSTALL = 'apt-get install espeak-ng';

// BCP 47 -> espeak-ng voice. Mandarin uses the pinyin voice: espeak-ng 1.51's "cmn" voice reads
// its own tone numbers aloud in English. No entry for Japanese: espeak-ng reads no kanji.
const VOICES: Record<string, string> = {
	en: 'en-us',
	'en-gb': 'en-gb',
	es: 'es',
	'es-419': 'es-419',
	'es-mx': 'es-419',
	de: 'de',
	fr: 'fr',
	pt: 'pt-br',
	'pt-pt': 'pt',
	it: 'it',
	zh: 'cmn-latn-pinyin',
	cmn: 'cmn-latn-pinyin',
	yue: 'yue',
	ar: 'ar',
	hi: 'hi',
	ru: 'ru',
	nl: 'nl',
	pl: 'pl',
	tr: 'tr',
	he: 'he',
	ko: 'ko',
	vi: 'vi',
};

/** The espeak-ng voice for a BCP 47 tag ("pt-PT" -> "pt", "zh-CN" -> Mandarin), or null. */
export const espeakVoiceFor = (language: string): string | null => {
	const lower = language.toLowerCase();
	const primary = lower.split('-')[0] ?? '';
	return VOICES[lower] ?? VOICES[primary] ?? null;
};

export type EspeakVoiceOptions = {
	/** The espeak-ng binary. Default 'espeak-ng' (from PATH). */
	espeakPath?: string;
	/** Speed at rate 1, in words per minute. Default 165 (espeak-ng's own default is 175). */
	wordsPerMinute?: number;
	/** Longest utterance, in characters. Default 240. */
	maxChunkChars?: number;
	/** Boundary snapping to the quietest moment nearby, in ms; 0 turns it off. Default 40. */
	snapMs?: number;
	/**
	 * How words are placed inside a sentence: 'warp' (default) maps the word-gap probe onto the
	 * sentence by dynamic time warping; 'weights' shares the speech by the probe's word lengths.
	 */
	timing?: 'warp' | 'weights';
};

// The timing probe's gap between words (units of 10 ms at espeak-ng's default speed), and the
// shortest silence that counts as such a gap (closures of stop consonants are shorter).
const PROBE_GAP = 30;
const PROBE_SILENCE_MS = 150;

// Punctuation after which espeak-ng (and people) pause.
const PAUSE_AFTER = /[,;:.!?…、，；：。！？—–)»"”'’]$/u;

/**
 * Offline voice for many languages: Debian's espeak-ng, always run as a separate program (it is
 * GPL-3.0; nothing of it is loaded into our process). Its command line gives no word timings, so
 * each sentence is spoken as one utterance and its words are timed from the audio: silences are
 * word boundaries, and between them words share the speech in proportion to their own length,
 * measured by speaking the sentence once more with long gaps between words (phoneme counts from
 * `espeak-ng -x --ipa` when that probe does not split cleanly); each boundary then moves to the
 * quietest moment nearby.
 */
export const createEspeakVoice = (options: EspeakVoiceOptions = {}): VoiceProvider => {
	const espeakPath = options.espeakPath ?? 'espeak-ng';
	const wpm = options.wordsPerMinute ?? 165;
	const maxChunkChars = options.maxChunkChars ?? 240;
	const timing = options.timing ?? 'warp';

	const run = (args: string[], signal?: AbortSignal, cwd?: string) =>
		runProcess({command: espeakPath, args, cwd, signal, timeoutMs: 60_000});
	const check = (r: RunProcessResult, what: string) => {
		if (r.spawnError?.code === 'ENOENT') throw new VoiceUnavailableError(`espeak-ng is not installed (${espeakPath}).`, ESPEAK_INSTALL);
		if (r.spawnError) throw new VoiceSynthesisError(`espeak-ng could not start for ${what}: ${r.spawnError.message}`);
		if (r.timedOut) throw new VoiceSynthesisError(`espeak-ng timed out on ${what}.`);
		if (r.exitCode !== 0) throw new VoiceSynthesisError(`espeak-ng failed on ${what} (exit ${r.exitCode}): ${r.stderr.trim().slice(-300)}`);
	};

	const isAvailable = async (): Promise<VoiceAvailability> => {
		const r = await runProcess({command: espeakPath, args: ['--version'], timeoutMs: 10_000});
		if (r.spawnError)
			return {
				ok: false,
				reason: `espeak-ng is not installed (${espeakPath}: ${r.spawnError.code ?? r.spawnError.message}).`,
				install: ESPEAK_INSTALL,
			};
		if (r.exitCode !== 0) return {ok: false, reason: `espeak-ng does not run (exit ${r.exitCode}).`, install: ESPEAK_INSTALL};
		return {ok: true};
	};

	/**
	 * Phoneme weight of every token and how many words espeak-ng makes of it ("1200" -> 2), from
	 * one run with one token per paragraph.
	 */
	const phonemize = async (
		tokens: ScriptToken[],
		voice: string,
		work: string,
		signal?: AbortSignal,
	): Promise<{weights: number[]; words: number[] | null}> => {
		const file = path.join(work, 'words.txt');
		await writeFile(file, tokens.map((t) => t.text).join('\n\n'), 'utf8');
		const r = await run(['-q', '-b', '1', '-v', voice, '--ipa', '-x', '--sep=.', '-f', file], signal);
		check(r, 'phonemes');
		const lines = r.stdout
			.toString('utf8')
			.split('\n')
			.map((l) => l.trim())
			.filter((l) => l !== '');
		// One line per word is the norm; when espeak splits a word into clauses, count letters.
		if (lines.length !== tokens.length) return {weights: tokens.map((t) => letterWeight(t.text)), words: null};
		return {
			weights: lines.map((l, i) => phonemeWeight(l) || letterWeight(tokens[i]?.text ?? '')),
			words: lines.map((l) => l.split(/\s+/u).filter((w) => w.replace(/[.ˈˌ]/gu, '') !== '').length),
		};
	};

	/**
	 * The sentence spoken again with a long gap between words (`-g` adds silence without changing
	 * the words' own sounds), so every word is a separate stretch of sound: returns that audio and
	 * each token's span in it. Null when the stretches do not match the words espeak-ng reported.
	 */
	const probeWords = async (o: {
		text: string;
		voice: string;
		speed: number;
		wordCounts: number[];
		work: string;
		index: number;
		signal?: AbortSignal;
	}): Promise<{wav: PcmWav; spans: Interval[]} | null> => {
		const textFile = path.join(o.work, `probe-${o.index}.txt`);
		const wavFile = path.join(o.work, `probe-${o.index}.wav`);
		await writeFile(textFile, o.text, 'utf8');
		check(
			await run(['-b', '1', '-v', o.voice, '-s', String(o.speed), '-g', String(PROBE_GAP), '-w', wavFile, '-f', textFile], o.signal),
			'word probe',
		);
		const wav = await readWav(wavFile);
		const stretches = speechActivity(wav, {minSilenceMs: PROBE_SILENCE_MS}).speech;
		if (stretches.length !== o.wordCounts.reduce((a, b) => a + b, 0)) return null;
		let k = 0;
		const spans = o.wordCounts.map((count) => {
			const first = stretches[k]!;
			k += Math.max(1, count);
			return {startMs: first.startMs, endMs: stretches[k - 1]!.endMs};
		});
		return {wav, spans};
	};

	const synthesize = async (opts: SynthesizeOptions): Promise<SynthesisResult> => {
		const rate = opts.rate ?? 1;
		if (!(rate >= 0.5 && rate <= 2)) throw new VoiceSynthesisError(`rate must be between 0.5 and 2, got ${rate}.`);
		const voice = espeakVoiceFor(opts.language);
		if (!voice) throw new VoiceSynthesisError(`espeak-ng has no voice for "${opts.language}".`);
		const tokens = tokenizeScript(opts.text, opts.language);
		const chunks = chunkTokens(opts.text, tokens, {language: opts.language, maxChars: maxChunkChars});
		return withWorkDir('promptreel-espeak-', async (work) => {
			const speed = Math.round(wpm * rate);
			const phonemes = tokens.length > 0 ? await phonemize(tokens, voice, work, opts.signal) : {weights: [], words: null};
			const indexOf = new Map(tokens.map((t, i) => [t, i]));
			const timed: SpokenChunk[] = [];
			for (const [index, chunk] of chunks.entries()) {
				const first = chunk[0];
				const last = chunk[chunk.length - 1];
				if (!first || !last) continue;
				const textFile = path.join(work, `chunk-${index}.txt`);
				const wavFile = path.join(work, `chunk-${index}.wav`);
				await writeFile(textFile, opts.text.slice(first.start, last.end), 'utf8');
				check(
					await run(['-b', '1', '-v', voice, '-s', String(speed), '-w', wavFile, '-f', textFile], opts.signal),
					`sentence ${index + 1}`,
				);
				const wav = await readWav(wavFile);
				const at = chunk.map((t) => indexOf.get(t) ?? 0);
				const counts = phonemes.words ? at.map((i) => phonemes.words?.[i] ?? 1) : null;
				const probe = counts?.every((c) => c > 0)
					? await probeWords({
							text: opts.text.slice(first.start, last.end),
							voice,
							speed,
							wordCounts: counts,
							work,
							index,
							signal: opts.signal,
						})
					: null;
				const activity = speechActivity(wav);
				const warped =
					probe && timing === 'warp'
						? warpBoundaries({probe: probe.wav, probeWords: probe.spans, target: wav, targetSpeech: activity.speech})
						: [];
				const spans =
					warped.length === chunk.length
						? warped
						: alignPhraseWords({
								words: chunk.map((t, i) => ({
									weight: probe ? (probe.spans[i]?.endMs ?? 0) - (probe.spans[i]?.startMs ?? 0) : (phonemes.weights[at[i] ?? 0] ?? 1),
									pauseAfter: i < chunk.length - 1 && PAUSE_AFTER.test(t.text),
								})),
								activity,
								snapMs: options.snapMs ?? 40,
							});
				timed.push({wav, texts: chunk.map((t) => t.text), spans});
			}
			return joinWavChunks({
				chunks: timed,
				outFile: opts.outFile,
				silenceFormat: {sampleRate: 22_050, channels: 1, bitsPerSample: 16},
				formatError: () => new VoiceSynthesisError('espeak-ng wrote sentences in different wav formats.'),
			});
		});
	};

	return {
		id: 'espeak',
		name: 'eSpeak NG (separate process)',
		languages: [...new Set(Object.keys(VOICES).map((k) => k.split('-')[0]!))],
		voice: `espeak-ng@${wpm}wpm`,
		license: 'GPL-3.0 (espeak-ng, run as a separate program)',
		isAvailable,
		synthesize,
	};
};
