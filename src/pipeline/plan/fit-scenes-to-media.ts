import {documentStats} from './document-stats';
import {estimateSceneMs} from './estimate-duration';
import {extractKeywords} from './extract-keywords';
import type {PlannedScene, PlannedStoryboard} from './planned-storyboard';
import {sceneTitle} from './scene-title';
import {splitSentences, stripEmoji} from './text-tokens';

export type FitScenesToMediaOptions = {
	plan: PlannedStoryboard;
	/** How many of your own pictures and clips there are (`--media`). */
	mediaCount: number;
	language: string;
};

/** A free id near `base`: "scene-2" -> "scene-2b", "scene-2c"... */
const freshId = (base: string, taken: Set<string>): string => {
	for (let c = 98; ; c++) {
		const id = `${base.slice(0, 62)}${String.fromCharCode(c)}`;
		if (!taken.has(id)) return id;
	}
};

/**
 * At least one scene per file you supplied, when the script allows (README.md, "Your own media"):
 * while there are fewer scenes than files, the scene with the most sentences is split at the
 * sentence boundary nearest its middle. The second part gets its own title (when its words yield a
 * phrase) and keywords; the first keeps the scene's id, title, text and keywords. A scene of one sentence is
 * never cut, so a short script keeps fewer scenes and the files left over are reported unused.
 */
export const fitScenesToMedia = (o: FitScenesToMediaOptions): PlannedStoryboard => {
	const scenes = [...o.plan.scenes];
	if (scenes.length >= o.mediaCount) return o.plan;
	const sentencesOf = (s: PlannedScene) => splitSentences(s.narration, o.language);
	const stats = documentStats(
		scenes.map((s) => stripEmoji(s.narration)),
		o.language,
	);
	const taken = new Set(scenes.map((s) => s.id));
	const titles = new Set(scenes.map((s) => s.title));
	while (scenes.length < o.mediaCount) {
		let at = -1;
		let most = 1;
		scenes.forEach((s, i) => {
			const n = sentencesOf(s).length;
			if (n > most) {
				most = n;
				at = i;
			}
		});
		if (at < 0) break;
		const scene = scenes[at]!;
		const sentences = sentencesOf(scene);
		// The boundary nearest the middle by length, so both parts speak about as long.
		const total = sentences.join(' ').length;
		let cut = 1;
		let best = Infinity;
		let length = 0;
		for (let k = 1; k < sentences.length; k++) {
			length += sentences[k - 1]!.length + 1;
			if (Math.abs(total / 2 - length) < best) {
				best = Math.abs(total / 2 - length);
				cut = k;
			}
		}
		const first = sentences.slice(0, cut).join(' ');
		const second = sentences.slice(cut).join(' ');
		const title = sceneTitle({text: second, language: o.language, stats, used: titles});
		titles.add(title);
		const id = freshId(scene.id, taken);
		taken.add(id);
		const part = (narration: string) => ({
			narration,
			estimatedDurationMs: Math.round((scene.estimatedDurationMs * narration.length) / total) || estimateSceneMs(narration, o.language),
		});
		const keywords = extractKeywords(stripEmoji(second), o.language, stats);
		scenes.splice(at, 1, {...scene, ...part(first)}, {...scene, ...part(second), id, title, text: null, keywords});
	}
	return {...o.plan, scenes};
};
