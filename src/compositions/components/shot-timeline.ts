import type {Shot, Visual} from '../storyboard';

/** A stretch of a scene (frames from the scene's start) showing one picture. */
export type PictureSpan = {visual: Visual; from: number; to: number};

/** Frames of a crossfade or pop between two pictures. */
export const SHOT_FADE_FRAMES = 9;

const frameOf = (ms: number, fps: number): number => Math.round((ms / 1000) * fps);

/** The frames each shot starts at, clamped into the scene. */
const shotFrames = (shots: readonly Shot[], fps: number, durationInFrames: number): number[] =>
	shots.map((s) => Math.min(durationInFrames - 1, frameOf(s.startMs, fps)));

/** The pictures of a scene in order: its own visual from frame 0, then each shot's new picture until the next one. */
export const pictureSpans = (visual: Visual, shots: readonly Shot[], fps: number, durationInFrames: number): PictureSpan[] => {
	const frames = shotFrames(shots, fps, durationInFrames);
	const spans: PictureSpan[] = [{visual, from: 0, to: durationInFrames}];
	shots.forEach((shot, i) => {
		if (!shot.visual) return;
		const from = frames[i]!;
		spans[spans.length - 1]!.to = from;
		spans.push({visual: shot.visual, from, to: durationInFrames});
	});
	return spans.filter((s) => s.to > s.from);
};

/** Whether two pictures share their background (the same drawn style): then only the illustration changes. */
export const sameBackground = (a: Visual, b: Visual): boolean =>
	a.kind === 'procedural' && b.kind === 'procedural'
		? a.style === b.style
		: a.kind === b.kind && a.kind !== 'procedural' && a.src === (b as typeof a).src;

/** A key phrase on screen: from its shot's start to the next shot's. */
export type PhraseSpan = {text: string; from: number; to: number};

export const phraseSpans = (shots: readonly Shot[], fps: number, durationInFrames: number): PhraseSpan[] => {
	const frames = shotFrames(shots, fps, durationInFrames);
	return shots.flatMap((shot, i) =>
		shot.keyPhrase ? [{text: shot.keyPhrase, from: frames[i]!, to: frames[i + 1] ?? durationInFrames}] : [],
	);
};

/** A camera move: from its shot's start to the next camera move (or the scene's end). */
export type CameraSpan = {motion: NonNullable<Shot['camera']>; from: number; to: number};

export const cameraSpans = (shots: readonly Shot[], fps: number, durationInFrames: number): CameraSpan[] => {
	const frames = shotFrames(shots, fps, durationInFrames);
	const moves = shots.flatMap((shot, i) => (shot.camera ? [{motion: shot.camera, from: frames[i]!}] : []));
	return moves.map((m, i) => ({...m, to: moves[i + 1]?.from ?? durationInFrames}));
};
