import {z} from 'zod';

/**
 * THE storyboard schema (version 2): the single source of truth for LLM output, API input, CLI
 * files and composition props. Built from small named pieces; every field is described, because
 * the same text documents the planner prompt, the MCP tools, the OpenAPI document and the README.
 * Times are milliseconds; frames exist only inside compositions (see timing.ts).
 * Every object is strict: a key the schema does not know (a typo such as "titel") is an error.
 * Version 1 files are upgraded by `storyboardSchema` (see migrate-storyboard.ts).
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
	.strictObject({
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
	.strictObject({
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

export const brandColorsSchema = z
	.strictObject({
		primary: hexColorSchema.describe('Main brand colour: replaces palette.primary.'),
		secondary: hexColorSchema.nullable().default(null).describe('Second brand colour: replaces palette.surface, or null to keep it.'),
		accent: hexColorSchema.nullable().default(null).describe('Brand highlight colour: replaces palette.accent, or null to keep it.'),
	})
	.describe("Brand colours. They win over the palette (the planner picks a palette from the topic; a brand is the user's).");

export const FONT_FILE_EXTENSIONS = ['ttf', 'otf', 'woff2'] as const;
export const fontFileSchema = mediaSrcSchema
	.refine((s) => /\.(ttf|otf|woff2)$/i.test(s.split(/[?#]/)[0] ?? s), {
		message: `Use a font file ending in ${FONT_FILE_EXTENSIONS.map((e) => `.${e}`).join(', ')}.`,
	})
	.describe('A font file (TTF, OTF or WOFF2): an https URL or a path relative to the storyboard folder.');

export const themeSchema = z
	.strictObject({
		palette: paletteSchema.default(DEFAULT_PALETTE),
		fontFamily: fontFamilySchema.default('Inter'),
		fontFile: fontFileSchema
			.nullable()
			.default(null)
			.describe(
				'The brand font: a TTF, OTF or WOFF2 file used for titles and captions instead of fontFamily (glyphs it lacks still come from fontFamily), or null.',
			),
		logo: mediaSrcSchema.nullable().default(null).describe('The brand logo (an image, e.g. a PNG or SVG with transparency), or null.'),
		brandColors: brandColorsSchema.nullable().default(null),
	})
	.describe('Colours, font and brand of the video.');

export const fitSchema = z
	.enum(['cover', 'contain'])
	.describe('cover fills the frame and crops; contain shows the whole picture with bars.');

export const videoVisualSchema = z
	.strictObject({
		kind: z.literal('video'),
		src: mediaSrcSchema,
		durationMs: z.number().positive().describe('Length of the clip file in ms, measured at plan time; used to loop short clips.'),
		trimStartMs: z.number().min(0).default(0).describe('Where in the clip the scene starts, in ms.'),
		loop: z.boolean().default(true).describe('Loop the clip when it is shorter than the scene.'),
		fit: fitSchema.default('cover'),
	})
	.describe('A video clip (muted) that fills the scene.');

export const KEN_BURNS = ['zoom-in', 'zoom-out', 'pan-left', 'pan-right', 'none'] as const;
export const imageVisualSchema = z
	.strictObject({
		kind: z.literal('image'),
		src: mediaSrcSchema,
		motion: z.enum(KEN_BURNS).default('zoom-in').describe('A gentle Ken Burns move over the scene.'),
		fit: fitSchema.default('cover'),
	})
	.describe('A still image with a gentle camera move.');

export const PROCEDURAL_STYLES = ['gradient', 'orbs', 'grid', 'waves'] as const;
export const MAX_EXTRA_ICONS = 3;
export const proceduralVisualSchema = z
	.strictObject({
		kind: z.literal('procedural'),
		style: z.enum(PROCEDURAL_STYLES).default('orbs').describe('Kind of animated background.'),
		icon: mediaSrcSchema.nullable().default(null).describe('The main illustration shown over the background (e.g. an emoji SVG), or null.'),
		extraIcons: z
			.array(mediaSrcSchema)
			.max(MAX_EXTRA_ICONS)
			.default([])
			.describe(`Up to ${MAX_EXTRA_ICONS} more illustrations composed around the main icon, where the scene names several things.`),
	})
	.describe('An animated background drawn from the palette and the seed; needs no media.');

export const visualSchema = z
	.discriminatedUnion('kind', [videoVisualSchema, imageVisualSchema, proceduralVisualSchema])
	.describe('What the scene shows: a video clip, an image, or a procedural background.');

/** Same shape as `Caption` of @remotion/captions; times in ms from the scene's start. */
export const captionSchema = z
	.strictObject({
		text: z.string().describe('The word as shown; every word after the first starts with a space.'),
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
	.strictObject({
		type: z.enum(TRANSITION_TYPES).default('fade').describe('How this scene hands over to the next.'),
		direction: z.enum(DIRECTIONS).default('from-right').describe('Direction of slide and wipe.'),
		durationMs: z.number().min(0).max(3000).default(500).describe('Overlap of this scene and the next, in ms (ignored for type none).'),
	})
	.describe('The transition from this scene to the next one (or to the end card).');

export const voiceChoiceSchema = z
	.strictObject({
		id: z.string().min(1).describe('Voice id as --voice takes it, e.g. "festival", "espeak", "openai:alloy".'),
		rate: z.number().min(0.5).max(2).default(1).describe("Speaking rate the audio was made at (1 = the voice's normal speed)."),
	})
	.describe("The voice and rate that produced a narration's audio.");

export const narrationSchema = z
	.strictObject({
		text: z.string().describe('What the voice says in this scene (may be empty). Edit it and render: the scene is voiced again.'),
		audio: mediaSrcSchema.nullable().default(null).describe('The synthesised or recorded narration, or null (a render voices the text).'),
		voicedText: z
			.string()
			.nullable()
			.default(null)
			.describe(
				'The exact text `audio` was synthesised from, or null when there is no audio or it was not made from text by promptreel (a recorded voice-over, or a version 1 file): such audio is kept as is. When it differs from `text`, a render voices the scene again.',
			),
		voice: voiceChoiceSchema
			.nullable()
			.default(null)
			.describe('The voice and rate that produced `audio`, or null when unknown or there is no audio.'),
		offsetMs: z.number().min(0).default(0).describe('When the narration audio starts, in ms from the scene start.'),
		volume: z.number().min(0).max(2).default(1).describe('Narration volume (1 = as recorded).'),
	})
	.describe('The narration of one scene.');

export const shotSchema = z
	.strictObject({
		startMs: z
			.number()
			.min(0)
			.describe("When the shot starts, in ms from the scene start. It lasts until the next shot or the scene's end."),
		visual: visualSchema.nullable().default(null).describe('A new picture from this time on, or null to keep the current one.'),
		keyPhrase: z
			.string()
			.min(1)
			.max(80)
			.nullable()
			.default(null)
			.describe('A short phrase shown on screen during this shot (e.g. the key words being spoken), or null.'),
		camera: z
			.enum(KEN_BURNS)
			.nullable()
			.default(null)
			.describe("A camera move over the picture during this shot, or null for the template's default."),
	})
	.describe('A timed visual beat inside a scene: a cut to a new picture, an on-screen key phrase, a camera move, or several of them.');

export const CHART_KINDS = ['bar', 'line', 'counter'] as const;
export const sceneDataSchema = z
	.strictObject({
		chart: z.enum(CHART_KINDS).default('bar').describe("bar and line draw the points; counter counts up to the first point's value."),
		unit: z.string().max(12).nullable().default(null).describe('Unit shown after each value, e.g. "%" or "km", or null.'),
		points: z
			.array(
				z
					.strictObject({
						label: z.string().max(40).describe('Label of the point, e.g. "2024" or "Coal".'),
						value: z.number().finite().describe('Its value.'),
					})
					.describe('One labelled value.'),
			)
			.min(1)
			.max(12)
			.describe('The values, in the order shown.'),
	})
	.describe('Numbers a data-story scene charts (a label/value series).');

export const DURATION_SOURCES = ['speech', 'user'] as const;

export const sceneSchema = z
	.strictObject({
		id: z
			.string()
			.regex(/^[a-zA-Z0-9_-]{1,64}$/, 'Use letters, digits, - or _ (at most 64).')
			.describe('Stable id of the scene, unique in the storyboard.'),
		title: z.string().nullable().default(null).describe('On-screen title of the scene, or null.'),
		text: z.string().nullable().default(null).describe('Short on-screen text under the title, or null.'),
		narration: narrationSchema,
		visual: visualSchema,
		durationMs: z.number().min(200).max(600000).describe('How long the scene lasts, in ms, including the transition into the next one.'),
		durationSource: z
			.enum(DURATION_SOURCES)
			.default('user')
			.describe(
				'Where durationMs came from: "speech" (measured from the narration plus padding: a render that voices the scene again sets it from the new speech) or "user" (kept as set, lengthened only when the speech does not fit).',
			),
		captions: z.array(captionSchema).default([]).describe('Timed words of the narration (scene time).'),
		shots: z
			.array(shotSchema)
			.max(50)
			.default([])
			.describe('Timed visual beats inside the scene, by increasing startMs; empty for one picture all along.'),
		data: sceneDataSchema.nullable().default(null).describe('Numbers the scene charts (data stories), or null.'),
		itemNumber: z
			.number()
			.int()
			.min(1)
			.max(99)
			.nullable()
			.default(null)
			.describe('The number of the list item this scene presents (listicles, outlines), or null.'),
		transition: transitionSchema.default({type: 'fade', direction: 'from-right', durationMs: 500}),
	})
	.describe('One scene: what is said, what is shown, how long, and how it hands over.');

export const musicSchema = z
	.strictObject({
		src: mediaSrcSchema,
		volume: z.number().min(0).max(1).default(0.25).describe('Music volume when nobody speaks.'),
		duckedVolume: z.number().min(0).max(1).default(0.08).describe('Music volume while the narration speaks.'),
		fadeOutMs: z.number().min(0).default(1500).describe('Fade out at the end of the video, in ms.'),
		durationMs: z.number().positive().describe('Length of the music file in ms (it loops).'),
	})
	.describe('A background music bed, ducked under the narration. null means no music.');

export const CAPTION_PRESETS = ['highlight', 'boxed', 'pop', 'reveal', 'bounce', 'classic'] as const;
export type CaptionPreset = (typeof CAPTION_PRESETS)[number];
/** Older preset names still accepted, and the preset each one now means. */
export const CAPTION_PRESET_ALIASES = {plain: 'classic'} as const satisfies Record<string, CaptionPreset>;
export const CAPTION_POSITIONS = ['bottom', 'center', 'top'] as const;

export const captionPresetSchema = z
	// A preprocess, not a transform: JSON Schema (MCP tools, OpenAPI, `promptreel schema`) shows the presets.
	.preprocess(
		(p) => (typeof p === 'string' && p in CAPTION_PRESET_ALIASES ? CAPTION_PRESET_ALIASES[p as keyof typeof CAPTION_PRESET_ALIASES] : p),
		z.enum(CAPTION_PRESETS),
	)
	.default('highlight')
	.describe(
		'highlight colours the spoken word (karaoke); boxed puts it on a pill; pop shows one word at a time; reveal shows words as they are spoken; bounce springs each word in; classic shows outlined two-line chunks. "plain" is an older name for classic.',
	);

export const captionStyleSchema = z
	.strictObject({
		enabled: z.boolean().default(true).describe('Show captions.'),
		preset: captionPresetSchema,
		position: z.enum(CAPTION_POSITIONS).default('bottom').describe('Where captions sit: top, center or bottom of the safe area.'),
		combineWithinMs: z.number().min(0).default(1200).describe('Words within this many ms form one caption page.'),
		fontScale: z.number().min(0.5).max(2).default(1).describe("Caption size relative to the template's default (0.5 to 2)."),
	})
	.describe('How captions look.');

export const creditSchema = z
	.strictObject({
		kind: z.enum(['image', 'video', 'music', 'voice', 'icon', 'font', 'other']).describe('What was used.'),
		title: z.string().describe('What the asset is, e.g. "Photo of a volcano".'),
		author: z.string().nullable().default(null).describe('Who made it.'),
		authorUrl: z
			.string()
			.nullable()
			.optional()
			.describe("A link to its author (e.g. the photographer's page); absent or null when there is none."),
		url: z.string().nullable().default(null).describe('Where it comes from.'),
		license: z.string().describe('Its licence, e.g. "Pexels License", "MIT", "CC BY 4.0".'),
		source: z.string().nullable().default(null).describe('The provider, e.g. "Pexels".'),
	})
	.describe('Attribution of one third-party asset.');

export const endCardSchema = z
	.strictObject({
		enabled: z.boolean().default(true).describe('Show an end card after the last scene.'),
		title: z.string().nullable().default(null).describe('Big text of the end card, or null.'),
		durationMs: z.number().min(500).max(20000).default(2500).describe('How long the end card lasts.'),
	})
	.describe('The closing card with the credits and a fade out.');

export const STORYBOARD_VERSION = 2;

/**
 * A template's own options (validated by the chosen template's `templateOptionsSchema`, see
 * validate-template-options.ts): open here, because options of another template are ignored with
 * a warning rather than refused.
 */
export const templateOptionsSchema = z
	.record(z.string(), z.unknown())
	.default({})
	.describe('Options of the chosen template (see `promptreel templates`); options another template takes are ignored with a warning.');

const checkShots = (scene: z.output<typeof sceneSchema>, i: number, ctx: z.core.$RefinementCtx): void => {
	scene.shots.forEach((shot, j) => {
		const path = ['scenes', i, 'shots', j];
		const previous = scene.shots[j - 1];
		if (previous && shot.startMs <= previous.startMs) {
			ctx.addIssue({
				code: 'custom',
				path: [...path, 'startMs'],
				message: `Shots must start in order: ${shot.startMs} ms is not after the previous shot's ${previous.startMs} ms.`,
			});
		}
		if (shot.startMs >= scene.durationMs) {
			ctx.addIssue({
				code: 'custom',
				path: [...path, 'startMs'],
				message: `The shot starts at ${shot.startMs} ms, not before the scene's end (${scene.durationMs} ms).`,
			});
		}
		if (shot.visual === null && shot.keyPhrase === null && shot.camera === null) {
			ctx.addIssue({
				code: 'custom',
				path,
				message: 'A shot changes something: give it a visual, a keyPhrase or a camera move (or remove it).',
			});
		}
	});
};

/** The current storyboard format (version 2), strict at every level. Parse files with `storyboardSchema`, which also reads version 1. */
export const storyboardV2Schema = z
	.strictObject({
		version: z
			.literal(STORYBOARD_VERSION, {
				error: 'This promptreel reads storyboard versions 1 and 2: set "version" to 2 (or 1 for an older file).',
			})
			.default(STORYBOARD_VERSION)
			.describe('Storyboard format version (2; files of version 1 are upgraded when read).'),
		title: z.string().min(1).describe('Title of the video.'),
		template: z.string().min(1).default('explainer').describe('Id of the template that renders it.'),
		templateOptions: templateOptionsSchema,
		language: z
			.string()
			.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'Use a BCP 47 tag such as "en" or "pt-BR".')
			.default('en')
			.describe('Language of the narration and captions, as a BCP 47 tag.'),
		format: formatSchema.default({aspect: '16:9', resolution: '1080p', fps: 30}),
		theme: themeSchema.default({palette: DEFAULT_PALETTE, fontFamily: 'Inter', fontFile: null, logo: null, brandColors: null}),
		scenes: z.array(sceneSchema).min(1).max(200).describe('The scenes, in order.'),
		music: musicSchema.nullable().default(null).describe('The background music, or null for none.'),
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
			checkShots(scene, i, ctx);
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
	.describe(
		'A whole video: format, theme and brand, template options, scenes with narration, visuals, shots and captions, music and credits.',
	);

/** A parsed storyboard (version 2, defaults applied). */
export type Storyboard = z.output<typeof storyboardV2Schema>;
/** A version 2 storyboard as written (fields with defaults may be left out). */
export type StoryboardInput = z.input<typeof storyboardV2Schema>;
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
export type Shot = z.infer<typeof shotSchema>;
export type SceneData = z.infer<typeof sceneDataSchema>;
export type BrandColors = z.infer<typeof brandColorsSchema>;
export type VoiceChoice = z.infer<typeof voiceChoiceSchema>;
export type Narration = z.infer<typeof narrationSchema>;
export type DurationSource = (typeof DURATION_SOURCES)[number];
