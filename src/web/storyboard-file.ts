import type {StoryboardJson} from './api-types';

/** Offers the storyboard as a JSON file download. */
export const downloadStoryboard = (storyboard: StoryboardJson): void => {
	const url = URL.createObjectURL(new Blob([`${JSON.stringify(storyboard, null, 2)}\n`], {type: 'application/json'}));
	const a = document.createElement('a');
	a.href = url;
	a.download = 'storyboard.json';
	a.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
};

/** Reads a storyboard file: JSON with a scenes array (the schema check then names every problem). */
export const readStoryboardFile = async (file: File): Promise<StoryboardJson> => {
	let parsed: unknown;
	try {
		parsed = JSON.parse(await file.text());
	} catch (e) {
		throw new Error(`${file.name} is not JSON (${e instanceof Error ? e.message : String(e)}): open a storyboard.json.`);
	}
	if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as {scenes?: unknown}).scenes))
		throw new Error(`${file.name} has no "scenes" list: open a storyboard.json (promptreel plan writes one).`);
	return parsed as StoryboardJson;
};

/** A scene id not used yet in the storyboard. */
export const newSceneId = (storyboard: StoryboardJson): string => {
	const used = new Set(storyboard.scenes.map((s) => s.id));
	let n = storyboard.scenes.length + 1;
	while (used.has(`scene-${n}`)) n++;
	return `scene-${n}`;
};
