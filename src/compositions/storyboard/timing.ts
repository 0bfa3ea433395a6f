import type {Storyboard} from './storyboard-schema';

/** ms -> frames, rounded to the nearest frame. */
export const msToFrames = (ms: number, fps: number): number => Math.round((ms * fps) / 1000);

/** frames -> ms. */
export const framesToMs = (frames: number, fps: number): number => (frames * 1000) / fps;

export type SceneTiming = {
	/** Index in storyboard.scenes, or -1 for the end card. */
	index: number;
	/** Absolute start of the scene in the video, ms (exact, before rounding). */
	startMs: number;
	/** Absolute first frame of the scene. */
	startFrame: number;
	/** Frames the scene occupies, including the overlap into the next one. */
	durationInFrames: number;
	/** Frames of overlap with the next item (0 for none / last). */
	transitionInFrames: number;
};

export type Timeline = {
	fps: number;
	scenes: SceneTiming[];
	endCard: SceneTiming | null;
	durationInFrames: number;
	durationMs: number;
};

type TimelineInput = Pick<Storyboard, 'scenes' | 'endCard'> & {format: Pick<Storyboard['format'], 'fps'>};

/**
 * Places every scene on the video's timeline. Scenes overlap by their transition; boundaries are
 * computed in ms cumulatively and rounded to frames once each, so a scene's visual, narration and
 * captions all start at the same absolute frame (no drift from rounding every duration).
 *
 * TransitionSeries places item i+1 at start(i) + duration(i) - transition(i); with
 * duration(i) = round(end_i) - round(start_i) and transition(i) = round(end_i) - round(start_{i+1})
 * that lands exactly on round(start_{i+1}).
 */
export const computeTimeline = (storyboard: TimelineInput): Timeline => {
	const fps = storyboard.format.fps;
	const items: {index: number; durationMs: number; transitionMs: number}[] = storyboard.scenes.map((s, i) => ({
		index: i,
		durationMs: s.durationMs,
		transitionMs: s.transition.type === 'none' ? 0 : s.transition.durationMs,
	}));
	if (storyboard.endCard.enabled) {
		items.push({index: -1, durationMs: storyboard.endCard.durationMs, transitionMs: 0});
	}
	const last = items[items.length - 1];
	if (last) last.transitionMs = 0;

	const starts: number[] = [];
	let cursor = 0;
	for (const item of items) {
		starts.push(cursor);
		cursor += item.durationMs - item.transitionMs;
	}
	const totalMs = cursor;

	const timings: SceneTiming[] = items.map((item, i) => {
		const startMs = starts[i] ?? 0;
		const startFrame = msToFrames(startMs, fps);
		const endFrame = msToFrames(startMs + item.durationMs, fps);
		const nextStart = starts[i + 1];
		const transitionInFrames = nextStart === undefined ? 0 : endFrame - msToFrames(nextStart, fps);
		return {index: item.index, startMs, startFrame, durationInFrames: endFrame - startFrame, transitionInFrames};
	});

	const endCard = timings.find((t) => t.index === -1) ?? null;
	return {
		fps,
		scenes: timings.filter((t) => t.index !== -1),
		endCard,
		durationInFrames: Math.max(1, msToFrames(totalMs, fps)),
		durationMs: totalMs,
	};
};

/** Absolute frame of a time given in ms from the start of scene `timing`. */
export const sceneMsToAbsoluteFrame = (timing: SceneTiming, ms: number, fps: number): number => msToFrames(timing.startMs + ms, fps);
