import {z} from 'zod';

/**
 * THE storyboard schema: the single source of truth for LLM output, API input, CLI files and
 * composition props. Built from small named pieces; every field is described, because the same
 * text documents the planner prompt, the MCP tools, the OpenAPI document and the README.
 * Times are milliseconds; frames exist only inside compositions (see timing.ts).
 */

export const ASPECTS = ['16:9', '9:16', '1:1'] as const;
export const aspectSchema = z
	.enum(ASPECTS)
	.describe('Frame shape: 16:9 landscape (YouTube), 9:16 portrait (Shorts, Reels, TikTok), 1:1 square.');

export const RESOLUTIONS = ['360p', '540p', '720p', '1080p'] as const;
export const resolutionSchema = z
	.enum(RESOLUTIONS)
	.describe('Size preset: the length in pixels of the short side of the frame (1080p: 1920x1080 at 16:9).');

export const formatSchema = z
	.object({
		aspect: aspectSchema.default('16:9'),
		resolution: resolutionSchema.default('1080p'),
		fps: z.number().int().min(1).max(60).default(30).describe('Frames per second of the video.'),
	})
	.describe('Shape, size and frame rate of the video. Render quality presets may scale it down.');

export const hexColorSchema = z
	.string()
	.regex(/^#[0-9a-fA-F]{6}$/, 'Use a 6-digit hex colour such as "#1e293b".')
	.describe('A colour as #rrggbb.');

export const FONT_FAMILIES = ['Inter', 'Noto Sans', 'Noto Sans JP', 'Noto Sans SC', 'Noto Sans Arabic', 'Noto Sans Devanagari'] as const;
export const fontFamilySchema = z
	.enum(FONT_FAMILIES)
	.describe(
		'A font family bundled with promptreel (no font is fetched at render time). Glyphs it lacks come from the Noto family of the storyboard language.',
	);

export const paletteSchema = z
	.object({
		background: hexColorSchema.describe('Base colour of backgrounds.'),
		surface: hexColorSchema.describe('Second background colour, used in gradients and panels.'),
		primary: hexColorSchema.describe('Main brand colour: shapes, accents of procedural backgrounds.'),
		accent: hexColorSchema.describe('Highlight colour: the spoken caption word, title underline.'),
		text: hexColorSchema.describe('Colour of titles and captions.'),
	})
	.describe('The colours of the video.');

export const DEFAULT_PALETTE = {
	background: '#0f172a',
	surface: '#1e3a8a',
	primary: '#6366f1',
	accent: '#facc15',
	text: '#f8fafc',
} as const;

export const themeSchema = z
	.object({
		palette: paletteSchema.default(DEFAULT_PALETTE),
		fontFamily: fontFamilySchema.default('Inter'),
	})
	.describe('Colours and font of the video.');

/**
 * A media reference: an https URL, or a path relative to the storyboard's folder (in Studio and
 * in `npx remotion render --public-dir`, relative to the public folder). Never an absolute path.
 */
export const mediaSrcSchema = z
	.string()
	.min(1)
	.refine((s) => !s.startsWith('/') && !/^[a-zA-Z]:[\\/]/.test(s) && !s.startsWith('file:'), {
		message: 'Use an https URL or a path relative to the storyboard folder, not an absolute path.',
	})
	.refine((s) => !s.split(/[\\/]/).includes('..'), {
		message: 'A relative media path may not contain "..": keep media inside the storyboard folder.',
	})
	.refine((s) => !/^[a-z][a-z0-9+.-]*:/i.test(s) || /^https?:\/\//i.test(s), {
		message: 'Only http(s) URLs or relative paths are allowed.',
	})
	.describe('An https URL or a path relative to the storyboard folder, e.g. "media/scene-1.jpg".');

export const fitSchema = z
	.enum(['cover', 'contain'])
	.describe('cover fills the frame and crops; contain shows the whole picture with bars.');

export const videoVisualSchema = z
	.object({
		kind: z.literal('video'),
		src: mediaSrcSchema,
		durationMs: z
			.number()
			.positive()
			.describe('Length of the clip file in ms, measured at plan time; used to loop short clips.'),
		trimStartMs: z.number().min(0).default(0).describe('Where in the clip the scene starts, in ms.'),
		loop: z.boolean().default(true).describe('Loop the clip when it is shorter than the scene.'),
		fit: fitSchema.default('cover'),
	})
	.describe('A video clip (muted) that fills the scene.');

export const KEN_BURNS = ['zoom-in', 'zoom-out', 'pan-left', 'pan-right', 'none'] as const;
export const imageVisualSchema = z
	.object({
		kind: z.literal('image'),
		src: mediaSrcSchema,
		motion: z
			.enum(KEN_BURNS)
			.default('zoom-in')
			.describe('A gentle Ken Burns move over the scene.'),
		fit: fitSchema.default('cover'),
	})
	.describe('A still image with a gentle camera move.');

export const PROCEDURAL_STYLES = ['gradient', 'orbs', 'grid', 'waves'] as const;
export const proceduralVisualSchema = z
	.object({
		kind: z.literal('procedural'),
		style: z.enum(PROCEDURAL_STYLES).default('orbs').describe('Kind of animated background.'),
		icon: mediaSrcSchema
			.nullable()
			.default(null)
			.describe('An illustration shown over the background (e.g. an emoji SVG), or null.'),
	})
	.describe('An animated background drawn from the palette and the seed; needs no media.');

export const visualSchema = z
	.discriminatedUnion('kind', [videoVisualSchema, imageVisualSchema, proceduralVisualSchema])
	.describe('What the scene shows: a video clip, an image, or a procedural background.');

/** Same shape as `Caption` of @remotion/captions; times in ms from the scene's start. */
export const captionSchema = z
	.object({
		text: z
			.string()
			.describe('The word as shown; every word after the first starts with a space.'),
		startMs: z.number().min(0).describe('When the word starts, in ms from the scene start.'),
		endMs: z.number().min(0).describe('When the word ends, in ms from the scene start.'),
		timestampMs: z.number().nullable().default(null).describe('Representative time of the word.'),
		confidence: z.number().min(0).max(1).nullable().default(null).describe('Timing confidence.'),
	})
	.refine((c) => c.endMs >= c.startMs, {message: 'endMs must not be before startMs.', path: ['endMs']})
	.describe('One timed word of the narration.');

export const TRANSITION_TYPES = ['none', 'fade', 'slide', 'wipe'] as const;
export const DIRECTIONS = ['from-left', 'from-right', 'from-top', 'from-bottom'] as const;
export const transitionSchema = z
	.object({
		type: z.enum(TRANSITION_TYPES).default('fade').describe('How this scene hands over to the next.'),
		direction: z.enum(DIRECTIONS).default('from-right').describe('Direction of slide and wipe.'),
		durationMs: z
			.number()
			.min(0)
			.max(3000)
			.default(500)
			.describe('Overlap of this scene and the next, in ms (ignored for type none).'),
	})
	.describe('The transition from this scene to the next one (or to the end card).');

export const narrationSchema = z
	.object({
		text: z.string().describe('What the voice says in this scene (may be empty).'),
		audio: mediaSrcSchema.nullable().default(null).describe('The synthesised or recorded narration, or null.'),
		offsetMs: z
			.number()
			.min(0)
			.default(0)
			.describe('When the narration audio starts, in ms from the scene start.'),
		volume: z.number().min(0).max(2).default(1).describe('Narration volume (1 = as recorded).'),
	})
	.describe('The narration of one scene.');

export const sceneSchema = z
	.object({
		id: z
			.string()
			.regex(/^[a-zA-Z0-9_-]{1,64}$/, 'Use letters, digits, - or _ (at most 64).')
			.describe('Stable id of the scene, unique in the storyboard.'),
		title: z.string().nullable().default(null).describe('On-screen title of the scene, or null.'),
		text: z.string().nullable().default(null).describe('Short on-screen text under the title, or null.'),
		narration: narrationSchema,
		visual: visualSchema,
		durationMs: z
			.number()
			.min(200)
			.max(600000)
			.describe('How long the scene lasts, in ms, including the transition into the next one.'),
		captions: z.array(captionSchema).default([]).describe('Timed words of the narration (scene time).'),
		transition: transitionSchema.default({type: 'fade', direction: 'from-right', durationMs: 500}),
	})
	.describe('One scene: what is said, what is shown, how long, and how it hands over.');

export const musicSchema = z
	.object({
		src: mediaSrcSchema,
		volume: z.number().min(0).max(1).default(0.25).describe('Music volume when nobody speaks.'),
		duckedVolume: z
			.number()
			.min(0)
			.max(1)
			.default(0.08)
			.describe('Music volume while the narration speaks.'),
		fadeOutMs: z.number().min(0).default(1500).describe('Fade out at the end of the video, in ms.'),
		durationMs: z.number().positive().describe('Length of the music file in ms (it loops).'),
	})
	.describe('A background music bed, ducked under the narration.');

export const captionStyleSchema = z
	.object({
		enabled: z.boolean().default(true).describe('Show captions.'),
		preset: z
			.enum(['highlight', 'boxed', 'plain'])
			.default('highlight')
			.describe('highlight colours the spoken word; boxed puts it in a box; plain shows the page.'),
		position: z.enum(['bottom', 'center', 'top']).default('bottom').describe('Where captions sit.'),
		combineWithinMs: z
			.number()
			.min(0)
			.default(1200)
			.describe('Words within this many ms form one caption page.'),
		fontScale: z.number().min(0.5).max(2).default(1).describe('Caption size relative to the default.'),
	})
	.describe('How captions look.');

export const creditSchema = z
	.object({
		kind: z.enum(['image', 'video', 'music', 'voice', 'icon', 'font', 'other']).describe('What was used.'),
		title: z.string().describe('What the asset is, e.g. "Photo of a volcano".'),
		author: z.string().nullable().default(null).describe('Who made it.'),
		authorUrl: z
			.string()
			.nullable()
			.optional()
			.describe('A link to its author (e.g. the photographer\'s page); absent or null when there is none.'),
		url: z.string().nullable().default(null).describe('Where it comes from.'),
		license: z.string().describe('Its licence, e.g. "Pexels License", "MIT", "CC BY 4.0".'),
		source: z.string().nullable().default(null).describe('The provider, e.g. "Pexels".'),
	})
	.describe('Attribution of one third-party asset.');

export const endCardSchema = z
	.object({
		enabled: z.boolean().default(true).describe('Show an end card after the last scene.'),
		title: z.string().nullable().default(null).describe('Big text of the end card, or null.'),
		durationMs: z.number().min(500).max(20000).default(2500).describe('How long the end card lasts.'),
	})
	.describe('The closing card with the credits and a fade out.');

export const storyboardSchema = z
	.object({
		version: z.literal(1).default(1).describe('Storyboard format version.'),
		title: z.string().min(1).describe('Title of the video.'),
		template: z.string().min(1).default('explainer').describe('Id of the template that renders it.'),
		language: z
			.string()
			.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'Use a BCP 47 tag such as "en" or "pt-BR".')
			.default('en')
			.describe('Language of the narration and captions, as a BCP 47 tag.'),
		format: formatSchema.default({aspect: '16:9', resolution: '1080p', fps: 30}),
		theme: themeSchema.default({palette: DEFAULT_PALETTE, fontFamily: 'Inter'}),
		scenes: z.array(sceneSchema).min(1).max(200).describe('The scenes, in order.'),
		music: musicSchema.nullable().default(null),
		captionStyle: captionStyleSchema.default({
			enabled: true,
			preset: 'highlight',
			position: 'bottom',
			combineWithinMs: 1200,
			fontScale: 1,
		}),
		endCard: endCardSchema.default({enabled: true, title: null, durationMs: 2500}),
		credits: z.array(creditSchema).default([]).describe('Attribution of every third-party asset.'),
		seed: z.number().int().min(0).default(1).describe('Seed for every random choice of the render.'),
	})
	.superRefine((sb, ctx) => {
		const seen = new Set<string>();
		sb.scenes.forEach((scene, i) => {
			if (seen.has(scene.id)) {
				ctx.addIssue({code: 'custom', path: ['scenes', i, 'id'], message: `Duplicate scene id "${scene.id}".`});
			}
			seen.add(scene.id);
			const next = sb.scenes[i + 1];
			const hasNext = next !== undefined || sb.endCard.enabled;
			if (!hasNext || scene.transition.type === 'none') return;
			const nextDuration = next ? next.durationMs : sb.endCard.durationMs;
			const limit = Math.min(scene.durationMs, nextDuration) / 2;
			if (scene.transition.durationMs > limit) {
				ctx.addIssue({
					code: 'custom',
					path: ['scenes', i, 'transition', 'durationMs'],
					message: `Transition of ${scene.transition.durationMs} ms is longer than half of the shorter adjacent scene (${limit} ms allowed).`,
				});
			}
		});
	})
	.describe('A whole video: format, theme, scenes with narration, visuals and captions, music and credits.');

export type Storyboard = z.infer<typeof storyboardSchema>;
export type StoryboardInput = z.input<typeof storyboardSchema>;
export type Scene = z.infer<typeof sceneSchema>;
export type Visual = z.infer<typeof visualSchema>;
export type StoryboardCaption = z.infer<typeof captionSchema>;
export type Transition = z.infer<typeof transitionSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type Palette = z.infer<typeof paletteSchema>;
export type CaptionStyle = z.infer<typeof captionStyleSchema>;
export type Credit = z.infer<typeof creditSchema>;
export type Music = z.infer<typeof musicSchema>;
export type Aspect = z.infer<typeof aspectSchema>;
export type Resolution = z.infer<typeof resolutionSchema>;
