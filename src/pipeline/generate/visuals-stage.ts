import {copyFile} from 'node:fs/promises';
import {basename, join, relative} from 'node:path';
import {frameSize, type Credit, type Visual} from '../../compositions/storyboard';
import {probeMedia} from '../media';
import type {PlannedScene} from '../plan';
import {resolveQuality} from '../render';
import {illustrateScenes, listMediaFiles, matchMediaDir, pickProceduralStyles, type VisualsProvider} from '../visuals';
import type {RunContext} from './start-run';
import type {VoicedScene} from './voice-stage';

const MOTIONS = ['zoom-in', 'pan-right', 'zoom-out', 'pan-left'] as const;

export type VisualsStageOptions = {
	scenes: PlannedScene[];
	/** The video's title: with the scenes it names the main subject, the picture a scene without a better one gets. */
	title: string;
	/** Each scene's spoken narration (stock clips are picked to last about as long). */
	voiced: VoicedScene[];
	outDir: string;
	/** Where media files go (`<outDir>/media`). */
	mediaDir: string;
	/** Your own images and videos, matched to scenes by name or order. */
	ownMediaDir?: string | null;
	/** Stock media for scenes without your own (e.g. Pexels). */
	visualsProvider?: VisualsProvider | null;
};

export type VisualsStageResult = {
	visuals: Visual[];
	/** Credits owed once per video (a stock library's), shown first so the end card never cuts them off. */
	leadingCredits: Credit[];
	credits: Credit[];
};

type Picks = {visuals: (Visual | null)[]; credits: Credit[]; leadingCredits: Credit[]; providers: Set<string>};

/**
 * Fetching: your media when given, then stock media for the rest (when a provider is set),
 * then an illustration matching the scene over a seeded procedural background. A stock provider
 * that fails falls back to the illustrations, with the reason in the report.
 */
export const visualsStage = (run: RunContext, o: VisualsStageOptions): Promise<VisualsStageResult> =>
	run.timed('fetching', async () => {
		const picks: Picks = {visuals: o.scenes.map(() => null), credits: [], leadingCredits: [], providers: new Set()};
		if (o.ownMediaDir) await pickOwnMedia(run, o, o.ownMediaDir, picks);
		if (o.visualsProvider) await pickStockMedia(run, o, o.visualsProvider, picks);
		await illustrateTheRest(run, o, picks);
		run.report.providers.fetching = [...picks.providers].join(', ');
		return {
			visuals: picks.visuals.map((v) => v ?? {kind: 'procedural', style: 'orbs', icon: null, extraIcons: []}),
			credits: picks.credits,
			leadingCredits: picks.leadingCredits,
		};
	});

const motionOf = (run: RunContext, i: number) => MOTIONS[(run.options.seed + i) % MOTIONS.length]!;

const pickOwnMedia = async (run: RunContext, o: VisualsStageOptions, dir: string, picks: Picks) => {
	const matches = await matchMediaDir({dir, scenes: o.scenes});
	// Every file you gave and no scene shows is said, by name (README.md, "Your own media").
	const used = new Set(matches.map((m) => m?.path));
	for (const file of await listMediaFiles(dir)) {
		if (used.has(file.path)) continue;
		run.warn(
			'fetching',
			'MEDIA_UNUSED',
			`--media: ${basename(file.path)} is not used: the script has ${o.scenes.length} scene(s) for more files, and a sentence is never cut. Add narration for it, or name files "01-...", "02-..." to choose which scene shows which.`,
		);
	}
	for (const [i, match] of matches.entries()) {
		if (!match) continue;
		const name = `scene-${String(i + 1).padStart(2, '0')}-${basename(match.path).replace(/[^a-zA-Z0-9._-]/g, '_')}`;
		await copyFile(match.path, join(o.mediaDir, name));
		if (match.kind === 'video') {
			const info = await probeMedia(match.path);
			picks.visuals[i] = {kind: 'video', src: `media/${name}`, durationMs: info.durationMs, trimStartMs: 0, loop: true, fit: 'cover'};
		} else {
			picks.visuals[i] = {kind: 'image', src: `media/${name}`, motion: motionOf(run, i), fit: 'cover'};
		}
		picks.providers.add('media-dir');
	}
};

const pickStockMedia = async (run: RunContext, o: VisualsStageOptions, provider: VisualsProvider, picks: Picks) => {
	const {options, report} = run;
	const wanted = o.scenes.map((s, i) => ({s, i})).filter(({i}) => picks.visuals[i] === null);
	const target = resolveQuality(options.quality, frameSize({aspect: options.aspect, resolution: '1080p'}));
	try {
		const found =
			wanted.length === 0
				? null
				: await provider.find({
						// The scene lasts about as long as its narration plus the pauses around it.
						scenes: wanted.map(({s, i}) => ({
							sceneId: s.id,
							keywords: s.keywords,
							title: s.title,
							narration: s.narration,
							durationMs: o.voiced[i]!.durationMs + 1200,
						})),
						aspect: options.aspect,
						target: {width: target.width, height: target.height},
						mediaDir: o.mediaDir,
						signal: run.signal,
						onProgress: (p) => run.progress('fetching', p * 0.8),
						onWarning: (code, message) => run.warn('fetching', code, message),
					});
		found?.visuals.forEach((v, k) => {
			if (!v) return;
			const i = wanted[k]!.i;
			const src = relative(o.outDir, v.file).split('\\').join('/');
			picks.visuals[i] =
				v.kind === 'video' && v.durationMs
					? {kind: 'video', src, durationMs: v.durationMs, trimStartMs: 0, loop: true, fit: 'cover'}
					: {kind: 'image', src, motion: motionOf(run, i), fit: 'cover'};
			picks.credits.push(v.credit);
		});
		if (found?.visuals.some(Boolean)) picks.providers.add(provider.id);
		if (found) picks.leadingCredits.push(...found.credits);
		for (const miss of found?.misses ?? []) {
			report.fallbacks.push({stage: 'fetching', from: provider.id, to: 'emoji-illustrations', reason: `${miss.sceneId}: ${miss.reason}`});
		}
	} catch (error) {
		if (run.signal?.aborted) throw error;
		const reason = error instanceof Error ? error.message : String(error);
		run.warn('fetching', 'VISUALS_FALLBACK', `Stock media from "${provider.id}" failed, so every scene is illustrated offline: ${reason}`);
		report.fallbacks.push({stage: 'fetching', from: provider.id, to: 'emoji-illustrations', reason});
	}
};

const illustrateTheRest = async (run: RunContext, o: VisualsStageOptions, picks: Picks) => {
	const missing = o.scenes.map((s, i) => ({s, i})).filter(({i}) => picks.visuals[i] === null);
	if (missing.length === 0) return;
	const styles = pickProceduralStyles({count: o.scenes.length, seed: run.options.seed});
	const icons = await illustrateScenes({
		scenes: missing.map(({s}) => ({keywords: s.keywords, text: `${s.title} ${s.narration}`})),
		language: run.options.lang,
		title: o.title,
		seed: run.options.seed,
		dir: o.mediaDir,
		signal: run.signal,
	});
	missing.forEach(({i}, k) => {
		const icon = icons[k];
		const [main, ...more] = icon?.icons ?? [];
		picks.visuals[i] = {
			kind: 'procedural',
			style: styles[i] ?? 'orbs',
			icon: main ? relative(o.outDir, main.file) : null,
			extraIcons: more.map((m) => relative(o.outDir, m.file)),
		};
		for (const each of icon?.icons ?? []) {
			if (!picks.credits.some((cr) => cr.title === each.credit.title)) picks.credits.push(each.credit);
		}
		if (icon?.fallback) {
			const scene = o.scenes[i]!;
			run.warn(
				'fetching',
				'NEUTRAL_PICTURE',
				`${scene.id}: no picture matches its words or the video's subject, so it shows a neutral one (${icon.fallbackReason ?? 'no match'}). Give it your own with --media, or reword it.`,
			);
		}
		if (icon?.confidence === 'weak') {
			run.warn(
				'fetching',
				'WEAK_PICTURE',
				`${o.scenes[i]!.id}: its picture ${icon.emoji} (${icon.name}) is a weak match (${icon.weakReason ?? 'one word alone'}). Check it, give it your own with --media, or reword it.`,
			);
		}
		run.progress('fetching', (k + 1) / missing.length);
	});
	picks.providers.add('emoji-illustrations');
};
