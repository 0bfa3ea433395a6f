/** A chunk of a video: frames `from` to `to`, both included. */
export type ChunkRange = {index: number; from: number; to: number};

/**
 * Splits a video into fixed-size frame chunks, every one `framesPerChunk` long except the last
 * (a chunk's frames are found by its index: index * framesPerChunk).
 */
export const planChunks = (o: {durationInFrames: number; framesPerChunk: number}): ChunkRange[] => {
	if (!Number.isInteger(o.framesPerChunk) || o.framesPerChunk < 1)
		throw new Error(`framesPerChunk must be a whole number >= 1, got ${o.framesPerChunk}.`);
	const chunks: ChunkRange[] = [];
	for (let from = 0, index = 0; from < o.durationInFrames; from += o.framesPerChunk, index++) {
		chunks.push({index, from, to: Math.min(o.durationInFrames, from + o.framesPerChunk) - 1});
	}
	return chunks;
};
