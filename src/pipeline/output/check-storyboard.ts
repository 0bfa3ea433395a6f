import type {Storyboard} from '../../compositions/storyboard';
import {parseStoryboard} from '../parse-storyboard';
import {assertKnownTemplate, assertLocalMediaExist} from '../render';

export type CheckStoryboardOptions = {
	/** JSON data, or an already parsed storyboard (parsing it again is cheap and changes nothing). */
	storyboard: unknown;
	/** Where it came from (a file path), named in error messages. Default "storyboard". */
	source?: string;
	/** Folder its relative media resolve against. */
	mediaDir: string;
};

/**
 * Everything that can be refused before anything is written: the schema (every bad path named),
 * the template (the valid ids named) and every relative media file (the scene named). https media
 * are checked when they are downloaded.
 */
export const checkStoryboard = (o: CheckStoryboardOptions): Storyboard => {
	const storyboard = parseStoryboard(o.storyboard, o.source);
	assertKnownTemplate(storyboard.template);
	assertLocalMediaExist(storyboard, o.mediaDir);
	return storyboard;
};
