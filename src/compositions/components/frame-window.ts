/**
 * Whether a `<Sequence from={from} durationInFrames={durationInFrames}>` shows its children at
 * `frame`. A list of per-scene sequences mounts only the one that shows: every mounted sequence is
 * evaluated on every frame, so a sequence per scene made a long video's every frame dearer
 * (docs/architecture.md, "Long renders").
 */
export const showsAt = (frame: number, from: number, durationInFrames: number): boolean => frame >= from && frame < from + durationInFrames;
