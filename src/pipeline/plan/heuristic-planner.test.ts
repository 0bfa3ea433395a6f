import {describe, expect, it} from 'vitest';
import {storyboardSchema} from '../../compositions/storyboard';
import {createHeuristicPlanner} from './heuristic-planner';
import {EmptyPromptError, PromptTooLongError} from './plan-errors';
import type {PlannedStoryboard} from './planned-storyboard';
import type {PlanInput, PlanWarning} from './planner';

const VOLCANO_SCRIPT = `Volcanoes form where molten rock from deep inside the Earth reaches the surface. Deep underground, intense heat melts rock into magma. Because magma is lighter than the solid rock around it, it rises slowly through cracks in the crust. When pressure builds up in a magma chamber, the volcano erupts. Lava, ash and gases burst out of the vent. Over thousands of years, layers of cooled lava and ash build the cone we recognise as a mountain. Some volcanoes, like those in Hawaii, erupt gently with rivers of lava. Others, like Mount St. Helens, explode violently. Scientists monitor earthquakes and gas emissions to predict eruptions. Today, millions of people live near active volcanoes, drawn by fertile soil.`;

const plan = async (prompt: string, input: Partial<PlanInput> = {}) => {
	const warnings: PlanWarning[] = [];
	const storyboard = await createHeuristicPlanner().plan(
		{prompt, language: 'en', aspect: '16:9', targetDurationSec: null, template: 'explainer', seed: 1, ...input},
		{onWarning: (w) => warnings.push(w)},
	);
	return {storyboard, warnings};
};

const totalMs = (sb: PlannedStoryboard) => sb.scenes.reduce((sum, s) => sum + s.estimatedDurationMs, 0);
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
const sentenceCount = (s: string) => (s.match(/[.!?](\s|$)/g) ?? []).length;

describe('heuristic planner: a script', () => {
	it('groups one to three sentences per scene, keeps every word, sizes scenes 5-12 s', async () => {
		const {storyboard, warnings} = await plan(VOLCANO_SCRIPT);
		expect(warnings).toEqual([]);
		expect(storyboard.scenes.length).toBeGreaterThanOrEqual(4);
		expect(storyboard.scenes.length).toBeLessThanOrEqual(10);
		for (const scene of storyboard.scenes) {
			const n = sentenceCount(scene.narration);
			expect(n).toBeGreaterThanOrEqual(1);
			expect(n).toBeLessThanOrEqual(3);
			expect(scene.estimatedDurationMs).toBeGreaterThanOrEqual(5000);
			expect(scene.estimatedDurationMs).toBeLessThanOrEqual(12000);
		}
		// Nothing lost, nothing reordered.
		expect(storyboard.scenes.map((s) => s.narration).join(' ')).toBe(VOLCANO_SCRIPT);
		expect(storyboard.scenes.map((s) => s.id)).toEqual(storyboard.scenes.map((_, i) => `scene-${i + 1}`));
	});

	it('titles scenes with short, distinct, Title Case noun phrases taken from the scene', async () => {
		const {storyboard} = await plan(VOLCANO_SCRIPT);
		const titles = storyboard.scenes.map((s) => s.title);
		expect(new Set(titles).size).toBe(titles.length);
		for (const scene of storyboard.scenes) {
			expect(wordCount(scene.title)).toBeGreaterThanOrEqual(1);
			expect(wordCount(scene.title)).toBeLessThanOrEqual(3);
			expect(wordCount(scene.title)).toBeLessThanOrEqual(6);
			for (const word of scene.title.split(' ')) {
				if (!['of', 'the', 'and', 'a', 'in'].includes(word)) expect(word[0]).toBe(word[0]!.toUpperCase());
				// Every title word is a word the scene says.
				expect(scene.narration.toLowerCase()).toContain(word.toLowerCase());
			}
		}
		expect(titles).toContain('Solid Rock');
		// The scene about Hawaii's gentle eruptions is titled by the name it is about (or its lava rivers).
		expect(titles.some((t) => t === 'Rivers of Lava' || t === 'Hawaii')).toBe(true);
		expect(storyboard.title.toLowerCase()).toContain('volcano');
	});

	it('gives keywords, most specific first and the topic last', async () => {
		const {storyboard} = await plan(VOLCANO_SCRIPT);
		const chamber = storyboard.scenes.find((s) => s.narration.includes('magma chamber'))!;
		expect(chamber.keywords[0]).toBe('magma chamber');
		expect(chamber.keywords).toContain('volcano');
		expect(chamber.keywords.at(-1)).toBe('volcano');
		for (const scene of storyboard.scenes) {
			expect(scene.keywords.length).toBeGreaterThanOrEqual(2);
			expect(scene.keywords.length).toBeLessThanOrEqual(5);
			for (const k of scene.keywords) expect(['the', 'and', 'of', 'it', 'is']).not.toContain(k);
		}
	});

	it('aims for the target duration: stretches a short script up to 1.5x, never cuts a long one', async () => {
		const natural = await plan(VOLCANO_SCRIPT);
		const naturalMs = totalMs(natural.storyboard);
		const stretched = await plan(VOLCANO_SCRIPT, {targetDurationSec: Math.round((naturalMs * 1.3) / 1000)});
		expect(stretched.warnings).toEqual([]);
		expect(totalMs(stretched.storyboard) / 1000).toBeCloseTo(Math.round((naturalMs * 1.3) / 1000), -1);
		const onTarget = await plan(VOLCANO_SCRIPT, {targetDurationSec: Math.round(naturalMs / 1000)});
		expect(Math.abs(totalMs(onTarget.storyboard) - naturalMs)).toBeLessThan(naturalMs * 0.05);

		const tooShort = await plan(VOLCANO_SCRIPT, {targetDurationSec: 10});
		expect(tooShort.warnings.map((w) => w.code)).toEqual(['SCRIPT_LONGER_THAN_TARGET']);
		expect(tooShort.storyboard.scenes.map((s) => s.narration).join(' ')).toBe(VOLCANO_SCRIPT);

		const tooLong = await plan(VOLCANO_SCRIPT, {targetDurationSec: 600});
		expect(tooLong.warnings.map((w) => w.code)).toEqual(['SCRIPT_SHORTER_THAN_TARGET']);
		// A long target asks for more scenes (one sentence each), each held 1.5x its speech.
		expect(tooLong.storyboard.scenes.length).toBeGreaterThan(natural.storyboard.scenes.length);
		expect(totalMs(tooLong.storyboard)).toBeGreaterThan(naturalMs * 1.4);
		expect(totalMs(tooLong.storyboard)).toBeLessThan(naturalMs * 1.7);
	});

	it('estimates duration from the word count at 2.6 words/s with a 2.5 s minimum', async () => {
		const {storyboard} = await plan('Cats sleep a lot. They nap in the sun.');
		expect(storyboard.scenes).toHaveLength(1);
		expect(storyboard.scenes[0]!.estimatedDurationMs).toBe(Math.round((9 / 2.6) * 1000));
		const one = await plan('Cats sleep.');
		expect(one.storyboard.scenes[0]!.estimatedDurationMs).toBe(2500);
	});

	it('uses a heading line as the video title without speaking it', async () => {
		const {storyboard} = await plan(`How Volcanoes Form\n\n${VOLCANO_SCRIPT}`);
		expect(storyboard.title).toBe('How Volcanoes Form');
		expect(storyboard.scenes[0]!.narration.startsWith('Volcanoes form where')).toBe(true);
	});

	it('picks a music mood from the words', async () => {
		expect((await plan(VOLCANO_SCRIPT)).storyboard.musicMood).toBe('serious');
		expect((await plan('Five fun and easy tips for a happy summer holiday. Pack light and smile.')).storyboard.musicMood).toBe('upbeat');
		expect((await plan('The river runs past the old mill. Ducks swim in the reeds.')).storyboard.musicMood).toBe('calm');
	});
});

describe('heuristic planner: an outline', () => {
	it('makes an intro from the heading and one numbered scene per inline item, titled without repeating it', async () => {
		const {storyboard, warnings} = await plan(
			'3 tips for better sleep: 1. Keep a schedule. 2. Cut caffeine after noon. 3. Dim the lights an hour before bed.',
		);
		expect(warnings).toEqual([]);
		expect(storyboard.title).toBe('3 Tips for Better Sleep');
		// "Keep a schedule" yields no phrase but its verb and object: no title, never "1." alone (its itemNumber is 1).
		expect(storyboard.scenes.map((s) => s.title)).toEqual(['3 Tips for Better Sleep', '', '2. Caffeine', '3. Lights']);
		expect(storyboard.scenes.map((s) => s.itemNumber)).toEqual([null, 1, 2, 3]);
		// Each item holds the screen long enough to read its number and see its picture.
		for (const s of storyboard.scenes.slice(1)) expect(s.estimatedDurationMs).toBeGreaterThanOrEqual(3000);
		expect(storyboard.scenes.map((s) => s.narration)).toEqual([
			'3 tips for better sleep.',
			'Keep a schedule.',
			'Cut caffeine after noon.',
			'Dim the lights an hour before bed.',
		]);
		expect(storyboard.scenes[2]!.keywords).toContain('caffeine');
	});

	it('reads "-", "*", "1)" and "1." lists on lines, with a markdown heading and wrapped items', async () => {
		const dash = await plan('# Morning routine\n- Drink a glass of water\n* Stretch for five minutes\n- Plan the day\n  with a short list');
		expect(dash.storyboard.title).toBe('Morning Routine');
		expect(dash.storyboard.scenes.map((s) => s.title)).toEqual(['Morning Routine', '1. Glass of Water', '', '3. Short List']);
		const paren = await plan('1) Mix flour and water\n2) Knead the dough for ten minutes\n3) Bake at 220 degrees');
		expect(paren.storyboard.scenes).toHaveLength(3);
		expect(paren.storyboard.scenes[0]!.title).toBe('1. Water');
		expect(paren.storyboard.title.length).toBeGreaterThan(0);
	});

	it('titles a long item with a short noun phrase of it', async () => {
		const {storyboard} = await plan(
			'- Keep a regular schedule, even on weekends, because your body clock loves routine and predictability\n- Avoid screens',
		);
		expect(storyboard.scenes[0]!.title).toBe('1. Body Clock');
		expect(storyboard.scenes[0]!.narration).toContain('body clock');
	});
});

describe('heuristic planner: a bare topic', () => {
	it('makes one honest title scene that speaks the prompt, and says a model is needed', async () => {
		const {storyboard, warnings} = await plan('How volcanoes form');
		expect(storyboard.title).toBe('How Volcanoes Form');
		expect(storyboard.scenes).toHaveLength(1);
		expect(storyboard.scenes[0]!.title).toBe('How Volcanoes Form');
		expect(storyboard.scenes[0]!.narration).toBe('How volcanoes form.');
		expect(storyboard.scenes[0]!.keywords).toContain('volcanoes');
		expect(warnings).toHaveLength(1);
		expect(warnings[0]!.code).toBe('NEEDS_PLANNER_MODEL');
		expect(warnings[0]!.message).toContain('OPENAI_API_KEY');
		expect(warnings[0]!.message).toContain('OPENAI_BASE_URL');
	});

	it('treats a short question as a topic but a short sentence as a script', async () => {
		expect((await plan('Why is the sky blue?')).warnings.map((w) => w.code)).toEqual(['NEEDS_PLANNER_MODEL']);
		expect((await plan('The sky is blue.')).warnings).toEqual([]);
	});

	it('does not pad a topic out to the target duration', async () => {
		const {storyboard} = await plan('How volcanoes form', {targetDurationSec: 60});
		expect(totalMs(storyboard)).toBeLessThan(10_000);
	});
});

describe('heuristic planner: limits and odd input', () => {
	it('plans a 20,000-character script into at most 40 scenes, quickly', async () => {
		let prompt = '';
		while (prompt.length < 20_000) prompt += `${VOLCANO_SCRIPT}\n\n`;
		prompt = prompt.slice(0, 20_000);
		const started = performance.now();
		const {storyboard, warnings} = await plan(prompt);
		const elapsed = performance.now() - started;
		expect(storyboard.scenes.length).toBe(40);
		expect(warnings.map((w) => w.code)).toEqual(['SCENES_MERGED']);
		expect(elapsed).toBeLessThan(3000);
		expect(wordCount(storyboard.scenes.map((s) => s.narration).join(' '))).toBe(wordCount(prompt));
	});

	it('splits 20,000 characters without any punctuation into bounded scenes', async () => {
		const prompt = 'lava flows down the mountain side '.repeat(600).slice(0, 20_000);
		const {storyboard} = await plan(prompt);
		expect(storyboard.scenes.length).toBeLessThanOrEqual(40);
		expect(storyboard.scenes.length).toBeGreaterThan(10);
		for (const s of storyboard.scenes) expect(s.title.length).toBeLessThanOrEqual(80);
	});

	it('rejects an empty prompt and one over the hard cap, naming the limit', async () => {
		await expect(plan('   \n\t ')).rejects.toBeInstanceOf(EmptyPromptError);
		await expect(plan('')).rejects.toMatchObject({name: 'EmptyPromptError', code: 'EMPTY_PROMPT'});
		const error = await plan('a'.repeat(50_001)).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(PromptTooLongError);
		expect(error).toMatchObject({name: 'PromptTooLongError', code: 'PROMPT_TOO_LONG', limit: 50_000});
		expect((error as Error).message).toContain('50000');
	});

	it('keeps emoji on screen but not in the narration', async () => {
		const {storyboard} = await plan('I love coffee ☕ in the morning. It wakes me up 🌋 and makes me happy! 👨‍👩‍👧');
		const scene = storyboard.scenes[0]!;
		expect(scene.title).toContain('☕');
		expect(scene.narration).toBe('I love coffee in the morning. It wakes me up and makes me happy!');
		const list = await plan('- Drink water 💧\n- Walk every day 🚶🏽‍♀️');
		expect(list.storyboard.scenes.map((s) => s.title)).toEqual(['1. Water 💧', '2. Day 🚶🏽‍♀️']);
		const only = await plan('🌋🔥');
		expect(only.storyboard.scenes[0]!.title).toBe('🌋🔥');
		expect(only.storyboard.scenes[0]!.narration).toBe('');
	});

	it('is deterministic for a seed', async () => {
		const a = await plan(VOLCANO_SCRIPT, {seed: 7});
		const b = await plan(VOLCANO_SCRIPT, {seed: 7});
		expect(b).toEqual(a);
	});

	it('stops when aborted', async () => {
		const controller = new AbortController();
		controller.abort();
		const planner = createHeuristicPlanner();
		await expect(
			planner.plan(
				{prompt: VOLCANO_SCRIPT, language: 'en', aspect: '16:9', targetDurationSec: null, template: 'x', seed: 1},
				{signal: controller.signal, onWarning: () => {}},
			),
		).rejects.toMatchObject({name: 'AbortError'});
	});

	it('produces drafts that fill the full storyboard schema', async () => {
		for (const prompt of [VOLCANO_SCRIPT, 'How volcanoes form', '- a\n- b', '🌋']) {
			const {storyboard: draft} = await plan(prompt);
			const parsed = storyboardSchema.safeParse({
				title: draft.title,
				template: draft.template,
				scenes: draft.scenes.map((s) => ({
					id: s.id,
					title: s.title,
					text: s.text,
					narration: {text: s.narration},
					visual: {kind: 'procedural'},
					durationMs: s.estimatedDurationMs,
				})),
			});
			expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
		}
	});
});

describe('heuristic planner: other languages', () => {
	it('splits a Spanish script at ¿? and ¡! and titles it in sentence case', async () => {
		const prompt =
			'¿Qué es un volcán? Es una montaña que expulsa lava y ceniza. ¡Es impresionante! La lava sale del interior de la Tierra. Los científicos vigilan los volcanes activos. Así protegen a millones de personas.';
		const {storyboard} = await plan(prompt, {language: 'es', targetDurationSec: 12});
		const narrations = storyboard.scenes.map((s) => s.narration);
		expect(narrations.join(' ')).toBe(prompt);
		expect(narrations[0]!.startsWith('¿Qué es un volcán?')).toBe(true);
		expect(storyboard.scenes.length).toBeGreaterThanOrEqual(2);
		for (const s of storyboard.scenes) {
			expect(s.title[0]).toBe(s.title[0]!.toUpperCase());
			for (const k of s.keywords) expect(['de', 'la', 'es', 'que', 'un', 'los']).not.toContain(k);
		}
		expect(storyboard.scenes.flatMap((s) => s.keywords)).toContain('lava');
	});

	it('splits a Japanese script without spaces into sentences and words', async () => {
		const sentences = [
			'火山はマグマが地表に出てくる場所にできます。',
			'溶岩はとても熱いです。',
			'日本には多くの活火山があります。',
			'科学者は地震を観測しています。',
			'噴火を予測するためです。',
			'火山の近くには温泉があります。',
		];
		const {storyboard} = await plan(sentences.join(''), {language: 'ja', targetDurationSec: 16});
		expect(storyboard.scenes.length).toBeGreaterThanOrEqual(2);
		// Scenes break only between sentences, and all text survives.
		expect(storyboard.scenes.map((s) => s.narration).join('')).toBe(sentences.join(''));
		for (const s of storyboard.scenes) expect(s.narration.endsWith('。')).toBe(true);
		const keywords = storyboard.scenes.flatMap((s) => s.keywords);
		expect(keywords).toContain('火山');
		// Particles (hiragana-only words) are never keywords or titles.
		for (const k of keywords) expect(k).not.toMatch(/^[\p{Script=Hiragana}]+$/u);
		for (const s of storyboard.scenes) expect(s.title).not.toMatch(/[はがをにで]$/u);
	});
});
