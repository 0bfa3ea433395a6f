import {describe, expect, it} from 'vitest';
import {ValidationError} from '../errors';
import {InvalidLanguageError} from './plan-errors';
import {InvalidPlanError, planStoryboard, resolvePlanInput} from './plan-storyboard';
import type {PlannedStoryboard} from './planned-storyboard';
import type {PlanInput, Planner, PlanWarning} from './planner';

const draft: PlannedStoryboard = {
	title: 'Fake',
	template: 'explainer',
	musicMood: 'upbeat',
	scenes: [
		{id: 'scene-1', narration: 'Hello.', title: 'Hello', text: null, keywords: ['hello'], estimatedDurationMs: 2500, itemNumber: null},
	],
};

const fakePlanner = (result: unknown, seen: PlanInput[] = []): Planner => ({
	id: 'fake',
	async plan(input, ctx) {
		seen.push(input);
		ctx.onWarning({code: 'SCENES_MERGED', message: 'from the fake'});
		return result as PlannedStoryboard;
	},
});

describe('planStoryboard', () => {
	it('uses the heuristic planner by default and returns its warnings', async () => {
		const streamed: PlanWarning[] = [];
		const result = await planStoryboard({prompt: 'How volcanoes form', onWarning: (w) => streamed.push(w)});
		expect(result.plannerId).toBe('heuristic');
		expect(result.storyboard.scenes).toHaveLength(1);
		expect(result.warnings.map((w) => w.code)).toEqual(['NEEDS_PLANNER_MODEL']);
		expect(streamed).toEqual(result.warnings);
	});

	it('passes resolved defaults to an injected planner and parses its output', async () => {
		const seen: PlanInput[] = [];
		const result = await planStoryboard({prompt: '  A prompt\r\n', planner: fakePlanner(draft, seen)});
		expect(seen).toEqual([{prompt: 'A prompt', language: 'en', aspect: '16:9', targetDurationSec: null, template: 'explainer', seed: 1}]);
		expect(result).toEqual({
			storyboard: draft,
			warnings: [{code: 'SCENES_MERGED', message: 'from the fake'}],
			plannerId: 'fake',
			fallbacks: [],
		});
	});

	it('rejects a planner output that is not a valid draft, naming the path', async () => {
		const bad = {...draft, scenes: [{...draft.scenes[0], keywords: 'lava'}]};
		const error = await planStoryboard({prompt: 'x y z', planner: fakePlanner(bad)}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(InvalidPlanError);
		expect((error as InvalidPlanError).message).toContain('scenes.0.keywords');
		expect((error as InvalidPlanError).retryable).toBe(true);
		const dup = {...draft, scenes: [draft.scenes[0], draft.scenes[0]]};
		await expect(planStoryboard({prompt: 'x', planner: fakePlanner(dup)})).rejects.toThrow(/Duplicate scene id "scene-1"/);
		await expect(planStoryboard({prompt: 'x', planner: fakePlanner({...draft, scenes: []})})).rejects.toThrow(/No scenes/);
	});

	it('validates options before planning, naming the field', () => {
		expect(() => resolvePlanInput('x', {language: 'not a tag!'})).toThrow(InvalidLanguageError);
		expect(() => resolvePlanInput('x', {targetDurationSec: -5})).toThrow(ValidationError);
		expect(() => resolvePlanInput('x', {targetDurationSec: -5})).toThrow(/options\.targetDurationSec/);
		expect(() => resolvePlanInput('x', {seed: 1.5})).toThrow(/options\.seed/);
		expect(() => resolvePlanInput('x', {aspect: '4:3' as never})).toThrow(/options\.aspect/);
		expect(() => resolvePlanInput(' ')).toThrow(/empty/);
		expect(resolvePlanInput('x', {language: 'pt-BR', aspect: '9:16', targetDurationSec: 30, template: 't', seed: 3})).toEqual({
			prompt: 'x',
			language: 'pt-BR',
			aspect: '9:16',
			targetDurationSec: 30,
			template: 't',
			seed: 3,
		});
	});
});
