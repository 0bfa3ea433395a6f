import {storyboardSchema} from '../compositions/storyboard';
import type {StoryboardJson} from './api-types';
import {mapMedia} from './map-media';

/** Field path (dotted, e.g. `scenes.0.durationMs`) -> what is wrong with it. */
export type FieldErrors = Record<string, string>;

/**
 * Checks a storyboard against the storyboard schema, as the server will. `asset:<id>` refs are
 * the server's names of uploads (it turns them into relative paths before its own check), so they
 * are checked here as such paths.
 */
export const validateStoryboard = (storyboard: StoryboardJson): FieldErrors => {
	const checked = mapMedia(storyboard, (src) => src.replace(/^asset:/, 'assets/'));
	const result = storyboardSchema.safeParse(checked);
	if (result.success) return {};
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const path = issue.path.map(String).join('.');
		errors[path] ??= issue.message;
	}
	return errors;
};
