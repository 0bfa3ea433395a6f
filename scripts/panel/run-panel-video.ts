import {execFile} from 'node:child_process';
import {copyFile, mkdir, rm} from 'node:fs/promises';
import {basename, join, resolve} from 'node:path';
import {promisify} from 'node:util';
import {generateVideo} from '../../src/pipeline/generate';
import {createHeuristicPlanner} from '../../src/pipeline/plan';
import type {Renderer} from '../../src/pipeline/render';
import {defaultVoiceProviders} from '../../src/pipeline/voice';
import {writeContactSheet} from './contact-sheet';
import type {PanelVideo} from './panel-prompts';
import {failedRow, panelRow, type PanelRow} from './panel-summary';

const run = promisify(execFile);

/** Draft quality (360p) at 15 fps: the whole panel renders in reasonable time on a laptop. */
export const PANEL_OPTIONS = {quality: 'draft', fps: 15, seed: 1} as const;

/** Length of a media file in ms, by ffprobe. */
export const probeDurationMs = async (file: string): Promise<number> => {
	const {stdout} = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]);
	return Math.round(Number(stdout.trim()) * 1000);
};

const probeSize = async (file: string): Promise<{width: number; height: number}> => {
	const {stdout} = await run('ffprobe', [
		'-v',
		'error',
		'-select_streams',
		'v:0',
		'-show_entries',
		'stream=width,height',
		'-of',
		'csv=p=0',
		file,
	]);
	const [width, height] = stdout.trim().split(',').map(Number);
	return {width: width!, height: height!};
};

/** Copies the prompt's media (repository paths) into a fresh folder as 01-<name>, 02-<name>... */
const mediaFolder = async (video: PanelVideo, root: string, out: string): Promise<string | null> => {
	if (video.media.length === 0) return null;
	const dir = join(out, '.media', video.name);
	await rm(dir, {recursive: true, force: true});
	await mkdir(dir, {recursive: true});
	for (const [i, file] of video.media.entries()) {
		await copyFile(resolve(root, file), join(dir, `${String(i + 1).padStart(2, '0')}-${basename(file)}`));
	}
	return dir;
};

export type RunPanelVideoOptions = {
	video: PanelVideo;
	/** The repository root (media paths are relative to it). */
	root: string;
	out: string;
	dataDir: string;
	renderer: Renderer;
	onStage?: (stage: string) => void;
};

/**
 * One panel video: the CLI's generate pipeline with its offline defaults (heuristic planner,
 * Festival / espeak-ng voices, emoji illustrations; no key is read), then its contact sheet next
 * to it and its summary row. A failed run is a row with its error, not an exception.
 */
export const runPanelVideo = async (o: RunPanelVideoOptions): Promise<PanelRow> => {
	const started = performance.now();
	const outDir = join(o.out, o.video.name);
	try {
		await rm(outDir, {recursive: true, force: true});
		let stage = '';
		const result = await generateVideo({
			prompt: o.video.prompt,
			options: {aspect: o.video.aspect, ...PANEL_OPTIONS},
			outDir,
			mediaDir: await mediaFolder(o.video, o.root, o.out),
			dataDir: o.dataDir,
			renderer: o.renderer,
			planner: createHeuristicPlanner(),
			voiceProviders: defaultVoiceProviders(),
			visualsProvider: null,
			onProgress: (p) => {
				if (p.stage !== stage) o.onStage?.((stage = p.stage));
			},
		});
		const video = result.files.video ?? join(outDir, 'video.mp4');
		const sheet = join(outDir, 'contact-sheet.png');
		await writeContactSheet({
			video,
			poster: result.files.poster ?? null,
			storyboard: result.storyboard,
			size: await probeSize(video),
			output: sheet,
		});
		const audioMs = await Promise.all(
			result.storyboard.scenes.map((s) => (s.narration.audio ? probeDurationMs(join(outDir, s.narration.audio)) : Promise.resolve(0))),
		);
		return panelRow({
			video: o.video,
			storyboard: result.storyboard,
			report: result.report,
			audioMs,
			videoMs: await probeDurationMs(video),
			runMs: Math.round(performance.now() - started),
			files: {video, sheet},
		});
	} catch (error) {
		return failedRow(o.video, error, Math.round(performance.now() - started));
	}
};
