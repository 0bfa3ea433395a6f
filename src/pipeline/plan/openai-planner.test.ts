import OpenAI from 'openai';
import {zodResponseFormat} from 'openai/helpers/zod';
import {afterEach, describe, expect, it} from 'vitest';
import {startFakeOpenAi, VOLCANO_PLAN, type ChatRequest, type FakeOpenAi} from '../../../test/fakes/fake-openai';
import {createFallbackPlanner} from './fallback-planner';
import {createHeuristicPlanner} from './heuristic-planner';
import {llmPlanSchema} from './llm-plan-schema';
import {createOpenAiPlanner, PlannerFailedError} from './openai-planner';
import {planStoryboard} from './plan-storyboard';
import {expectStrictJsonSchema, type JsonSchema} from '../../../test/support/strict-json-schema';

let fake: FakeOpenAi | null = null;
afterEach(async () => {
	await fake?.close();
	fake = null;
});

const clientFor = (f: FakeOpenAi, o: {maxRetries?: number} = {}) =>
	new OpenAI({apiKey: 'sk-fake', baseURL: f.baseURL, maxRetries: o.maxRetries ?? 0});
const withFallback = (planner: ReturnType<typeof createOpenAiPlanner>) =>
	createFallbackPlanner({primary: planner, fallback: createHeuristicPlanner()});

describe('the planner-facing schema', () => {
	it('is valid for OpenAI strict mode: additionalProperties false and all required everywhere, no oneOf', () => {
		const format = zodResponseFormat(llmPlanSchema(['explainer', 'other']), 'promptreel_plan');
		expect(format.json_schema.strict).toBe(true);
		const schema = format.json_schema.schema as JsonSchema;
		expect(expectStrictJsonSchema(schema).length).toBe(2);
		expect(schema.properties!.template).toMatchObject({enum: ['explainer', 'other']});
		expect(schema.properties!.scenes!.items!.properties!.text!.type).toEqual(['string', 'null']);
	});
});

describe('OpenAI planner against a local fake server (real openai client)', () => {
	it('plans a topic: narration, titles, English keywords, mood; sends a strict json_schema and the language', async () => {
		fake = await startFakeOpenAi();
		const result = await planStoryboard({
			prompt: 'How volcanoes form',
			options: {targetDurationSec: 20},
			planner: withFallback(createOpenAiPlanner({client: clientFor(fake), model: 'fake-model'})),
		});
		expect(result.plannerId).toBe('openai');
		expect(result.fallbacks).toEqual([]);
		expect(result.warnings).toEqual([]);
		expect(result.storyboard.title).toBe('How Volcanoes Form');
		expect(result.storyboard.scenes.map((s) => s.id)).toEqual(['scene-1', 'scene-2', 'scene-3']);
		expect(result.storyboard.scenes[0]).toMatchObject({
			narration: VOLCANO_PLAN.scenes[0]!.narration,
			keywords: ['magma chamber underground', 'molten lava glow', 'lava'],
			text: 'Magma: up to 1,200 °C',
		});
		for (const s of result.storyboard.scenes) expect(s.estimatedDurationMs).toBeGreaterThan(2000);

		const body = fake.requests[0]!.json as ChatRequest;
		expect(fake.requests[0]!.auth).toBe('Bearer sk-fake');
		expect(body.model).toBe('fake-model');
		expect(body.response_format).toMatchObject({type: 'json_schema', json_schema: {name: 'promptreel_plan', strict: true}});
		const system = body.messages[0]!.content;
		expect(system).toContain('English (en)');
		expect(system).toMatch(/in English for a stock photo and video library, most specific first/);
		expect(system).toContain('"explainer"');
		expect(system).toContain('about 52 words');
		expect(body.messages[1]).toEqual({role: 'user', content: 'How volcanoes form'});
	});

	it("asks for the script's language (Spanish narration, English search queries)", async () => {
		fake = await startFakeOpenAi();
		await planStoryboard({
			prompt: 'Cómo se forman los volcanes',
			options: {language: 'es'},
			planner: createOpenAiPlanner({client: clientFor(fake)}),
		});
		const system = (fake.requests[0]!.json as ChatRequest).messages[0]!.content;
		expect(system).toContain('Spanish (es)');
		expect(system).toContain('Never switch language');
	});

	it('repairs an invalid answer once, sending the zod errors back', async () => {
		const bad = {...VOLCANO_PLAN, scenes: [{...VOLCANO_PLAN.scenes[0], keywords: ['lava']}]};
		fake = await startFakeOpenAi({
			chat: (_b, n) => ({content: n === 0 ? 'Sure! ' + JSON.stringify(bad) : n === 1 ? JSON.stringify(bad) : JSON.stringify(VOLCANO_PLAN)}),
		});
		const planner = createOpenAiPlanner({client: clientFor(fake)});
		// First answer not JSON at all -> repaired... into a plan with one keyword -> invalid twice: fails.
		await expect(
			planner.plan(
				{prompt: 'How volcanoes form', language: 'en', aspect: '16:9', targetDurationSec: null, template: 'explainer', seed: 1},
				{onWarning: () => {}},
			),
		).rejects.toBeInstanceOf(PlannerFailedError);
		const repair = (fake.requests[1]!.json as ChatRequest).messages;
		expect(repair.at(-2)).toMatchObject({role: 'assistant'});
		expect(repair.at(-1)!.content).toMatch(/not valid JSON/);

		await fake.close();
		fake = await startFakeOpenAi({chat: (_b, n) => ({content: JSON.stringify(n === 0 ? bad : VOLCANO_PLAN)})});
		const warnings: string[] = [];
		const result = await planStoryboard({
			prompt: 'How volcanoes form',
			planner: createOpenAiPlanner({client: clientFor(fake)}),
			onWarning: (w) => warnings.push(w.code),
		});
		expect(result.storyboard.scenes).toHaveLength(3);
		expect(warnings).toEqual(['PLANNER_REPAIRED']);
		const sent = (fake.requests[1]!.json as ChatRequest).messages.at(-1)!.content;
		expect(sent).toContain('scenes.0.keywords');
		expect(sent).toMatch(/>=3 items/);
	});

	it('falls back to the heuristic planner when the server is down, errors or hangs, saying why', async () => {
		fake = await startFakeOpenAi({chat: () => ({status: 503, message: 'model is loading'})});
		const down = await planStoryboard({
			prompt: 'How volcanoes form',
			planner: withFallback(createOpenAiPlanner({client: clientFor(fake)})),
		});
		expect(down.plannerId).toBe('heuristic');
		expect(down.fallbacks).toEqual([{from: 'openai', to: 'heuristic', reason: expect.stringContaining('503')}]);
		expect(down.warnings.map((w) => w.code)).toEqual(['PLANNER_FALLBACK', 'NEEDS_PLANNER_MODEL']);
		await fake.close();

		fake = await startFakeOpenAi({chat: () => ({hang: true})});
		const started = performance.now();
		const hung = await planStoryboard({
			prompt: 'How volcanoes form',
			planner: withFallback(createOpenAiPlanner({client: clientFor(fake), timeoutMs: 600})),
		});
		expect(performance.now() - started).toBeLessThan(5000);
		expect(hung.fallbacks[0]!.reason).toMatch(/did not answer within 1 s/);
		await fake.close();
		fake = null;

		// Nothing listening at all (connection refused).
		const refused = new OpenAI({apiKey: 'x', baseURL: 'http://127.0.0.1:9/v1', maxRetries: 0});
		const gone = await planStoryboard({
			prompt: 'Volcanoes erupt. Lava flows.',
			planner: withFallback(createOpenAiPlanner({client: refused})),
		});
		expect(gone.plannerId).toBe('heuristic');
		expect(gone.fallbacks[0]!.reason).toMatch(/cannot reach http:\/\/127\.0\.0\.1:9\/v1/);
	});

	it('propagates a cancel instead of falling back', async () => {
		fake = await startFakeOpenAi({chat: () => ({hang: true})});
		const controller = new AbortController();
		const planning = planStoryboard({
			prompt: 'How volcanoes form',
			planner: withFallback(createOpenAiPlanner({client: clientFor(fake)})),
			signal: controller.signal,
		});
		setTimeout(() => controller.abort(new Error('user cancelled')), 100);
		await expect(planning).rejects.toThrow('user cancelled');
	});
});
