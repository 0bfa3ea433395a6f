import {z} from 'zod';

/** The audiogram template's own options (`storyboard.templateOptions`); every one has a default. */
export const audiogramOptionsSchema = z
	.strictObject({
		showName: z
			.string()
			.min(1)
			.max(40)
			.nullable()
			.default(null)
			.describe("The podcast or show name, written small above the title, in the video's language; null shows none."),
		visualizer: z
			.enum(['bars', 'wave'])
			.default('bars')
			.describe(
				'How the sound is drawn: a mirrored frequency spectrum (bars) or the moving waveform (wave), both from @remotion/media-utils.',
			),
		cover: z
			.enum(['square', 'round'])
			.default('square')
			.describe(
				"The cover art's shape: a rounded square that pulses with the sound, or a round record that turns. The art is the scene's image or clip (else the first image of the storyboard, else an animated background).",
			),
		audioSource: z
			.enum(['auto', 'narration', 'music'])
			.default('auto')
			.describe(
				"Which sound the visualizer follows: the scene's narration (the voice-over), the music bed, or auto (the narration where a scene has audio, else the music).",
			),
		progress: z
			.boolean()
			.default(true)
			.describe('A progress line with the elapsed and total time under the visualizer, like a podcast player.'),
	})
	.describe('Options of the audiogram template.');

export type AudiogramOptions = z.output<typeof audiogramOptionsSchema>;
