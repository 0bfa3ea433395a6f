import {describe, expect, it} from 'vitest';
import {templates} from '../../compositions/registry';
import {computeTimeline, frameSize} from '../../compositions/storyboard';
import {resolveComposition} from './resolve-composition';

describe('resolveComposition (in Node, no browser)', () => {
	it.each(templates.map((t) => [t.id, t] as const))('%s: size, fps and length from the storyboard, props parsed', async (id, template) => {
		const sample = Object.values(template.samples).at(-1)!;
		const c = await resolveComposition({templateId: id, inputProps: sample});
		expect(c).toMatchObject({
			id,
			fps: sample.format.fps,
			durationInFrames: computeTimeline(sample).durationInFrames,
			...frameSize(sample.format),
		});
		expect(c.props).toEqual(sample);
		expect(c.defaultProps).toEqual(Object.values(template.samples)[0]);
	});

	it('names the valid templates for an unknown id, and the option path for a bad option', async () => {
		const sample = Object.values(templates[0]!.samples)[0]!;
		await expect(resolveComposition({templateId: 'nope', inputProps: sample})).rejects.toThrow(/Unknown template "nope".*explainer/s);
		await expect(
			resolveComposition({templateId: templates[0]!.id, inputProps: {...sample, templateOptions: {titlePlacement: 'sideways'}}}),
		).rejects.toThrow(/Invalid options for template "explainer": templateOptions\.titlePlacement/);
	});
});
