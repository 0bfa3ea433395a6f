import type {Caption} from '@remotion/captions';
import {computeTimeline, joinCaptionWords, type Storyboard} from '../../compositions/storyboard';

export type CaptionCue = {startMs: number; endMs: number; lines: string[]};

export type CueOptions = {
	/** Line length in columns: a CJK (full-width) character takes two, so 42 columns hold 21 of them. */
	maxCharsPerLine: number;
	maxLines: number;
	maxCueMs: number;
	breakOnGapMs: number;
	/** BCP 47 tag: in Japanese, Chinese or Thai words are joined without spaces. */
	language: string;
};
const DEFAULTS: CueOptions = {maxCharsPerLine: 42, maxLines: 2, maxCueMs: 6000, breakOnGapMs: 700, language: 'en'};

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
 * Greedy line breaking at word boundaries (never inside a word or grapheme); a word longer than
 * a line gets its own line. Words are joined as captions show them: with spaces, or without in
 * languages written without them.
 */
const breakLines = (words: string[], max: number, language: string): string[] => {
	const lines: string[][] = [];
	let current: string[] = [];
	const text = (ws: string[]) => joinCaptionWords(ws.map((w, i) => (i ? ` ${w}` : w)), language);
	for (const word of words) {
		if (current.length > 0 && displayWidth(text([...current, word])) > max) {
			lines.push(current);
			current = [word];
		} else {
			current.push(word);
		}
	}
	if (current.length > 0) lines.push(current);
	return lines.map(text);
};

/**
 * Groups timed words into readable subtitle cues: at most `maxLines` lines of `maxCharsPerLine`
 * characters, a new cue after a sentence end, a pause, or `maxCueMs`. Words are never split.
 */
export const buildCues = (captions: Caption[], options: Partial<CueOptions> = {}): CaptionCue[] => {
	const o = {...DEFAULTS, ...options};
	const cues: CaptionCue[] = [];
	let words: Caption[] = [];
	const flush = () => {
		const first = words[0];
		const last = words[words.length - 1];
		if (first && last) {
			cues.push({
				startMs: first.startMs,
				endMs: last.endMs,
				lines: breakLines(words.map((w) => w.text.trim()).filter(Boolean), o.maxCharsPerLine, o.language),
			});
		}
		words = [];
	};
	for (const caption of captions) {
		const text = caption.text.trim();
		if (!text) continue;
		const prev = words[words.length - 1];
		if (prev) {
			const tentative = breakLines([...words.map((w) => w.text.trim()), text], o.maxCharsPerLine, o.language);
			const gap = caption.startMs - prev.endMs;
			const tooLong = caption.endMs - (words[0]?.startMs ?? caption.startMs) > o.maxCueMs;
			if (tentative.length > o.maxLines || gap > o.breakOnGapMs || tooLong) flush();
		}
		words.push(caption);
		if (/[.!?。！？…]["')\]]?$/.test(text)) flush();
	}
	flush();
	return cues;
};
