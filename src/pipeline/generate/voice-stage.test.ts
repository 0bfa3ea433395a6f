import {mkdtempSync, rmSync} from 'node:fs';
import {availableParallelism, tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import type {PlannedScene} from '../plan';
import type {VoiceProvider} from '../voice';
import {toneVoice} from '../../../test/support/tone-voice';
import {startRun} from './start-run';
import {voiceStage} from './voice-stage';

const work = mkdtempSync(join(tmpdir(), 'promptreel-voice-stage-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

/** The tone test voice, pausing 300 ms per scene so that scenes spoken side by side overlap; it counts how many are spoken at once. */
const countingVoice = () => {
	const tone = toneVoice({id: 'counting', license: 'test'}).provider;
	let active = 0;
	const seen = {maxActive: 0, calls: 0};
	const provider: VoiceProvider = {
		...tone,
		synthesize: async (o) => {
			active += 1;
			seen.calls += 1;
			seen.maxActive = Math.max(seen.maxActive, active);
			try {
				await new Promise((r) => setTimeout(r, 300));
				return await tone.synthesize(o);
			} finally {
				active -= 1;
			}
		},
	};
	return {provider, seen};
};

const scene = (id: string, narration: string): PlannedScene => ({
	id,
	narration,
	title: id,
	text: null,
	keywords: [],
	estimatedDurationMs: 1000,
	itemNumber: null,
});

describe('voicing stage', () => {
	it('speaks scenes side by side, one per core, and keeps them in scene order', async () => {
		const {provider, seen} = countingVoice();
		const progress: number[] = [];
		const run = await startRun({
			command: 'generate',
			prompt: 'Four scenes of different lengths',
			options: {lang: 'en', voice: 'counting'},
			onProgress: (p) => p.stage === 'voicing' && progress.push(p.progress),
		});
		// Word counts 4, 1, 3, 2: a scene's length says which narration it is.
		const scenes = [scene('a', 'one two three four'), scene('b', 'one'), scene('c', 'one two three'), scene('d', 'one two')];
		const out = join(work, 'out');
		const voiced = await voiceStage(run, {
			scenes,
			outDir: out,
			mediaDir: join(out, 'media'),
			dataDir: join(work, 'data'),
			voiceProviders: [provider],
		});
		expect(seen.calls).toBe(4);
		expect(seen.maxActive).toBe(Math.min(4, availableParallelism()));
		expect(voiced.scenes.map((s) => s.words.length)).toEqual([4, 1, 3, 2]);
		expect(voiced.scenes.map((s) => s.audio)).toEqual(['a', 'b', 'c', 'd'].map((id) => `media/narration-${id}.mp3`));
		expect(voiced.scenes.every((s) => s.provider === 'counting')).toBe(true);
		expect(voiced.credits).toHaveLength(1);
		expect(run.report.providers.voicing).toBe('counting');
		// Progress rises scene by scene to the end.
		expect(progress.at(-1)).toBe(1);
		expect(progress).toEqual([...progress].sort((a, b) => a - b));
	});
});
