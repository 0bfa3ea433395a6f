import {stat} from 'node:fs/promises';
import {AUTO_TEMPLATE, type TemplateHints} from '../plan';
import {assertKnownTemplate} from '../render';
import {listMediaFiles} from '../visuals';

/** A template option is "auto" (chosen from the prompt) or a known template id (else the valid ids). */
export const assertTemplateOption = (id: string): void => {
	if (id !== AUTO_TEMPLATE) assertKnownTemplate(id);
};

/** What the run was given that bears on the template: a one-file voice-over, the kinds of --media files. */
export const templateHintsOf = async (o: {voiceover: string | null; mediaDir?: string | null}): Promise<TemplateHints> => {
	const voiceoverFile = o.voiceover ? (await stat(o.voiceover).catch(() => null))?.isFile() === true : false;
	const mediaKinds = o.mediaDir ? (await listMediaFiles(o.mediaDir).catch(() => [])).map((f) => f.kind) : [];
	return {voiceoverFile, mediaKinds};
};
