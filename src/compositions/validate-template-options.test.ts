import {describe, expect, it} from 'vitest';
import {z} from 'zod';
import {parseTemplateOptions} from './storyboard';
import {validateTemplateOptions} from './validate-template-options';

describe('validateTemplateOptions', () => {
	it('applies the explainer defaults', () => {
		expect(validateTemplateOptions({template: 'explainer', templateOptions: {}})).toEqual({
			options: {titlePlacement: 'auto', titleStyle: 'underline'},
			warnings: [],
			issues: [],
		});
	});

	it('ignores options the template does not take with a warning at their full path', () => {
		const r = validateTemplateOptions({
			template: 'explainer',
			templateOptions: {titlePlacement: 'bottom', numeralStyle: 'big', titelStyle: 'plain'},
		});
		expect(r.options).toEqual({titlePlacement: 'bottom', titleStyle: 'underline'});
		expect(r.issues).toEqual([]);
		expect(r.warnings.map((w) => [w.code, w.path])).toEqual([
			['TEMPLATE_OPTION_IGNORED', 'templateOptions.numeralStyle'],
			['TEMPLATE_OPTION_IGNORED', 'templateOptions.titelStyle'],
		]);
		expect(r.warnings[0]!.message).toMatch(/Its options: titlePlacement, titleStyle/);
		expect(r.warnings[1]!.message).toMatch(/Did you mean "titleStyle"/);
	});

	it('reports a bad value of a known option as an issue', () => {
		const r = validateTemplateOptions({template: 'explainer', templateOptions: {titlePlacement: 'left'}});
		expect(r.issues.map((i) => i.path)).toEqual(['templateOptions.titlePlacement']);
	});

	it('leaves an unknown template to the renderer', () => {
		expect(validateTemplateOptions({template: 'nope', templateOptions: {a: 1}})).toEqual({options: {}, warnings: [], issues: []});
	});
});

describe('parseTemplateOptions', () => {
	it('names the template an ignored option belongs to', () => {
		const listicle = z.strictObject({numeralStyle: z.enum(['big', 'small']).default('big')});
		const r = parseTemplateOptions({
			schema: listicle,
			templateId: 'listicle',
			options: {titleStyle: 'plain'},
			elsewhere: (k) => (k === 'titleStyle' ? ['explainer'] : []),
		});
		expect(r.options).toEqual({numeralStyle: 'big'});
		expect(r.warnings[0]!.message).toBe(
			'Template "listicle" has no option "titleStyle" (an option of "explainer"): ignored. Its options: numeralStyle.',
		);
	});
});
