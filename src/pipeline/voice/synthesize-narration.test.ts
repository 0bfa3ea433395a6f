import {mkdtemp, readFile, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createFestivalVoice} from './festival-voice';
import {measureLoudness} from './measure-loudness';
import {synthesizeNarration} from './synthesize-narration';
import {UnknownVoiceError} from './voice-errors';
import {listVoices} from './voice-registry';
import {toneVoice as fakeVoice} from '../../../test/support/tone-voice';

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'promptreel-narration-test-'));
});
afterAll(async () => {
	await rm(dir, {recursive: true, force: true});
});

// Real Festival, no fakes, never skipped: scripts/setup.sh installs it (README, .ci/run).
describe('synthesizeNarration', () => {
	it('has Festival installed (apt-get install festival festvox-us-slt-hts, done by scripts/setup.sh)', async () => {
		expect(await createFestivalVoice().isAvailable()).toEqual({ok: true});
	});

	it('speaks with Festival, normalised to -16 LUFS, as a small mp3', async () => {
		const r = await synthesizeNarration({
			text: 'Volcanoes form where magma rises. Over thousands of years, ash builds a mountain.',
			outFile: path.join(dir, 'festival', 'narration.mp3'),
			cacheDir: path.join(dir, 'cache'),
		});
		expect(r.provider).toBe('festival');
		expect(r.warnings).toEqual([]);
		expect(r.license).toContain('BSD');
		const m = await measureLoudness({file: r.audioFile!});
		const size = (await stat(r.audioFile!)).size;
		console.log(
			`festival narration: ${m.integratedLufs?.toFixed(2)} LUFS, true peak ${m.truePeakDb?.toFixed(2)} dBTP, ${(r.durationMs / 1000).toFixed(2)} s, ${(size / 1024).toFixed(0)} KiB`,
		);
		expect(Math.abs(m.integratedLufs! + 16)).toBeLessThanOrEqual(1.5);
		expect(r.words).toHaveLength(13);
		expect(r.words.at(-1)!.endMs).toBeLessThanOrEqual(r.durationMs);
	});

	it('returns a cache hit without synthesising again', async () => {
		const {provider, calls} = fakeVoice();
		const opts = {text: 'one two three', voice: 'fake', providers: [provider], cacheDir: path.join(dir, 'cache')};
		const first = await synthesizeNarration({...opts, outFile: path.join(dir, 'a', 'n.mp3')});
		const second = await synthesizeNarration({...opts, outFile: path.join(dir, 'b', 'n.mp3')});
		expect(calls.synthesize).toBe(1);
		expect(first.cached).toBe(false);
		expect(second.cached).toBe(true);
		expect(second.words).toEqual(first.words);
		expect(second.durationMs).toBe(first.durationMs);
		expect(await readFile(second.audioFile!)).toEqual(await readFile(first.audioFile!));
		await synthesizeNarration({...opts, rate: 1.2, outFile: path.join(dir, 'c', 'n.mp3')});
		expect(calls.synthesize).toBe(2);
	});

	it('gives reading-speed timings and no audio for voice "none"', async () => {
		const {provider, calls} = fakeVoice();
		const r = await synthesizeNarration({
			text: 'Lava cools. It forms rock.',
			voice: 'none',
			providers: [provider],
			outFile: path.join(dir, 'none.mp3'),
		});
		expect(r).toMatchObject({audioFile: null, provider: 'none', warnings: []});
		expect(r.words.map((w) => w.text)).toEqual(['Lava', 'cools.', 'It', 'forms', 'rock.']);
		expect(r.durationMs).toBeGreaterThan(1000);
		expect(calls.synthesize).toBe(0);
	});

	it('falls back to reading speed with a warning naming the package when Festival is missing', async () => {
		const missing = createFestivalVoice({festivalPath: path.join(dir, 'no-festival')});
		const r = await synthesizeNarration({text: 'Hello there.', voice: 'festival', providers: [missing], outFile: path.join(dir, 'm.mp3')});
		expect(r.audioFile).toBeNull();
		expect(r.provider).toBe('none');
		expect(r.words).toHaveLength(2);
		expect(r.warnings.join(' ')).toContain('apt-get install festival festvox-us-slt-hts');
		const {provider} = fakeVoice({isAvailable: async () => ({ok: false, reason: 'Fake is off.', install: 'apt-get install fake'})});
		const f = await synthesizeNarration({text: 'Hi.', voice: 'fake', providers: [provider], outFile: path.join(dir, 'f.mp3')});
		expect(f.warnings[0]).toContain('apt-get install fake');
	});

	it('falls back with a warning for a language the voice does not speak', async () => {
		const {provider, calls} = fakeVoice();
		const r = await synthesizeNarration({
			text: 'Hola a todos.',
			language: 'es',
			voice: 'fake',
			providers: [provider],
			outFile: path.join(dir, 'es.mp3'),
		});
		expect(r.audioFile).toBeNull();
		expect(r.warnings[0]).toContain('"es"');
		expect(calls.synthesize).toBe(0);
	});

	it('rejects an unknown voice, listing the valid ids', async () => {
		const {provider} = fakeVoice();
		const p = synthesizeNarration({text: 'Hi.', voice: 'nope', providers: [provider], outFile: path.join(dir, 'x.mp3')});
		await expect(p).rejects.toBeInstanceOf(UnknownVoiceError);
		await expect(p).rejects.toThrow('Valid voices: fake, none.');
	});

	it('lists voices with their availability', async () => {
		const voices = await listVoices({providers: [createFestivalVoice(), createFestivalVoice({festivalPath: '/nonexistent/festival'})]});
		expect(voices.map((v) => [v.id, v.available])).toEqual([
			['festival', true],
			['festival', false],
			['none', true],
		]);
		expect(voices[1]!.install).toContain('festvox-us-slt-hts');
	});
});
