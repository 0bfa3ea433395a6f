import {stat} from 'node:fs/promises';
import {PromptreelError} from '../errors';
import {assertKnownMusic} from './music-choice';

/**
 * Refuses the file and folder inputs of a run before any work is done (README.md, "Errors"): a
 * --music that is no bundled id nor a file, a --media that is not a folder, a --voiceover that does
 * not exist. A mistake costs a second, not a plan and a voicing.
 */
export const assertRunInputs = async (o: {
	music: string;
	mediaDir?: string | null | undefined;
	voiceover?: string | null | undefined;
}): Promise<void> => {
	await assertKnownMusic(o.music);
	if (o.mediaDir) {
		const info = await stat(o.mediaDir).catch(() => null);
		if (!info?.isDirectory()) {
			throw new PromptreelError(
				'MEDIA_DIR_INVALID',
				`--media "${o.mediaDir}" is ${info ? 'not a folder' : 'missing'}: pass a folder of images and videos (named "01-...", "scene-2..." or in order).`,
			);
		}
	}
	if (o.voiceover) {
		const info = await stat(o.voiceover).catch(() => null);
		if (!info)
			throw new PromptreelError(
				'INVALID_VOICEOVER',
				`--voiceover "${o.voiceover}" does not exist: pass one audio file for the whole script, or a folder with one file per scene.`,
			);
	}
};
