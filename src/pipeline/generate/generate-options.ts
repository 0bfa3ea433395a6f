import {z} from 'zod';
import {aspectSchema, formatSchema} from '../../compositions/storyboard';
import {qualitySchema} from '../render/quality';

/** Options of `generate` (CLI flags, HTTP `options`, MCP input); defaults applied here only. */
export const generateOptionsSchema = z.strictObject({
	template: z
		.string()
		.min(1)
		.default('auto')
		.describe(
			'Template id (see `promptreel templates`), or "auto": chosen from the prompt (an outline -> listicle, a quote -> kinetic, figures -> data-story, your recording -> audiogram, a video clip -> captioned-clip, else explainer); report.json says which and why.',
		),
	aspect: aspectSchema.default('16:9'),
	fps: formatSchema.shape.fps,
	durationSec: z.number().positive().max(1800).nullable().default(null).describe('Target length in seconds; null = from the text.'),
	lang: z
		.union([
			z.literal('auto'),
			z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'Use a BCP 47 tag such as "en" or "pt-BR", or "auto".'),
		])
		.nullable()
		.default('auto')
		.describe('Language of the script (BCP 47: en, es, de, fr, pt, it, ja, zh, ar, hi); "auto" or null detects it from the script.'),
	voice: z
		.string()
		.min(1)
		.default('auto')
		.describe(
			'Voice id, "none" for a silent video with captions, or "auto": the offline voice of the language (Festival for English, espeak-ng for the others).',
		),
	voiceover: z
		.string()
		.min(1)
		.nullable()
		.default(null)
		.describe(
			'Your own narration instead of synthesis: one audio file for the whole script, or a folder with one file per scene (in name order).',
		),
	rate: z.number().min(0.5).max(2).default(1).describe('Speaking speed (1 = normal).'),
	music: z.string().min(1).default('auto').describe('auto (by mood), none, a bundled track id, or an audio file path.'),
	quality: qualitySchema.default('standard'),
	seed: z.number().int().min(0).default(1).describe('Seed for every random choice.'),
	templateOptions: z
		.record(z.string(), z.unknown())
		.optional()
		.describe(
			'Options of the template, set on the storyboard it plans (see `promptreel templates`; a CSV batch fills them from templateOptions.<name> columns).',
		),
});

export type GenerateOptionsInput = z.input<typeof generateOptionsSchema>;
export type GenerateOptions = z.infer<typeof generateOptionsSchema>;
