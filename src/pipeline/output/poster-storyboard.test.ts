import {describe, expect, it} from 'vitest';
import {storyboardSchema, type StoryboardInput} from '../../compositions/storyboard';
import {posterStoryboard} from './poster-storyboard';

const input: StoryboardInput = {
	title: 'From Farm to Cup',
	scenes: [
		{
			id: 'a',
			title: 'Wet beans ferment',
			text: 'in tanks',
			narration: {text: 'Wet beans ferment in tanks.'},
			visual: {kind: 'procedural', style: 'orbs', icon: 'media/emoji-coffee.svg'},
			durationMs: 6000,
			shots: [
				{startMs: 1500, keyPhrase: 'Wet beans'},
				{startMs: 3000, camera: 'zoom-in', keyPhrase: 'tanks'},
			],
		},
		{id: 'b', title: 'Roasting', narration: {text: 'Then they roast.'}, visual: {kind: 'procedural', style: 'grid'}, durationMs: 3000},
	],
};

describe('posterStoryboard (a poster shows the topic, not half a sentence)', () => {
	it('turns captions and shots off and titles the first scene with the video title', () => {
		const sb = storyboardSchema.parse(input);
		const poster = storyboardSchema.parse(posterStoryboard(sb));
		expect(poster.captionStyle.enabled).toBe(false);
		expect(poster.scenes[0]).toMatchObject({
			title: 'From Farm to Cup',
			text: null,
			shots: [],
		});
		expect(poster.scenes[1]).toEqual(sb.scenes[1]);
		// The storyboard itself is unchanged (the video keeps its captions and shots).
		expect(sb.captionStyle.enabled).toBe(true);
		expect(sb.scenes[0]!.shots).toHaveLength(2);
	});
});
