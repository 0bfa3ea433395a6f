import {describe, expect, it} from 'vitest';
import {ASPECTS, computeTimeline, frameSize, storyboardSchema} from './storyboard';
import {templates} from './registry';
import {validateTemplateOptions} from './validate-template-options';

const run = (template: (typeof templates)[number], props: unknown) =>
	template.calculateMetadata({
		props: props as never,
		defaultProps: props as never,
		abortSignal: new AbortController().signal,
		compositionId: template.id,
		isRendering: true,
	});

describe('every template of the registry and its samples', () => {
	it('has unique ids, a description, and samples at all three aspects', () => {
		expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
		for (const t of templates) {
			expect(t.description.length, t.id).toBeGreaterThan(40);
			expect(new Set(Object.values(t.samples).map((s) => s.format.aspect)), t.id).toEqual(new Set(ASPECTS));
		}
	});

	for (const template of templates) {
		for (const [name, sample] of Object.entries(template.samples)) {
			it(`${template.id}/${name}: parses, targets its template, and its options validate with no warning`, () => {
				expect(storyboardSchema.parse(sample)).toEqual(sample);
				expect(sample.template).toBe(template.id);
				const check = validateTemplateOptions(sample);
				expect(check.issues).toEqual([]);
				expect(check.warnings).toEqual([]);
				expect(template.templateOptionsSchema.parse(sample.templateOptions)).toEqual(check.options);
			});

			it(`${template.id}/${name}: calculateMetadata takes size and length from the storyboard through computeTimeline`, async () => {
				const meta = await run(template, sample);
				expect({width: meta.width, height: meta.height}).toEqual(frameSize(sample.format));
				expect(meta.durationInFrames).toBe(computeTimeline(sample).durationInFrames);
				expect(meta.fps).toBe(sample.format.fps);
			});
		}

		it(`${template.id}: every option has a default (an empty templateOptions is valid)`, () => {
			expect(() => template.templateOptionsSchema.parse({})).not.toThrow();
		});

		it(`${template.id}: calculateMetadata refuses a bad option value, naming its path`, async () => {
			const [first] = Object.values(template.samples);
			const key = Object.keys(template.templateOptionsSchema.shape)[0] ?? '';
			expect(first, 'a sample').toBeDefined();
			expect(key, 'an option').not.toBe('');
			await expect(async () => run(template, {...first, templateOptions: {[key]: {not: 'valid'}}})).rejects.toThrow(
				`templateOptions.${key}`,
			);
		});
	}
});
