import {z} from 'zod';

/**
 * The planner's output: a storyboard draft BEFORE voice and media. The heuristic planner and the
 * LLM planner both produce it, and the pipeline turns it into a full storyboard.
 *
 * It is written for OpenAI strict structured output: every field is required (nullable instead of
 * optional), objects are strict (zod emits `additionalProperties: false` for them), there is no
 * z.record, no default and no transform, so `z.toJSONSchema(plannedStoryboardSchema)` is accepted
 * as a strict `response_format`. Keep it that way when adding fields.
 */

export const MUSIC_MOODS = ['calm', 'upbeat', 'serious'] as const;
export const musicMoodSchema = z.enum(MUSIC_MOODS).describe('Mood of the background music: calm, upbeat or serious.');

export const plannedSceneSchema = z
	.strictObject({
		id: z
			.string()
			.regex(/^[a-zA-Z0-9_-]{1,64}$/)
			.describe('Stable id of the scene, unique in the storyboard, e.g. "scene-1".'),
		narration: z.string().describe('What the voice says in this scene: one to three full sentences.'),
		title: z.string().describe('Short on-screen title of the scene (at most about six words).'),
		text: z.string().nullable().describe('Optional short on-screen text under the title, or null.'),
		keywords: z
			.array(z.string())
			.describe(
				'Visual search terms for stock footage or illustrations, in English, most specific first ' +
					'(e.g. ["lava flow", "volcano", "mountain"]).',
			),
		estimatedDurationMs: z.number().describe('Estimated length of the scene in ms, from the narration at about 2.6 words per second.'),
		itemNumber: z.number().int().min(1).max(99).nullable().describe('The number of the list item this scene presents, or null.'),
	})
	.describe('One planned scene: what is said, what is written on screen, and what to show.');

export const plannedStoryboardSchema = z
	.strictObject({
		title: z.string().describe('Title of the video.'),
		template: z.string().describe('Id of the template that renders the video.'),
		musicMood: musicMoodSchema,
		scenes: z.array(plannedSceneSchema).describe('The scenes, in order.'),
	})
	.describe('A storyboard draft before voice and media: title, scenes with narration and keywords, music mood.');

export type MusicMood = z.infer<typeof musicMoodSchema>;
export type PlannedScene = z.infer<typeof plannedSceneSchema>;
export type PlannedStoryboard = z.infer<typeof plannedStoryboardSchema>;
