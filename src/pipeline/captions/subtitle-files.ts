import {serializeSrt} from '@remotion/captions';
import type {Storyboard} from '../../compositions/storyboard';
import {absoluteCaptions, buildCues, type CaptionCue} from './caption-cues';

const cuesOf = (sb: Storyboard): CaptionCue[] => buildCues(absoluteCaptions(sb), {language: sb.language});

/** SubRip text of the storyboard's captions, in readable cues on the video's timeline. */
export const storyboardToSrt = (sb: Storyboard): string => {
	const lines = cuesOf(sb).map((cue) => [
		{text: cue.lines.join('\n'), startMs: cue.startMs, endMs: cue.endMs, timestampMs: null, confidence: null},
	]);
	return lines.length === 0 ? '' : `${serializeSrt({lines})}\n`;
};

const vttTime = (ms: number): string => {
	const total = Math.max(0, Math.round(ms));
	const h = Math.floor(total / 3_600_000);
	const m = Math.floor((total % 3_600_000) / 60_000);
	const s = Math.floor((total % 60_000) / 1000);
	const pad = (n: number, w = 2) => String(n).padStart(w, '0');
	return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(total % 1000, 3)}`;
};

/** WebVTT text of the storyboard's captions (same cues as the SRT). */
export const storyboardToVtt = (sb: Storyboard): string => {
	const body = cuesOf(sb)
		.map((cue, i) => `${i + 1}\n${vttTime(cue.startMs)} --> ${vttTime(cue.endMs)}\n${cue.lines.join('\n')}`)
		.join('\n\n');
	return `WEBVTT\n\n${body}${body ? '\n' : ''}`;
};
