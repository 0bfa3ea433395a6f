import {existsSync} from 'node:fs';
import {copyFile, readdir} from 'node:fs/promises';
import {basename, extname, join, resolve} from 'node:path';
import type {Credit, Music} from '../../compositions/storyboard';
import {PromptreelError} from '../errors';
import {probeMedia} from '../media/probe-media';
import type {MusicMood} from '../plan';
import {projectRoot} from '../project-root';

const MOOD_TRACKS: Record<MusicMood, string> = {calm: 'calm-pad', upbeat: 'bright-steps', serious: 'night-drift'};

/** Ids of the bundled music loops (public/music/<id>.mp3). */
export const bundledMusicIds = async (): Promise<string[]> =>
	(await readdir(join(projectRoot(), 'public/music')).catch(() => []))
		.filter((f) => f.endsWith('.mp3'))
		.map((f) => f.slice(0, -4))
		.sort();

export type MusicChoice = {music: Music | null; credit: Credit | null; provider: string};

/**
 * `--music auto|none|<bundled id>|<file>` -> a music bed copied into `mediaDir` (so the output
 * folder is self-contained). auto picks a bundled loop by the plan's mood.
 */
export const chooseMusic = async (o: {choice: string; mood: MusicMood; outDir: string; mediaDir: string}): Promise<MusicChoice> => {
	if (o.choice === 'none') return {music: null, credit: null, provider: 'none'};
	const ids = await bundledMusicIds();
	const id = o.choice === 'auto' ? MOOD_TRACKS[o.mood] : o.choice;
	let source: string;
	let credit: Credit | null;
	if (ids.includes(id)) {
		source = join(projectRoot(), 'public/music', `${id}.mp3`);
		credit = {kind: 'music', title: `"${id}" music loop`, author: 'promptreel', url: null, license: 'MIT (made with sox for promptreel)', source: 'promptreel'};
	} else if (existsSync(resolve(o.choice))) {
		source = resolve(o.choice);
		credit = null;
	} else {
		throw new PromptreelError(
			'UNKNOWN_MUSIC',
			`Unknown --music "${o.choice}". Use auto, none, a bundled track (${ids.join(', ')}) or the path of an audio file.`);
	}
	const fileName = `music${extname(source).toLowerCase() || '.mp3'}`;
	await copyFile(source, join(o.mediaDir, fileName));
	const {durationMs} = await probeMedia(source);
	return {
		music: {src: `media/${fileName}`, volume: 0.22, duckedVolume: 0.07, fadeOutMs: 1500, durationMs},
		credit,
		provider: ids.includes(id) ? `bundled:${id}` : `file:${basename(source)}`,
	};
};
