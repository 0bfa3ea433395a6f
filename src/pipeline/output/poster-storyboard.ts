import type {Storyboard} from '../../compositions/storyboard';

/**
 * The storyboard the poster is rendered from: no captions (a poster showed half a sentence, issue
 * #15), the first scene titled with the video's title (the topic, not a scene's line) and its
 * shots left out, so the poster frame shows the topic: the title over the first picture.
 */
export const posterStoryboard = (sb: Storyboard): Storyboard => ({
	...sb,
	captionStyle: {...sb.captionStyle, enabled: false},
	scenes: sb.scenes.map((scene, i) =>
		i === 0
			? {
					...scene,
					title: sb.title,
					text: null,
					// The scene's own picture, held: a shot could fall mid-crossfade on the poster frame.
					shots: [],
				}
			: scene,
	),
});
