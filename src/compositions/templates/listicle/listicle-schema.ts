import {z} from 'zod';

/** The listicle template's own options (`storyboard.templateOptions`); every one has a default. */
export const listicleOptionsSchema = z
	.strictObject({
		numberStyle: z
			.enum(['numeral', 'hash', 'padded'])
			.default('numeral')
			.describe('How item numbers are written: numeral "3", hash "#3", padded "03". Numbers come from each scene\'s itemNumber.'),
		progress: z
			.enum(['bar', 'dots', 'none'])
			.default('bar')
			.describe('The progress indicator under the number: a bar filling across the whole list, one dot per item, or none.'),
		panelSide: z
			.enum(['start', 'end'])
			.default('start')
			.describe(
				'In landscape and square frames, the number panel sits at the start of the writing direction (left, or right for Arabic) or at the end. Portrait frames put it on top.',
			),
	})
	.describe('Options of the listicle template.');

export type ListicleOptions = z.output<typeof listicleOptionsSchema>;
