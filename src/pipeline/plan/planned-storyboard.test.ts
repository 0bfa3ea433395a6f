import {describe, expect, it} from 'vitest';
import {z} from 'zod';
import {expectStrictJsonSchema, type JsonSchema} from '../../../test/support/strict-json-schema';
import {plannedStoryboardSchema} from './planned-storyboard';

describe('plannedStoryboardSchema', () => {
	it('is acceptable to OpenAI strict structured output: all required, no extra keys, no oneOf', () => {
		const json = z.toJSONSchema(plannedStoryboardSchema) as JsonSchema;
		expect(expectStrictJsonSchema(json).length).toBe(2);
		// A nullable field is `type: ["string", "null"]`, the form strict mode documents.
		expect(json.properties!.scenes!.items!.properties!.text!.type).toEqual(['string', 'null']);
	});

	it('rejects a scene missing a field and a scene with an extra key', () => {
		const scene = {
			id: 'scene-1',
			narration: 'Hi.',
			title: 'Hi',
			text: null,
			keywords: ['hello'],
			estimatedDurationMs: 2500,
			itemNumber: null,
		};
		const base = {title: 'T', template: 'explainer', musicMood: 'calm', scenes: [scene]};
		expect(plannedStoryboardSchema.safeParse(base).success).toBe(true);
		const {text: _omit, ...withoutText} = scene;
		expect(plannedStoryboardSchema.safeParse({...base, scenes: [withoutText]}).success).toBe(false);
		expect(plannedStoryboardSchema.safeParse({...base, scenes: [{...scene, extra: 1}]}).success).toBe(false);
		expect(plannedStoryboardSchema.safeParse({...base, musicMood: 'sad'}).success).toBe(false);
	});
});
