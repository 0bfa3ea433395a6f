import {z} from 'zod';

/** The captioned-clip template's own options (`storyboard.templateOptions`); every one has a default. */
export const captionedClipOptionsSchema = z
	.strictObject({
		captionScale: z
			.number()
			.min(1)
			.max(2)
			.default(1.4)
			.describe(
				"How much bigger than the storyboard's caption size (captionStyle.fontScale) the captions are drawn: the words are the point of a captioned clip. Pages hold fewer words as they grow.",
			),
		hook: z
			.boolean()
			.default(true)
			.describe("Show the first scene's title as a tilted sticker over the first seconds (the hook), then drop it."),
		jumpZoom: z
			.boolean()
			.default(true)
			.describe('Cut the picture in closer and back out at each new sentence of the narration, like jump cuts of a talking head.'),
		progressBar: z.boolean().default(true).describe('A thin bar along the top edge that fills as the video plays.'),
	})
	.describe('Options of the captioned-clip template.');

export type CaptionedClipOptions = z.output<typeof captionedClipOptionsSchema>;
