import {z} from 'zod';

/** The headline template's own options (`storyboard.templateOptions`); every one has a default. */
export const headlineOptionsSchema = z
	.strictObject({
		kicker: z
			.string()
			.min(1)
			.max(24)
			.nullable()
			.default(null)
			.describe('A short label in the corner box, e.g. "Science" or "Live", in the video\'s language; null shows none.'),
		source: z
			.string()
			.min(1)
			.max(120)
			.nullable()
			.default(null)
			.describe(
				'The source line under the lower third, e.g. "Source: City council"; null writes one from the credits of the scene\'s picture (author and provider), or none.',
			),
		headlineCase: z
			.enum(['as-written', 'uppercase'])
			.default('as-written')
			.describe('Headlines as written, or in capitals (for scripts that have them).'),
	})
	.describe('Options of the headline template.');

export type HeadlineOptions = z.output<typeof headlineOptionsSchema>;
