import {describe, expect, it} from 'vitest';
import {ASPECTS, RESOLUTIONS, computeTimeline, storyboardSchema, type StoryboardInput} from '../../storyboard';
import {calculateExplainerMetadata} from './calculate-metadata';
import {findTemplate} from '../../registry';

const run = (props: StoryboardInput) =>
	calculateExplainerMetadata({
		props,
		defaultProps: props,
		abortSignal: new AbortController().signal,
		compositionId: 'explainer',
		isRendering: true,
	});

const minimal: StoryboardInput = {
	title: 'Test',
	scenes: [
		{id: 'a', narration: {text: 'Hello.'}, visual: {kind: 'procedural'}, durationMs: 2000, transition: {type: 'fade', durationMs: 400}},
		{
			id: 'b',
			narration: {text: 'World.'},
			visual: {kind: 'procedural', style: 'grid'},
			durationMs: 1700,
			transition: {type: 'slide', durationMs: 300},
		},
	],
};

describe('calculateExplainerMetadata', () => {
	for (const aspect of ASPECTS) {
		for (const resolution of RESOLUTIONS) {
			it(`gives even dimensions of the right shape for ${aspect} at ${resolution}`, async () => {
				const meta = await run({...minimal, format: {aspect, resolution, fps: 30}});
				const {width = 0, height = 0} = meta;
				expect(width % 2).toBe(0);
				expect(height % 2).toBe(0);
				expect(Math.min(width, height)).toBe(Number.parseInt(resolution, 10));
				if (aspect === '16:9') expect(width).toBeGreaterThan(height);
				if (aspect === '9:16') expect(height).toBeGreaterThan(width);
				if (aspect === '1:1') expect(width).toBe(height);
			});
		}
	}

	it('takes fps and duration from the timeline, and returns the parsed storyboard', async () => {
		const meta = await run({...minimal, format: {fps: 25}});
		const parsed = storyboardSchema.parse({...minimal, format: {fps: 25}});
		expect(meta.fps).toBe(25);
		expect(meta.durationInFrames).toBe(computeTimeline(parsed).durationInFrames);
		// 2000 + 1700 + 2500 (end card) - 400 - 300 overlap = 5500 ms
		expect(meta.durationInFrames).toBe(Math.round(5.5 * 25));
		expect(meta.props).toEqual(parsed);
	});

	it('rejects props that are not a storyboard, naming the field', async () => {
		await expect(async () => run({...minimal, scenes: []})).rejects.toThrow(/scenes/);
	});

	it.each([
		['landscape', 1920, 1080],
		['portrait', 1080, 1920],
		['square', 1080, 1080],
	])('the %s sample (parsed by the registry) lasts 8 to 11 s', async (name, width, height) => {
		const sample = findTemplate('explainer')?.samples[name];
		if (!sample) throw new Error(`no sample ${name}`);
		const meta = await run(sample);
		expect([meta.width, meta.height]).toEqual([width, height]);
		const seconds = (meta.durationInFrames ?? 0) / (meta.fps ?? 30);
		expect(seconds).toBeGreaterThanOrEqual(8);
		expect(seconds).toBeLessThanOrEqual(11);
	});
});
