import type {Caption} from '@remotion/captions';
import {computeTimeline, type Storyboard} from '../../compositions/storyboard';

export type CaptionCue = {startMs: number; endMs: number; lines: string[]};

export type CueOptions = {maxCharsPerLine: number; maxLines: number; maxCueMs: number; breakOnGapMs: number};
const DEFAULTS: CueOptions = {maxCharsPerLine: 42, maxLines: 2, maxCueMs: 6000, breakOnGapMs: 700};

/** Every caption of the storyboard on the whole video's timeline (absolute ms). */
export const absoluteCaptions = (sb: Storyboard): Caption[] => {
	const timeline = computeTimeline(sb);
	return sb.scenes.flatMap((scene, i) => {
		const start = timeline.scenes[i]?.startMs ?? 0;
		return scene.captions.map((c) => ({...c, startMs: start + c.startMs, endMs: start + c.endMs}));
	});
};

const graphemes = (s: string): number => [...new Intl.Segmenter(undefined, {granularity: 'grapheme'}).segment(s)].length;

/** Greedy line breaking at word boundaries; a word longer than a line gets its own line. */
const breakLines = (words: string[], max: number): string[] => {
	const lines: string[] = [];
	let current = '';
	for (const word of words) {
		const candidate = current ? `${current} ${word}` : word;
		if (current && graphemes(candidate) > max) {
			lines.push(current);
			current = word;
		} else {
			current = candidate;
		}
	}
	if (current) lines.push(current);
	return lines;
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
				lines: breakLines(words.map((w) => w.text.trim()).filter(Boolean), o.maxCharsPerLine),
			});
		}
		words = [];
	};
	for (const caption of captions) {
		const text = caption.text.trim();
		if (!text) continue;
		const prev = words[words.length - 1];
		if (prev) {
			const tentative = breakLines([...words.map((w) => w.text.trim()), text], o.maxCharsPerLine);
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
