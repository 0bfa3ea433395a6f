import {z} from 'zod';
import {aspectSchema} from '../../compositions/storyboard';
import {qualitySchema} from '../render/quality';

/** Options of `generate` (CLI flags, HTTP `options`, MCP input); defaults applied here only. */
export const generateOptionsSchema = z.object({
	template: z.string().min(1).default('explainer').describe('Template id (see `promptreel templates`).'),
	aspect: aspectSchema.default('16:9'),
	durationSec: z.number().positive().max(1800).nullable().default(null).describe('Target length in seconds; null = from the text.'),
	lang: z
		.string()
		.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'Use a BCP 47 tag such as "en" or "pt-BR".')
		.default('en')
		.describe('Language of the script (BCP 47).'),
	voice: z.string().min(1).default('festival').describe('Voice id, or "none" for a silent video with captions.'),
	rate: z.number().min(0.5).max(2).default(1).describe('Speaking speed (1 = normal).'),
	music: z.string().min(1).default('auto').describe('auto (by mood), none, a bundled track id, or an audio file path.'),
	quality: qualitySchema.default('standard'),
	seed: z.number().int().min(0).default(1).describe('Seed for every random choice.'),
});

export type GenerateOptionsInput = z.input<typeof generateOptionsSchema>;
export type GenerateOptions = z.infer<typeof generateOptionsSchema>;
