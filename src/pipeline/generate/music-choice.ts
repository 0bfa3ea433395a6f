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

/** A music choice before it is copied anywhere: the file, the name it takes in `media/`, its storyboard entry. */
export type ResolvedMusic = MusicChoice & {file: string | null; fileName: string | null};

const unknownMusic = (choice: string, ids: string[]) =>
	new PromptreelError(
		'UNKNOWN_MUSIC',
		`Unknown --music "${choice}". Use auto, none, a bundled track (${ids.join(', ')}) or the path of an audio file.`,
	);

/** Refuses a --music that is neither auto, none, a bundled id nor an existing file, before any work is done. */
export const assertKnownMusic = async (choice: string): Promise<void> => {
	if (choice === 'auto' || choice === 'none') return;
	const ids = await bundledMusicIds();
	if (!ids.includes(choice) && !existsSync(resolve(choice))) throw unknownMusic(choice, ids);
};

/**
 * `--music auto|none|<bundled id>|<file>` -> the file and its storyboard entry, without copying
 * it: `plan` writes the choice into its storyboard and copies the file beside it at that path.
 */
export const resolveMusic = async (o: {choice: string; mood: MusicMood}): Promise<ResolvedMusic> => {
	if (o.choice === 'none') return {music: null, credit: null, provider: 'none', file: null, fileName: null};
	const ids = await bundledMusicIds();
	const id = o.choice === 'auto' ? MOOD_TRACKS[o.mood] : o.choice;
	let source: string;
	let credit: Credit | null;
	if (ids.includes(id)) {
		source = join(projectRoot(), 'public/music', `${id}.mp3`);
		credit = {
			kind: 'music',
			title: `"${id}" music loop`,
			author: 'promptreel',
			url: null,
			license: 'MIT (made with sox for promptreel)',
			source: 'promptreel',
		};
	} else if (existsSync(resolve(o.choice))) {
		source = resolve(o.choice);
		credit = null;
	} else {
		throw unknownMusic(o.choice, ids);
	}
	const fileName = `music${extname(source).toLowerCase() || '.mp3'}`;
	const {durationMs} = await probeMedia(source);
	// A bundled loop keeps its path in public/ (`music/<id>.mp3`): it resolves on any promptreel,
	// so a planned storyboard can be sent to the service as it is; a file of yours goes to media/.
	const src = ids.includes(id) ? `music/${id}.mp3` : `media/${fileName}`;
	return {
		music: {src, volume: 0.22, duckedVolume: 0.07, fadeOutMs: 1500, durationMs},
		credit,
		provider: ids.includes(id) ? `bundled:${id}` : `file:${basename(source)}`,
		file: source,
		fileName,
	};
};

/**
 * `--music auto|none|<bundled id>|<file>` -> a music bed copied into `mediaDir` (so the output
 * folder is self-contained). auto picks a bundled loop by the plan's mood.
 */
export const chooseMusic = async (o: {choice: string; mood: MusicMood; outDir: string; mediaDir: string}): Promise<MusicChoice> => {
	const resolved = await resolveMusic(o);
	if (!resolved.file || !resolved.fileName || !resolved.music) return {music: null, credit: null, provider: resolved.provider};
	await copyFile(resolved.file, join(o.mediaDir, resolved.fileName));
	return {music: {...resolved.music, src: `media/${resolved.fileName}`}, credit: resolved.credit, provider: resolved.provider};
};
