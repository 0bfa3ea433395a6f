import type {StoryboardCaption} from '../../compositions/storyboard';
import {attachParticles} from '../captions';

type Word = {text: string; startMs: number; endMs: number};

/**
 * Timed words -> storyboard captions in scene time. Every word after the first starts with a space:
 * createTikTokStyleCaptions starts a page only at tokens that begin with one. Japanese particles
 * join the word before them (see attachParticles), so no page starts on one.
 */
export const wordsToCaptions = (words: readonly Word[], offsetMs: number, language = 'en'): StoryboardCaption[] =>
	attachParticles(words, language)
		.filter((w) => w.text.trim().length > 0)
		.map((w, i) => {
			const startMs = Math.round(offsetMs + w.startMs);
			const endMs = Math.max(startMs, Math.round(offsetMs + w.endMs));
			return {
				text: i === 0 ? w.text.trim() : ` ${w.text.trim()}`,
				startMs,
				endMs,
				timestampMs: Math.round((startMs + endMs) / 2),
				confidence: null,
			};
		});
