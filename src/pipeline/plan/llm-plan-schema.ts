import {z} from 'zod';
import {estimateSceneMs} from './estimate-duration';
import {musicMoodSchema, type PlannedStoryboard} from './planned-storyboard';

/** Fewest visual search queries a model must give per scene (specific -> generic). */
export const MIN_KEYWORDS = 3;

/**
 * What a planner model is asked to write: the part of a storyboard draft that needs judgement.
 * Ids and durations are ours to compute. Built for OpenAI strict structured output (every field
 * required, nullable instead of optional, strict objects, an enum instead of a free template id,
 * no records, defaults or transforms); the test beside it checks the JSON Schema it emits.
 */
export const llmPlanSchema = (templateIds: readonly [string, ...string[]]) =>
	z
		.strictObject({
			title: z.string().min(1).describe("Title of the video, in the script's language, at most about eight words."),
			template: z.enum(templateIds).describe('Id of the template that renders the video.'),
			musicMood: musicMoodSchema,
			scenes: z
				.array(
					z
						.strictObject({
							title: z.string().min(1).describe("Short on-screen title of the scene, in the script's language (at most six words)."),
							text: z.string().nullable().describe("A short on-screen fact or number under the title, in the script's language, or null."),
							narration: z
								.string()
								.min(1)
								.describe("What the voice says in this scene, in the script's language: one to three full sentences."),
							keywords: z
								.array(z.string().min(1))
								.min(MIN_KEYWORDS)
								.describe(
									'Three to five stock-footage search queries IN ENGLISH, most specific first, ending generic: ' +
										'concrete things a camera can film (e.g. ["lava flowing down volcano slope", "volcano eruption", "mountain"]).',
								),
						})
						.describe('One scene: narration, on-screen title and text, and what to film.'),
				)
				.min(1)
				.describe('The scenes, in order.'),
		})
		.describe('A video plan: title, template, music mood and scenes.');

export type LlmPlan = z.infer<ReturnType<typeof llmPlanSchema>>;

/** A model's plan as a storyboard draft: scene ids and estimated durations added. */
export const llmPlanToDraft = (plan: LlmPlan, language: string): PlannedStoryboard => ({
	title: plan.title.trim(),
	template: plan.template,
	musicMood: plan.musicMood,
	scenes: plan.scenes.map((s, i) => ({
		id: `scene-${i + 1}`,
		narration: s.narration.trim(),
		title: s.title.trim(),
		text: s.text === null || s.text.trim() === '' ? null : s.text.trim(),
		keywords: [...new Set(s.keywords.map((k) => k.trim().toLowerCase()).filter((k) => k !== ''))],
		estimatedDurationMs: estimateSceneMs(s.narration, language),
		itemNumber: null,
	})),
});
