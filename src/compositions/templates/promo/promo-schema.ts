import {z} from 'zod';

/** The promo template's own options (`storyboard.templateOptions`); every one has a default. */
export const promoOptionsSchema = z
	.strictObject({
		cta: z
			.string()
			.min(1)
			.max(32)
			.nullable()
			.default(null)
			.describe(
				'The call to action on the button of the last scene, e.g. "Try it free", in the video\'s language; null shows no button (the last scene is then a feature like the others).',
			),
		ctaLine: z
			.string()
			.min(1)
			.max(60)
			.nullable()
			.default(null)
			.describe('A line under the button: a web address, a handle or a command, e.g. "example.com/start"; null shows none.'),
		badge: z
			.enum(['check', 'number', 'none'])
			.default('check')
			.describe("The mark before each feature callout: a tick, the feature's number, or none."),
	})
	.describe('Options of the promo template.');

export type PromoOptions = z.output<typeof promoOptionsSchema>;
