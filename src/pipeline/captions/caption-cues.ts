import type {Caption} from '@remotion/captions';
import {captionLines, captionPages} from '../../compositions/components/caption-pages';
import {computeTimeline, joinCaptionWords, type Storyboard} from '../../compositions/storyboard';

export type CaptionCue = {startMs: number; endMs: number; lines: string[]};

export type CueOptions = {
	/** Line length in columns: a CJK (full-width) character takes two, so 42 columns hold 21 of them. */
	maxCharsPerLine: number;
	maxLines: number;
	maxCueMs: number;
	breakOnGapMs: number;
	/** A cue shorter than this joins a neighbour. */
	minCueMs: number;
	/** BCP 47 tag: in Japanese, Chinese or Thai words are joined without spaces. */
	language: string;
};
const DEFAULTS: CueOptions = {maxCharsPerLine: 42, maxLines: 2, maxCueMs: 6000, breakOnGapMs: 700, minCueMs: 800, language: 'en'};

/** Every caption of the storyboard on the whole video's timeline (absolute ms). */
export const absoluteCaptions = (sb: Storyboard): Caption[] => {
	const timeline = computeTimeline(sb);
	return sb.scenes.flatMap((scene, i) => {
		const start = timeline.scenes[i]?.startMs ?? 0;
		return scene.captions.map((c) => ({...c, startMs: start + c.startMs, endMs: start + c.endMs}));
	});
};

const graphemeSegmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
// East Asian wide and full-width characters take two columns on screen.
const WIDE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6\u30fc]/u;

/** Width of a line in columns: graphemes, two for each wide (CJK) one. */
export const displayWidth = (s: string): number => {
	let width = 0;
	for (const {segment} of graphemeSegmenter.segment(s)) width += WIDE.test(segment) ? 2 : 1;
	return width;
};

/**
 * Groups timed words into readable subtitle cues: pages of at most `maxLines` lines of
 * `maxCharsPerLine` columns that end at sentence ends (also `।`, `؟`, `。`), break where reading
 * pauses, never last under ~0.8 s unless alone, and start after a pause; lines break at word
 * boundaries only (see caption-pages.ts). Words are never split.
 */
export const buildCues = (captions: Caption[], options: Partial<CueOptions> = {}): CaptionCue[] => {
	const o = {...DEFAULTS, ...options};
	const pages = captionPages(captions, {
		maxColumns: o.maxCharsPerLine * o.maxLines,
		lineColumns: o.maxCharsPerLine,
		maxLines: o.maxLines,
		maxPageMs: o.maxCueMs,
		minPageMs: o.minCueMs,
		breakOnGapMs: o.breakOnGapMs,
	});
	return pages.map((page) => {
		const texts = page.words.map((w) => w.text.trim());
		const lines = captionLines(
			texts.map((text) => ({text})),
			o.maxCharsPerLine,
			o.maxLines,
		).map((idx) =>
			joinCaptionWords(
				idx.map((i, k) => (k ? ` ${texts[i]}` : texts[i]!)),
				o.language,
			),
		);
		return {startMs: page.startMs, endMs: page.endMs, lines};
	});
};
