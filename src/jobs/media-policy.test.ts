import {describe, expect, it} from 'vitest';
import {storyboardSchema} from '../compositions/storyboard';
import {ValidationError} from '../pipeline/errors';
import {assertRemoteMediaOnly} from './media-policy';

const storyboard = (visualSrc: string, audio: string | null, music: string | null) =>
	storyboardSchema.parse({
		title: 't',
		scenes: [
			{id: 'a', narration: {text: '', audio}, visual: {kind: 'image', src: visualSrc}, durationMs: 1000},
			{id: 'b', narration: {text: ''}, visual: {kind: 'procedural', icon: 'icons/x.svg'}, durationMs: 1000},
		],
		music: music ? {src: music, durationMs: 1000} : null,
	});

describe('assertRemoteMediaOnly', () => {
	it('accepts https media and procedural scenes without icons', () => {
		const sb = storyboard('https://example.com/a.jpg', 'https://example.com/a.mp3', 'https://example.com/m.mp3');
		sb.scenes[1]!.visual = {kind: 'procedural', style: 'orbs', icon: null, extraIcons: []};
		expect(() => assertRemoteMediaOnly(sb)).not.toThrow();
	});

	it('refuses every local path (and plain http), naming each', () => {
		try {
			assertRemoteMediaOnly(storyboard('media/a.jpg', 'http://example.com/a.mp3', 'music/calm.mp3'));
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(ValidationError);
			expect((error as ValidationError).issues.map((i) => i.path)).toEqual([
				'storyboard.scenes.0.visual.src',
				'storyboard.scenes.0.narration.audio',
				'storyboard.scenes.1.visual.icon',
				'storyboard.music.src',
			]);
			expect((error as ValidationError).message).toContain('"media/a.jpg"');
		}
	});
});
