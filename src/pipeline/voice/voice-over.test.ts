import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {speechActivity} from './speech-activity';
import {tokenizeScript} from './tokenize-script';
import {voiceOverNarrations, VoiceOverError} from './voice-over';
import {readWav} from './wav-file';

const dir = mkdtempSync(join(tmpdir(), 'promptreel-voiceover-test-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** A "recording": espeak-ng speaking text, converted to mp3 like a phone memo. */
const record = (text: string, name: string): string => {
	const wav = join(dir, `${name}.wav`);
	const mp3 = join(dir, `${name}.mp3`);
	execFileSync('espeak-ng', ['-v', 'es', '-s', '150', '-w', wav, text]);
	execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', wav, '-c:a', 'libmp3lame', '-b:a', '96k', mp3]);
	return mp3;
};

const scenes = [
	{id: 's1', narration: 'Los volcanes se forman donde el magma sube por la corteza.'},
	{id: 's2', narration: 'La lava se enfría y forma roca nueva. Con los años, la lluvia y el viento la convierten en tierra fértil.'},
];

describe('voiceOverNarrations (real audio through ffmpeg)', () => {
	it('cuts one recording of the whole script between scenes and times every word', async () => {
		const file = record(`${scenes[0]!.narration} ${scenes[1]!.narration}`, 'whole');
		const out = join(dir, 'out-whole');
		mkdirSync(out);
		const r = await voiceOverNarrations({source: file, scenes, language: 'es', outDir: out});
		expect(r.timing).toBe('speech-spread');
		expect(r.warnings.filter((w) => /shorter/.test(w))).toEqual([]);
		for (const [i, s] of r.scenes.entries()) {
			expect(s.audioFile).toMatch(/voiceover-s\d\.mp3$/);
			expect(s.words.map((w) => w.text)).toEqual(tokenizeScript(scenes[i]!.narration, 'es').map((t) => t.text));
			expect(s.words.at(-1)!.endMs).toBeLessThanOrEqual(s.durationMs);
		}
		// Scene 2's file starts with a short pause, then its first word.
		const second = r.scenes[1]!;
		const wav = join(dir, 's2.wav');
		execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', second.audioFile!, '-ac', '1', '-c:a', 'pcm_s16le', wav]);
		const onset = speechActivity(await readWav(wav)).speech[0]!.startMs;
		expect(Math.abs(second.words[0]!.startMs - onset)).toBeLessThan(60);
	});

	it('warns about a recording shorter than its script, and its captions stop with the voice', async () => {
		const file = record(scenes[0]!.narration, 'short');
		const out = join(dir, 'out-short');
		mkdirSync(out);
		const r = await voiceOverNarrations({source: file, scenes, language: 'es', outDir: out});
		expect(r.warnings.some((w) => /shorter than the script/.test(w))).toBe(true);
		const heard = r.scenes.flatMap((s) => s.words);
		expect(heard.length).toBeLessThan(tokenizeScript(`${scenes[0]!.narration} ${scenes[1]!.narration}`, 'es').length);
		expect(r.scenes[1]!.words.length).toBeLessThan(3);
		for (const s of r.scenes) for (const w of s.words) expect(w.endMs).toBeLessThanOrEqual(s.durationMs + 1);
	});

	it('takes one file per scene from a folder, in name order, and uses an injected transcriber', async () => {
		const folder = join(dir, 'takes');
		mkdirSync(folder);
		execFileSync('cp', [record(scenes[1]!.narration, 'b'), join(folder, '02-end.mp3')]);
		execFileSync('cp', [record(scenes[0]!.narration, 'a'), join(folder, '01-start.mp3')]);
		const out = join(dir, 'out-folder');
		mkdirSync(out);
		const calls: string[] = [];
		const r = await voiceOverNarrations({
			source: folder,
			scenes,
			language: 'es',
			outDir: out,
			transcribe: async ({file, script}) => {
				calls.push(file);
				return {words: tokenizeScript(script, 'es').map((t, i) => ({text: t.text, startMs: 100 + i * 200, endMs: 280 + i * 200}))};
			},
		});
		expect(r.timing).toBe('transcript');
		expect(calls.map((c) => c.split('/').pop())).toEqual(['01-start.mp3', '02-end.mp3']);
		expect(r.scenes[0]!.words[0]).toMatchObject({text: 'Los', startMs: 100});
	});

	it('rejects a missing path or a non-audio file as bad input', async () => {
		await expect(voiceOverNarrations({source: join(dir, 'nope.mp3'), scenes, language: 'es', outDir: dir})).rejects.toBeInstanceOf(
			VoiceOverError,
		);
		const empty = join(dir, 'empty');
		mkdirSync(empty);
		await expect(voiceOverNarrations({source: empty, scenes, language: 'es', outDir: dir})).rejects.toThrow(/no audio files/);
	});
});
