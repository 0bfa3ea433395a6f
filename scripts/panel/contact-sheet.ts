import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {computeTimeline, type Storyboard} from '../../src/compositions/storyboard';

const run = promisify(execFile);

/** One cell of a contact sheet: a moment of the video (or the poster), and its label. */
export type SheetFrame = {label: string; atMs: number | null};

/** Cells wider than this many frames are thinned evenly (a long outline stays one readable sheet). */
export const MAX_SHEET_FRAMES = 24;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

/**
 * The moments a contact sheet shows: the poster, then one frame per shot of every scene (60% into
 * the shot, after the transition in and the shot's own entrance), then the end card. Labels name
 * the scene, the shot and the time in the video ("S2.1 7.4s").
 */
export const sheetFrames = (storyboard: Storyboard): SheetFrame[] => {
	const timeline = computeTimeline(storyboard);
	const frames: SheetFrame[] = [{label: 'poster', atMs: null}];
	storyboard.scenes.forEach((scene, i) => {
		const timing = timeline.scenes[i]!;
		const visibleMs = scene.durationMs - (scene.transition.type === 'none' ? 0 : scene.transition.durationMs);
		const starts =
			scene.shots.length > 0 && scene.shots[0]!.startMs === 0
				? scene.shots.map((s) => s.startMs)
				: [0, ...scene.shots.map((s) => s.startMs)];
		starts.forEach((start, j) => {
			const end = Math.max(start + 1, Math.min(starts[j + 1] ?? visibleMs, visibleMs));
			const atMs = timing.startMs + start + (end - start) * 0.6;
			frames.push({label: `S${i + 1}.${j + 1} ${seconds(atMs)}`, atMs});
		});
	});
	if (timeline.endCard) {
		const atMs = timeline.endCard.startMs + storyboard.endCard.durationMs * 0.7;
		frames.push({label: `end ${seconds(atMs)}`, atMs});
	}
	if (frames.length <= MAX_SHEET_FRAMES) return frames;
	// Keep the poster and the end card; thin the middle evenly.
	const middle = frames.slice(1, -1);
	const keep = MAX_SHEET_FRAMES - 2;
	return [frames[0]!, ...Array.from({length: keep}, (_, k) => middle[Math.round((k * (middle.length - 1)) / (keep - 1))]!), frames.at(-1)!];
};

/** Cell size: the frame fitted into 320x320, even sides. */
export const cellSize = (width: number, height: number): {width: number; height: number} => {
	const scale = 320 / Math.max(width, height);
	const even = (n: number) => Math.max(2, Math.round((n * scale) / 2) * 2);
	return {width: even(width), height: even(height)};
};

/** Height of the strip under each frame that holds its label. */
export const LABEL_STRIP = 22;

const FONT_FILES = ['/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'];

const labelFilter = (label: string, size: {width: number; height: number}): string => {
	const font = FONT_FILES.find((f) => existsSync(f));
	const text = label.replace(/[^A-Za-z0-9. ]/g, '');
	// Under the frame, on a strip of its own, so the label hides nothing of the picture or the title.
	return [
		`scale=${size.width}:${size.height}`,
		`pad=${size.width}:${size.height + LABEL_STRIP}:0:0:color=0x202020`,
		`drawtext=${font ? `fontfile=${font}:` : ''}text='${text}':fontsize=14:fontcolor=white:x=4:y=${size.height + 4}`,
	].join(',');
};

export type ContactSheetOptions = {
	video: string;
	/** The poster image, shown first; skipped when absent. */
	poster: string | null;
	storyboard: Storyboard;
	/** The video's size in pixels (cells keep its shape). */
	size: {width: number; height: number};
	output: string;
};

/**
 * A PNG contact sheet of a rendered video, made with ffmpeg: the poster and the frames of
 * `sheetFrames`, each labelled underneath with its scene, shot and time, tiled in rows (4 across for
 * landscape, 6 for portrait, 5 for square). Returns the frames it shows.
 */
export const writeContactSheet = async (o: ContactSheetOptions): Promise<SheetFrame[]> => {
	const cell = cellSize(o.size.width, o.size.height);
	const frames = sheetFrames(o.storyboard).filter((f) => f.atMs !== null || (o.poster !== null && existsSync(o.poster)));
	const work = await mkdtemp(join(tmpdir(), 'promptreel-sheet-'));
	try {
		for (const [k, frame] of frames.entries()) {
			const input = frame.atMs === null ? ['-i', o.poster!] : ['-ss', (frame.atMs / 1000).toFixed(3), '-i', o.video];
			const png = join(work, `f${String(k).padStart(3, '0')}.png`);
			await run('ffmpeg', ['-v', 'error', '-y', ...input, '-frames:v', '1', '-vf', labelFilter(frame.label, cell), png]);
		}
		const columns = Math.min(frames.length, o.size.width > o.size.height ? 4 : o.size.width < o.size.height ? 6 : 5);
		const rows = Math.ceil(frames.length / columns);
		await run('ffmpeg', [
			'-v',
			'error',
			'-y',
			'-framerate',
			'1',
			'-i',
			join(work, 'f%03d.png'),
			'-vf',
			`tile=${columns}x${rows}:padding=6:margin=6:color=0x202020`,
			'-frames:v',
			'1',
			'-update',
			'1',
			o.output,
		]);
		return frames;
	} finally {
		await rm(work, {recursive: true, force: true});
	}
};
