import {execFileSync, spawnSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {speechActivity} from '../../src/pipeline/voice/speech-activity';
import {readWav} from '../../src/pipeline/voice/wav-file';

/** Whether the oracle can run here: python3 with ctypes and libespeak-ng. */
export const oracleAvailable = (): boolean =>
	spawnSync('python3', ['-c', 'import ctypes; ctypes.CDLL("libespeak-ng.so.1")'], {encoding: 'utf8'}).status === 0;

export type OracleWord = {char: number; onsetMs: number};

/**
 * espeak-ng's own word events for one utterance (the test oracle; see espeak-word-events.py),
 * each moved to the first sound at or after it: an event inside a pause marks the pause's start.
 */
export const oracleWords = async (o: {voice: string; wpm: number; text: string; dir: string}): Promise<OracleWord[]> => {
	const textFile = join(o.dir, 'oracle.txt');
	const wavFile = join(o.dir, 'oracle.wav');
	writeFileSync(textFile, o.text, 'utf8');
	const out = execFileSync('python3', [join(__dirname, 'espeak-word-events.py'), o.voice, String(o.wpm), textFile, wavFile], {
		encoding: 'utf8',
	});
	const parsed = JSON.parse(out) as {words: {char: number; ms: number}[]};
	const activity = speechActivity(await readWav(wavFile), {minSilenceMs: 30});
	return parsed.words.map((w) => {
		const inside = activity.speech.find((s) => w.ms >= s.startMs && w.ms < s.endMs);
		const next = activity.speech.find((s) => s.startMs >= w.ms);
		return {char: w.char, onsetMs: inside ? w.ms : (next?.startMs ?? w.ms)};
	});
};
