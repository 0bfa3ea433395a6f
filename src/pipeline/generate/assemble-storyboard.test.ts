import {describe, expect, it} from 'vitest';
import {assembleStoryboard, VOICED_SCENE_FLOOR_MS} from './assemble-storyboard';
import type {RunOptions} from './run-options';

const options: RunOptions = {
	template: 'explainer',
	aspect: '16:9',
	fps: 30,
	durationSec: null,
	lang: 'en',
	voice: 'none',
	voiceover: null,
	rate: 1,
	music: 'none',
	quality: 'draft',
	seed: 1,
};
const plannedScene = (id: string, narration: string) => ({
	id,
	narration,
	title: id,
	text: null,
	keywords: ['rock'],
	estimatedDurationMs: 2500,
	itemNumber: null,
});
const procedural = {kind: 'procedural' as const, style: 'orbs' as const, icon: null, extraIcons: [] as string[]};

describe('assembleStoryboard', () => {
	it('times each scene by its voiced narration, never shorter than the voiced-scene floor', () => {
		const sb = assembleStoryboard({
			plan: {
				title: 'Rocks',
				template: 'explainer',
				musicMood: 'calm',
				scenes: [plannedScene('short', 'Hi.'), plannedScene('long', 'Lava cools into new rock.')],
			},
			options,
			voiced: [
				{audio: null, durationMs: 300, words: [{text: 'Hi.', startMs: 0, endMs: 300}]},
				{audio: 'media/narration-long.mp3', durationMs: 4000, words: [{text: 'Lava', startMs: 0, endMs: 500}]},
			],
			visuals: [procedural, procedural],
			music: null,
			credits: [],
		});
		const [short, long] = sb.scenes;
		expect(short!.durationMs).toBe(VOICED_SCENE_FLOOR_MS);
		// Lead-in (a share of the previous transition), the speech, then the transition and a breath.
		expect(long!.durationMs).toBe(long!.narration.offsetMs + 4000 + 700);
		expect(long!.narration).toMatchObject({audio: 'media/narration-long.mp3', text: 'Lava cools into new rock.'});
		expect(long!.captions[0]).toMatchObject({startMs: long!.narration.offsetMs});
	});
});
