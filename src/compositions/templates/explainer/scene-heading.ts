import type {Scene} from '../../storyboard';

/**
 * The title the explainer draws for a scene: its own title, else, for an outline item without one
 * (the planner gives none rather than a fragment), the item's number ("3."), so each item still
 * shows where it stands in the list; null when neither.
 */
export const sceneHeading = (scene: Pick<Scene, 'title' | 'itemNumber'>): string | null => {
	if (scene.title !== null && scene.title.trim() !== '') return scene.title;
	return scene.itemNumber === null ? null : `${scene.itemNumber}.`;
};
