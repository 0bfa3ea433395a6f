import {z} from 'zod';

/** The kinetic template's own options (`storyboard.templateOptions`); every one has a default. */
export const kineticOptionsSchema = z
	.strictObject({
		motion: z
			.enum(['rise', 'slam', 'type'])
			.default('rise')
			.describe(
				'How each word arrives when it is spoken: rise slides it up into place, slam drops it in from large, type shows it at once with a caret.',
			),
		upcoming: z
			.enum(['hidden', 'ghost'])
			.default('hidden')
			.describe('Words not yet spoken: hidden until spoken, or ghost (shown faintly so the whole phrase can be read ahead).'),
		wordsPerPage: z
			.number()
			.int()
			.min(2)
			.max(24)
			.default(9)
			.describe('At most this many words on screen at once; a new page also starts after each sentence.'),
		align: z
			.enum(['center', 'start'])
			.default('center')
			.describe('Lines centred, or aligned to the start of the writing direction (left, or right for Arabic).'),
		quoteMarks: z
			.boolean()
			.default(false)
			.describe('Draw a large opening quotation mark above each page (quote cards); the scene text is then shown as the attribution.'),
	})
	.describe('Options of the kinetic template.');

export type KineticOptions = z.output<typeof kineticOptionsSchema>;
