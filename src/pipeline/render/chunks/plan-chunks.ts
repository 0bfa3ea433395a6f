import {computeTimeline, type Storyboard} from '../../../compositions/storyboard';

/** A chunk of a video: frames `from` to `to`, both included. */
export type ChunkRange = {index: number; from: number; to: number};

/** Frames a scene is on screen, widened by one frame each side (rounding, premounting: when unsure, include). */
export const MARGIN_FRAMES = 1;

/** The frames each scene counts as on screen in (its timeline span, widened by MARGIN_FRAMES). */
export const sceneSpans = (sb: Storyboard): {index: number; from: number; to: number}[] =>
	computeTimeline(sb).scenes.map((timing) => ({
		index: timing.index,
		from: timing.startFrame - MARGIN_FRAMES,
		to: timing.startFrame + timing.durationInFrames - 1 + MARGIN_FRAMES,
	}));

const validate = (framesPerChunk: number) => {
	if (!Number.isInteger(framesPerChunk) || framesPerChunk < 1)
		throw new Error(`framesPerChunk must be a whole number >= 1, got ${framesPerChunk}.`);
};

/** Splits a video into fixed-size frame chunks, every one `framesPerChunk` long except the last. */
export const planChunks = (o: {durationInFrames: number; framesPerChunk: number}): ChunkRange[] => {
	validate(o.framesPerChunk);
	const chunks: ChunkRange[] = [];
	for (let from = 0, index = 0; from < o.durationInFrames; from += o.framesPerChunk, index++) {
		chunks.push({index, from, to: Math.min(o.durationInFrames, from + o.framesPerChunk) - 1});
	}
	return chunks;
};

/**
 * Splits a video into chunks cut where the set of scenes on screen changes (a scene's body, each
 * transition between two scenes, the end card), each part then cut evenly into chunks of at most
 * `framesPerChunk`. An edit to one scene's own fields then reaches the chunks of its body and its
 * two transitions, not the neighbours' frames a fixed grid would put in the same chunks.
 */
export const planSceneChunks = (o: {storyboard: Storyboard; durationInFrames: number; framesPerChunk: number}): ChunkRange[] => {
	validate(o.framesPerChunk);
	const spans = sceneSpans(o.storyboard);
	const cuts = new Set<number>([0, o.durationInFrames]);
	for (const span of spans) {
		cuts.add(Math.max(0, span.from));
		cuts.add(Math.min(o.durationInFrames, span.to + 1));
	}
	const edges = [...cuts].filter((c) => c >= 0 && c <= o.durationInFrames).sort((a, b) => a - b);
	const chunks: ChunkRange[] = [];
	for (let i = 0; i + 1 < edges.length; i++) {
		const [start, end] = [edges[i]!, edges[i + 1]!];
		const pieces = Math.ceil((end - start) / o.framesPerChunk);
		for (let p = 0; p < pieces; p++) {
			const from = start + Math.round(((end - start) * p) / pieces);
			const to = start + Math.round(((end - start) * (p + 1)) / pieces) - 1;
			chunks.push({index: chunks.length, from, to});
		}
	}
	return chunks;
};
