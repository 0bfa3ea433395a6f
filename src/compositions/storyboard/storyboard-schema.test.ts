import {describe, expect, it} from 'vitest';
import {storyboardSchema} from './storyboard-schema';
import {frameSize} from './dimensions';
import {ASPECTS, RESOLUTIONS} from './storyboard-schema';

const minimal = {
	title: 'Minimal',
	scenes: [{id: 'one', narration: {text: 'Hello'}, visual: {kind: 'procedural'}, durationMs: 3000}],
};

const withScene = (patch: Record<string, unknown>) => ({...minimal, scenes: [{...minimal.scenes[0], ...patch}]});

describe('storyboardSchema', () => {
	it('fills defaults for a minimal storyboard', () => {
		const sb = storyboardSchema.parse(minimal);
		expect(sb.format).toEqual({aspect: '16:9', resolution: '1080p', fps: 30});
		expect(sb.template).toBe('explainer');
		expect(sb.language).toBe('en');
		expect(sb.scenes[0]!.transition.type).toBe('fade');
		expect(sb.endCard.enabled).toBe(true);
	});

	const accepted: [string, unknown][] = [
		['an https image', withScene({visual: {kind: 'image', src: 'https://example.com/a.jpg'}})],
		['a relative video with duration', withScene({visual: {kind: 'video', src: 'media/clip.mp4', durationMs: 2000}})],
		['a portuguese tag', {...minimal, language: 'pt-BR'}],
		['square 720p at 25 fps', {...minimal, format: {aspect: '1:1', resolution: '720p', fps: 25}}],
		['captions with timing', withScene({captions: [{text: 'Hello', startMs: 0, endMs: 400}]})],
		['music bed', {...minimal, music: {src: 'music/calm.mp3', durationMs: 20000}}],
	];
	it.each(accepted)('accepts %s', (_name, input) => {
		expect(storyboardSchema.safeParse(input).success).toBe(true);
	});

	const rejected: [string, unknown, string][] = [
		['no scenes', {...minimal, scenes: []}, 'scenes'],
		['an absolute media path', withScene({visual: {kind: 'image', src: '/etc/passwd'}}), 'scenes.0.visual.src'],
		['a path escaping the folder', withScene({visual: {kind: 'image', src: 'media/../../x.jpg'}}), 'scenes.0.visual.src'],
		['a file: URL', withScene({visual: {kind: 'image', src: 'file:///x.jpg'}}), 'scenes.0.visual.src'],
		['an unknown visual kind', withScene({visual: {kind: 'hologram'}}), 'scenes.0.visual.kind'],
		['a video without its length', withScene({visual: {kind: 'video', src: 'a.mp4'}}), 'scenes.0.visual.durationMs'],
		['a too short scene', withScene({durationMs: 10}), 'scenes.0.durationMs'],
		['a bad colour', {...minimal, theme: {palette: {background: 'red', surface: '#000000', primary: '#000000', accent: '#000000', text: '#000000'}}}, 'theme.palette.background'],
		['an unknown aspect', {...minimal, format: {aspect: '4:3'}}, 'format.aspect'],
		['a bad language tag', {...minimal, language: 'english please'}, 'language'],
		['a caption ending before it starts', withScene({captions: [{text: 'x', startMs: 500, endMs: 100}]}), 'scenes.0.captions.0.endMs'],
		['a transition longer than half a scene', withScene({durationMs: 1000, transition: {type: 'fade', durationMs: 900}}), 'scenes.0.transition.durationMs'],
		['duplicate scene ids', {...minimal, scenes: [minimal.scenes[0], minimal.scenes[0]]}, 'scenes.1.id'],
	];
	it.each(rejected)('rejects %s with the path', (_name, input, path) => {
		const result = storyboardSchema.safeParse(input);
		expect(result.success).toBe(false);
		const paths = result.error!.issues.map((i) => i.path.join('.'));
		expect(paths).toContain(path);
	});
});

describe('frameSize', () => {
	it.each(ASPECTS.flatMap((aspect) => RESOLUTIONS.map((resolution) => [aspect, resolution] as const)))(
		'%s at %s has even sides and the right shape',
		(aspect, resolution) => {
			const {width, height} = frameSize({aspect, resolution});
			expect(width % 2).toBe(0);
			expect(height % 2).toBe(0);
			const ratio = aspect === '16:9' ? 16 / 9 : aspect === '9:16' ? 9 / 16 : 1;
			expect(width / height).toBeCloseTo(ratio, 2);
		},
	);
});
