import {z} from 'zod';

/** The data-story template's own options (`storyboard.templateOptions`); every one has a default. */
export const dataStoryOptionsSchema = z
	.strictObject({
		countDurationMs: z.number().min(300).max(8000).default(1800).describe('How long counters count up and bars and lines grow, in ms.'),
		numberFormat: z
			.enum(['full', 'compact'])
			.default('full')
			.describe("full writes 2,400,000 (grouped the language's way); compact writes 2.4M."),
		gridLines: z.boolean().default(true).describe('Draw light guide lines behind bar and line charts.'),
		valueLabels: z.boolean().default(true).describe('Write each value on its bar or point.'),
	})
	.describe('Options of the data-story template.');

export type DataStoryOptions = z.output<typeof dataStoryOptionsSchema>;
