/**
 * The shortest a scene lasts once its narration is voiced and measured, so its title can be read
 * even when it says only a word. (Planning estimates lengths with its own minimum before any voice
 * exists: MIN_ESTIMATED_SCENE_MS in plan/estimate-duration.ts.)
 */
export const VOICED_SCENE_FLOOR_MS = 2200;

/** Silence after the speech before the scene hands over (on top of the transition's overlap). */
const TAIL_MS = 200;

/** When a scene's narration starts: a little later in the first scene, just after the transition in the others. */
export const narrationOffsetMs = (o: {index: number; previousTransitionMs: number}): number =>
	o.index === 0 ? 350 : Math.max(150, Math.round(o.previousTransitionMs * 0.6));

/**
 * How long a scene whose duration follows its speech lasts: the narration's start, the speech,
 * the transition into the next scene and a short tail. One formula for generate (assembling a new
 * storyboard) and for a render that voices an edited scene again (docs/architecture.md, "Rendering").
 */
export const speechSceneDurationMs = (o: {offsetMs: number; speechMs: number; transitionMs: number}): number =>
	Math.max(VOICED_SCENE_FLOOR_MS, Math.round(o.offsetMs + o.speechMs + o.transitionMs + TAIL_MS));
