import {basename} from 'node:path';
import type {Storyboard, Visual} from '../../src/compositions/storyboard';
import type {RunReport} from '../../src/pipeline/output';
import type {PanelVideo} from './panel-prompts';

export type PanelScene = {
	id: string;
	title: string | null;
	/** The pictures the scene shows, in order: its visual's, then its shots'. */
	pictures: string[];
	/** report.json warned that nothing matched its words or the video's subject. */
	neutral: boolean;
	/** report.json warned that its picture is a weak match (WEAK_PICTURE: one word alone named it). */
	weak: boolean;
	shots: number;
	captions: number;
	durationMs: number;
	/** Length of its narration audio; 0 when silent. */
	audioMs: number;
};

/** One video of the panel, as summary.json and summary.md show it. */
export type PanelRow = {
	name: string;
	id: string;
	kind: PanelVideo['kind'];
	/** The language the prompt is written in, and the one the run used (detected). */
	lang: string;
	language: string | null;
	aspect: string;
	template: {id: string; chosenBy: string; reason: string} | null;
	title: string | null;
	/** The palette the video got (background, primary, accent): to see whether topics get different ones. */
	palette: string | null;
	scenes: PanelScene[];
	/** Narration audio of all scenes, the storyboard's length and the rendered file's length. */
	durations: {audioMs: number; storyboardMs: number; videoMs: number} | null;
	warnings: {code: string; message: string}[];
	/** What a reader should look at first: language mismatch, scenes without captions, a failed run. */
	problems: string[];
	runMs: number;
	files: {video: string | null; sheet: string | null};
	error: string | null;
};

/** A picture's short name: "emoji-hot-beverage.svg" -> "hot-beverage", own media -> "media:dusk.jpg". */
export const pictureName = (src: string): string => {
	const file = basename(src);
	const emoji = /^emoji-(.+)\.svg$/.exec(file);
	return emoji ? emoji[1]! : `media:${file.replace(/^scene-\d+-/, '')}`;
};

const picturesOf = (visual: Visual | null): string[] => {
	if (!visual) return [];
	if (visual.kind === 'procedural') return [visual.icon, ...visual.extraIcons].filter((s): s is string => s !== null).map(pictureName);
	return [pictureName(visual.src)];
};

const paletteOf = (sb: Storyboard): string => {
	const p = sb.theme.palette;
	return `${p.background} ${p.primary} ${p.accent}`;
};

/** The scenes a picture warning of report.json names (its message starts with the scene id). */
const scenesWarned = (report: RunReport, code: 'NEUTRAL_PICTURE' | 'WEAK_PICTURE'): Set<string> =>
	new Set(report.warnings.filter((w) => w.code === code).map((w) => w.message.split(':')[0]!.trim()));

/**
 * The summary row of a finished video, from its storyboard and report.json; `audioMs` gives each
 * scene's narration length (measured on its file) and `videoMs` the rendered file's.
 */
export const panelRow = (o: {
	video: PanelVideo;
	storyboard: Storyboard;
	report: RunReport;
	audioMs: readonly number[];
	videoMs: number;
	runMs: number;
	files: PanelRow['files'];
}): PanelRow => {
	const neutral = scenesWarned(o.report, 'NEUTRAL_PICTURE');
	const weak = scenesWarned(o.report, 'WEAK_PICTURE');
	const scenes = o.storyboard.scenes.map(
		(s, i): PanelScene => ({
			id: s.id,
			title: s.title,
			pictures: [...picturesOf(s.visual), ...s.shots.flatMap((shot) => picturesOf(shot.visual))],
			neutral: neutral.has(s.id),
			weak: weak.has(s.id),
			shots: s.shots.length,
			captions: s.captions.length,
			durationMs: s.durationMs,
			audioMs: o.audioMs[i] ?? 0,
		}),
	);
	const storyboardMs = o.report.video?.durationMs ?? 0;
	const problems = [
		...(o.report.language === o.video.lang ? [] : [`written in ${o.video.lang}, run as ${o.report.language}`]),
		...o.storyboard.scenes
			.filter((s) => s.narration.text.trim() !== '' && s.captions.length === 0)
			.map((s) => `${s.id} has narration but no captions`),
		...(Math.abs(o.videoMs - storyboardMs) > 500 ? [`the file lasts ${o.videoMs} ms, the storyboard ${storyboardMs} ms`] : []),
	];
	return {
		name: o.video.name,
		id: o.video.id,
		kind: o.video.kind,
		lang: o.video.lang,
		language: o.report.language,
		aspect: o.video.aspect,
		template: o.report.template,
		title: o.storyboard.title,
		palette: paletteOf(o.storyboard),
		scenes,
		durations: {audioMs: scenes.reduce((sum, s) => sum + s.audioMs, 0), storyboardMs, videoMs: o.videoMs},
		warnings: o.report.warnings.map((w) => ({code: w.code, message: w.message})),
		problems,
		runMs: o.runMs,
		files: o.files,
		error: null,
	};
};

/** The row of a video whose run failed. */
export const failedRow = (video: PanelVideo, error: unknown, runMs: number): PanelRow => ({
	name: video.name,
	id: video.id,
	kind: video.kind,
	lang: video.lang,
	language: null,
	aspect: video.aspect,
	template: null,
	title: null,
	palette: null,
	scenes: [],
	durations: null,
	warnings: [],
	problems: ['the run failed'],
	runMs,
	files: {video: null, sheet: null},
	error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
});

export type PanelTotals = {
	videos: number;
	failed: number;
	scenes: number;
	neutralScenes: number;
	/** Share of scenes with a neutral picture (0..1). */
	fallbackRate: number;
	/** Scenes whose picture report.json calls a weak match (WEAK_PICTURE), and their share (0..1). */
	weakScenes: number;
	weakRate: number;
	videosPerTemplate: Record<string, number>;
	/** Videos per palette (background, primary, accent): one palette for all is issue #15's "same teal". */
	videosPerPalette: Record<string, number>;
	videosWithProblems: number;
	warnings: Record<string, number>;
	videoSeconds: number;
	runSeconds: number;
};

/** Totals over the rows: fallback rate, videos per template, warnings by code, time. */
export const panelTotals = (rows: readonly PanelRow[]): PanelTotals => {
	const scenes = rows.flatMap((r) => r.scenes);
	const neutral = scenes.filter((s) => s.neutral).length;
	const weak = scenes.filter((s) => s.weak).length;
	const count = (keys: string[]) => {
		const counts: Record<string, number> = {};
		for (const k of keys) counts[k] = (counts[k] ?? 0) + 1;
		return counts;
	};
	return {
		videos: rows.length,
		failed: rows.filter((r) => r.error !== null).length,
		scenes: scenes.length,
		neutralScenes: neutral,
		fallbackRate: scenes.length === 0 ? 0 : neutral / scenes.length,
		weakScenes: weak,
		weakRate: scenes.length === 0 ? 0 : weak / scenes.length,
		videosPerTemplate: count(rows.flatMap((r) => (r.template ? [r.template.id] : []))),
		videosPerPalette: count(rows.flatMap((r) => (r.palette ? [r.palette] : []))),
		videosWithProblems: rows.filter((r) => r.problems.length > 0).length,
		warnings: count(rows.flatMap((r) => r.warnings.map((w) => w.code))),
		videoSeconds: rows.reduce((sum, r) => sum + (r.durations?.videoMs ?? 0), 0) / 1000,
		runSeconds: rows.reduce((sum, r) => sum + r.runMs, 0) / 1000,
	};
};

const s = (ms: number) => (ms / 1000).toFixed(1);
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** summary.md: totals, one table row per video, then each video's scenes, pictures and warnings. */
export const panelMarkdown = (rows: readonly PanelRow[], totals: PanelTotals): string => {
	const lines = [
		'# promptreel panel',
		'',
		`${totals.videos} videos (${totals.failed} failed), ${totals.scenes} scenes; neutral pictures: ${totals.neutralScenes} ` +
			`(${(totals.fallbackRate * 100).toFixed(1)}% of scenes); weak pictures: ${totals.weakScenes} ` +
			`(${(totals.weakRate * 100).toFixed(1)}%); ${totals.videosWithProblems} videos with problems; ` +
			`${totals.videoSeconds.toFixed(1)} s of video made in ${totals.runSeconds.toFixed(1)} s.`,
		'',
		`Templates: ${Object.entries(totals.videosPerTemplate)
			.map(([t, n]) => `${t} ${n}`)
			.join(', ')}. ${Object.keys(totals.videosPerPalette).length} palettes. Warnings: ${
			Object.entries(totals.warnings)
				.map(([c, n]) => `${c} ${n}`)
				.join(', ') || 'none'
		}.`,
		'',
		'| video | lang | aspect | template | title | scenes | neutral | weak | audio / video s | warnings | sheet |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
		...rows.map(
			(r) =>
				`| ${[
					r.name,
					r.language === null || r.language === r.lang ? r.lang : `${r.lang} -> ${r.language}`,
					r.aspect,
					r.template?.id ?? '-',
					cell(r.title ?? (r.error ? `FAILED: ${r.error}` : '-')),
					r.scenes.length,
					r.scenes.filter((x) => x.neutral).length,
					r.scenes.filter((x) => x.weak).length,
					r.durations ? `${s(r.durations.audioMs)} / ${s(r.durations.videoMs)}` : '-',
					r.warnings.length,
					r.files.sheet ? `[sheet](${r.name}/${basename(r.files.sheet)})` : '-',
				].join(' | ')} |`,
		),
	];
	for (const r of rows) {
		lines.push('', `## ${r.name}: ${cell(r.title ?? 'failed')}`, '');
		if (r.error) lines.push(`Failed: ${r.error}`);
		if (r.template) lines.push(`Template \`${r.template.id}\` (${r.template.chosenBy}): ${r.template.reason}. Palette ${r.palette}.`, '');
		for (const [i, scene] of r.scenes.entries()) {
			const pics = scene.pictures.length > 0 ? scene.pictures.join(', ') : 'none';
			lines.push(
				`${i + 1}. ${scene.title ? `**${cell(scene.title)}**` : '_(no title)_'}: ${pics}${scene.neutral ? ' **(neutral)**' : ''}${scene.weak ? ' **(weak)**' : ''}; ` +
					`${scene.shots} shots, ${scene.captions} caption words, ${s(scene.durationMs)} s (audio ${s(scene.audioMs)} s)`,
			);
		}
		for (const p of r.problems) lines.push(`- Problem: ${p}`);
		for (const w of r.warnings) lines.push(`- ${w.code}: ${cell(w.message)}`);
	}
	return `${lines.join('\n')}\n`;
};
