import {isSentenceEnd} from '../../components/caption-pages';
import type {StoryboardCaption} from '../../storyboard';

/**
 * When each sentence of a scene's narration starts, in ms from the scene start: the first word,
 * and every word after a sentence end (also `।`, `؟`, `。`). The jump zoom cuts there.
 */
export const sentenceStarts = (captions: readonly Pick<StoryboardCaption, 'text' | 'startMs'>[]): number[] =>
	captions.flatMap((c, i) => {
		const previous = captions[i - 1];
		return i === 0 || (previous && isSentenceEnd(previous.text)) ? [c.startMs] : [];
	});
