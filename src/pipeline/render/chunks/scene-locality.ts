import type {Scene} from '../../../compositions/storyboard';

/**
 * Per template, the scene fields whose content paints only inside that scene's own frames (its
 * sequence, transitions in and out included): editing one re-renders only the chunks the scene
 * overlaps. Every other field of every scene counts as reaching every frame.
 *
 * Audited by reading the template (a wrong entry means a stale chunk, far worse than a re-render):
 * - explainer: SceneView draws title, text, visual and shots inside the scene's TransitionSeries
 *   sequence; captions sit in a Sequence from the scene's start to the next item's start. What
 *   leaves the scene is added to every chunk by chunkFingerprints anyway: narration (its audio
 *   plays past the scene's end; the music's ducking follows every scene's speech), the last
 *   caption's end (the ducking spans) and the characters of all text (which font subsets load).
 *   `data` and `itemNumber` are not drawn by the explainer; `data` is listed as local, itemNumber
 *   stays global.
 * A template not listed here (the others, a user's own) gets no local field: every chunk then
 * depends on the whole storyboard, so only identical chunks are reused.
 */
export const LOCAL_SCENE_FIELDS: Readonly<Record<string, readonly (keyof Scene)[]>> = {
	explainer: ['title', 'text', 'visual', 'shots', 'captions', 'data'],
};

/** The scene fields of a template that paint only inside their scene. */
export const localSceneFieldsOf = (templateId: string): readonly (keyof Scene)[] => LOCAL_SCENE_FIELDS[templateId] ?? [];
