import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ValidationError} from './errors';
import {parseStoryboard, parseStoryboardWithWarnings} from './parse-storyboard';

const minimal = {
	version: 2,
	title: 'Minimal',
	scenes: [{id: 'one', narration: {text: 'Hello'}, visual: {kind: 'procedural'}, durationMs: 3000}],
};
const v1File = JSON.parse(readFileSync(join(__dirname, '../../test/fixtures/storyboard-v1.json'), 'utf8')) as Record<string, unknown>;

const issuesOf = (data: unknown): {path: string; message: string}[] => {
	try {
		parseStoryboard(data, 'x.json');
	} catch (error) {
		expect(error).toBeInstanceOf(ValidationError);
		expect((error as ValidationError).badInput).toBe(true);
		return (error as ValidationError).issues;
	}
	throw new Error('expected a ValidationError');
};

describe('parseStoryboardWithWarnings', () => {
	it.each([
		['scenes.0.titel', {...minimal, scenes: [{...minimal.scenes[0], titel: 'x'}]}, /Unknown key "titel": did you mean "title"\?/],
		['colour', {...minimal, colour: '#ff0000'}, /Unknown key "colour"\. Known keys here: version, title, template/],
		['captionStyle.postion', {...minimal, captionStyle: {postion: 'top'}}, /did you mean "position"/],
		[
			'scenes.0.visual.iocn',
			{...minimal, scenes: [{...minimal.scenes[0], visual: {kind: 'procedural', iocn: 'a.svg'}}]},
			/did you mean "icon"/,
		],
		['theme.brandColours', {...minimal, theme: {brandColours: {primary: '#000000'}}}, /did you mean "brandColors"/],
	])('reports the unknown key %s at its full path', (path, data, message) => {
		const issues = issuesOf(data);
		expect(issues.map((i) => i.path)).toEqual([path]);
		expect(issues[0]!.message).toMatch(message);
	});

	it('reports two unknown keys of one object as two issues', () => {
		expect(issuesOf({...minimal, colour: 1, font: 2}).map((i) => i.path)).toEqual(['colour', 'font']);
	});

	it('drops unknown keys with a warning each when asked to', () => {
		const r = parseStoryboardWithWarnings({
			data: {...minimal, colour: 1, scenes: [{...minimal.scenes[0], titel: 'x'}]},
			allowUnknownKeys: true,
		});
		expect(r.storyboard.scenes[0]!.title).toBeNull();
		expect(r.warnings.map((w) => [w.code, w.path])).toEqual([
			['UNKNOWN_KEY_IGNORED', 'colour'],
			['UNKNOWN_KEY_IGNORED', 'scenes.0.titel'],
		]);
	});

	it('upgrades a version 1 file and says so', () => {
		const r = parseStoryboardWithWarnings({data: {...v1File, colour: 'red'}, source: 'old.json'});
		expect(r.migratedFrom).toBe(1);
		expect(r.storyboard.version).toBe(2);
		expect(r.warnings.map((w) => [w.code, w.path])).toEqual([
			['STORYBOARD_UPGRADED', 'version'],
			['UNKNOWN_KEY_IGNORED', 'colour'],
		]);
	});

	it('ignores options of another template with a warning, and refuses a bad value of its own', () => {
		const r = parseStoryboardWithWarnings({data: {...minimal, templateOptions: {numeralStyle: 'big', titleStyle: 'plain'}}});
		expect(r.warnings).toEqual([expect.objectContaining({code: 'TEMPLATE_OPTION_IGNORED', path: 'templateOptions.numeralStyle'})]);
		expect(r.storyboard.templateOptions).toEqual({numeralStyle: 'big', titleStyle: 'plain'});
		expect(issuesOf({...minimal, templateOptions: {titleStyle: 'wavy'}}).map((i) => i.path)).toEqual(['templateOptions.titleStyle']);
	});
});
