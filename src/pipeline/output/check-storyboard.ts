import type {Storyboard, StoryboardWarning} from '../../compositions/storyboard';
import {parseStoryboardWithWarnings} from '../parse-storyboard';
import {assertKnownTemplate, assertLocalMediaExist} from '../render';

export type CheckStoryboardOptions = {
	/** JSON data, or an already parsed storyboard (parsing it again is cheap and changes nothing). */
	storyboard: unknown;
	/** Where it came from (a file path), named in error messages. Default "storyboard". */
	source?: string;
	/** Folder its relative media resolve against. */
	mediaDir: string;
	/** Unknown keys are dropped with a warning each instead of refused (--allow-unknown-keys). */
	allowUnknownKeys?: boolean | undefined;
};

/**
 * Everything that can be refused before anything is written: the schema (every bad path named),
 * the template (the valid ids named) and every relative media file (the scene named). https media
 * are checked when they are downloaded.
 */
export const checkStoryboard = (o: CheckStoryboardOptions): Storyboard => checkStoryboardWithWarnings(o).storyboard;

/** checkStoryboard, with what did not stop it (a version 1 upgrade, unknown keys allowed and dropped). */
export const checkStoryboardWithWarnings = (o: CheckStoryboardOptions): {storyboard: Storyboard; warnings: StoryboardWarning[]} => {
	const {storyboard, warnings} = parseStoryboardWithWarnings({data: o.storyboard, source: o.source, allowUnknownKeys: o.allowUnknownKeys});
	assertKnownTemplate(storyboard.template);
	assertLocalMediaExist(storyboard, o.mediaDir);
	return {storyboard, warnings};
};
