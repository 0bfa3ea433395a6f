import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {alignTokenTimings} from './align-token-timings';
import {joinWavChunks, type SpokenChunk} from './join-wav-chunks';
import {withWorkDir} from './with-work-dir';
import {buildFestivalScript, parseFestivalOutput} from './festival-script';
import {runProcess} from './run-process';
import {toFestivalText} from './to-festival-text';
import {chunkTokens, tokenizeScript, tokenKey} from './tokenize-script';
import {VoiceSynthesisError, VoiceUnavailableError} from './voice-errors';
import type {SynthesisResult, SynthesizeOptions, VoiceAvailability, VoiceProvider} from './voice-provider';
import {readWav} from './wav-file';

export const FESTIVAL_INSTALL = 'apt-get install festival festvox-us-slt-hts';

export type FestivalVoiceOptions = {
	/** The festival binary. Default 'festival' (from PATH). */
	festivalPath?: string;
	/** Festival voice function without parentheses. Default 'voice_cmu_us_slt_arctic_hts'. */
	voice?: string;
	/** Longest utterance handed to Festival, in characters. Default 400. */
	maxChunkChars?: number;
	/** Kill Festival after this long. Default 30 s plus 40 ms per character. */
	timeoutMs?: number;
};

/**
 * The offline English voice: Debian's Festival with the CMU SLT HTS voice (BSD-like licence),
 * run as a separate process. Each sentence is its own utterance (faster and lighter than one long
 * utterance); word times come from Festival's own segment times and map back to the script's words.
 */
export const createFestivalVoice = (options: FestivalVoiceOptions = {}): VoiceProvider => {
	const festivalPath = options.festivalPath ?? 'festival';
	const voice = options.voice ?? 'voice_cmu_us_slt_arctic_hts';
	const maxChunkChars = options.maxChunkChars ?? 400;
	const voiceName = voice.replace(/^voice_/, '');

	const isAvailable = async (): Promise<VoiceAvailability> => {
		const probe = await runProcess({
			command: festivalPath,
			// Arguments in parentheses are Scheme; festival exits 0 even on errors, so look for a marker.
			args: ['-b', `(if (member_string "${voiceName}" (voice.list)) (format t "@@OK\\n"))`],
			timeoutMs: 15_000,
		});
		if (probe.spawnError) {
			return {
				ok: false,
				reason: `Festival is not installed (${festivalPath}: ${probe.spawnError.code ?? probe.spawnError.message}).`,
				install: FESTIVAL_INSTALL,
			};
		}
		if (!probe.stdout.toString('latin1').includes('@@OK')) {
			return {ok: false, reason: `Festival has no voice "${voiceName}".`, install: FESTIVAL_INSTALL};
		}
		return {ok: true};
	};

	const synthesize = async (opts: SynthesizeOptions): Promise<SynthesisResult> => {
		const rate = opts.rate ?? 1;
		if (!(rate >= 0.5 && rate <= 2)) {
			throw new VoiceSynthesisError(`rate must be between 0.5 and 2, got ${rate}.`);
		}
		const tokens = tokenizeScript(opts.text, opts.language);
		const chunks = chunkTokens(opts.text, tokens, {language: opts.language, maxChars: maxChunkChars});
		return withWorkDir('promptreel-festival-', async (work) => {
			const spoken = chunks
				.map((c, index) => ({
					index,
					tokens: c,
					text: c
						.map((t) => toFestivalText(t.text))
						.join(' ')
						.trim(),
				}))
				.filter((c) => c.text !== '');
			const script = buildFestivalScript({
				voice,
				rate,
				chunks: spoken.map((c) => ({text: c.text, wavFile: `chunk-${c.index}.wav`})),
			});
			await writeFile(path.join(work, 'script.scm'), script, 'latin1');
			const run = await runProcess({
				command: festivalPath,
				args: ['-b', 'script.scm'],
				cwd: work,
				signal: opts.signal,
				timeoutMs: options.timeoutMs ?? 30_000 + opts.text.length * 40,
			});
			const stdout = run.stdout.toString('latin1');
			const fail = (why: string) => new VoiceSynthesisError(`Festival failed: ${why}. ${(run.stderr + stdout).trim().slice(-500)}`);
			if (run.spawnError?.code === 'ENOENT') {
				throw new VoiceUnavailableError(`Festival is not installed (${festivalPath}).`, FESTIVAL_INSTALL);
			}
			if (run.spawnError) throw fail(`cannot start ${festivalPath} (${run.spawnError.code})`);
			if (run.timedOut) throw fail('timed out');
			if (run.exitCode !== 0) throw fail(`exit code ${run.exitCode}`);
			const parsed = parseFestivalOutput(stdout);

			const spokenByIndex = new Map(spoken.map((c) => [c.index, c]));
			const timed: SpokenChunk[] = [];
			for (const [index, chunk] of chunks.entries()) {
				if (!spokenByIndex.has(index)) {
					// Nothing Festival can say (no Latin letters): keep the words, zero length.
					timed.push({wav: null, texts: chunk.map((t) => t.text), spans: []});
					continue;
				}
				const engine = parsed.get(index);
				if (!engine) throw fail(`no output for sentence ${index + 1} ("${spokenByIndex.get(index)?.text.slice(0, 60)}")`);
				const wav = await readWav(path.join(work, `chunk-${index}.wav`));
				const spans = alignTokenTimings(
					chunk.map((t) => tokenKey(toFestivalText(t.text))),
					engine,
				);
				timed.push({wav, texts: chunk.map((t) => t.text), spans});
			}
			// Nothing Festival can pronounce (e.g. only emoji or CJK): a short silence, not a failure.
			return joinWavChunks({
				chunks: timed,
				outFile: opts.outFile,
				silenceFormat: {sampleRate: 32_000, channels: 1, bitsPerSample: 16},
				formatError: () => fail('utterances came out in different wav formats'),
			});
		});
	};

	return {
		id: 'festival',
		name: 'Festival (CMU US SLT, HTS)',
		languages: ['en'],
		voice: voiceName,
		license: 'EST-2003 (BSD-like), CMU ARCTIC / HTS',
		isAvailable,
		synthesize,
	};
};
