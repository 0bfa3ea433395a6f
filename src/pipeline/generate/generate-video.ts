import {copyFile, mkdir, writeFile} from 'node:fs/promises';
import {basename, join, relative} from 'node:path';
import {
	computeTimeline,
	frameSize,
	storyboardSchema,
	type Credit,
	type Scene,
	type Storyboard,
	type StoryboardInput,
	type Visual,
} from '../../compositions/storyboard';
import {findTemplate, templateIds} from '../../compositions/registry';
import {PromptreelError, UnknownTemplateError, ValidationError} from '../errors';
import {probeMedia} from '../media/probe-media';
import {outputPaths, prepareOutputFolder, renderOutputs} from '../output';
import {zodIssues} from '../parse-storyboard';
import {planStoryboard, type PlannedStoryboard, type Planner} from '../plan';
import {resolveQuality, type Renderer} from '../render';
import {illustrateScenes, matchMediaDir, pickProceduralStyles, type VisualsProvider} from '../visuals';
import {listVoices, readingSpeedTimings, synthesizeNarration, type VoiceProvider} from '../voice';
import {generateOptionsSchema, type GenerateOptions, type GenerateOptionsInput} from './generate-options';
import {fontCreditsOf, resolveRunOptions, themeFontOf, type RunOptions} from './run-options';
import {voiceOverStage} from './voice-over-stage';
import type {VoiceOverTranscriber} from '../voice';
import {emptyReport, type GenerationReport, type StageName} from './generation-report';
import {chooseMusic} from './music-choice';
import {pickPalette} from './palettes';
import {wordsToCaptions} from './words-to-captions';

export type GenerateProgress = {stage: string; progress: number};

export type GenerateVideoOptions = {
	prompt: string;
	options?: GenerateOptionsInput;
	/** Explicit output folder; default `<outBase>/<slug>/` (never overwriting an earlier run). */
	outDir?: string;
	outBase?: string;
	force?: boolean;
	/** Your own images and videos, matched to scenes by name or order. */
	mediaDir?: string | null;
	/** Caches (voice, renders, bundles). */
	dataDir: string;
	renderer: Renderer;
	/** Default: the offline heuristic planner. */
	planner?: Planner;
	voiceProviders?: VoiceProvider[];
	/** Times the words of a --voiceover recording (e.g. Whisper); default: spread over detected speech. */
	transcribeVoiceOver?: VoiceOverTranscriber | null;
	/** Stock media for scenes without your own (e.g. Pexels); default none: offline illustrations. */
	visualsProvider?: VisualsProvider | null;
	/** Stop after writing storyboard.json (no voice, no media, no render). */
	planOnly?: boolean;
	onProgress?: (p: GenerateProgress) => void;
	onWarning?: (message: string) => void;
	signal?: AbortSignal;
};

export type GenerateVideoResult = {outDir: string; files: Record<string, string>; storyboard: Storyboard; report: GenerationReport};

const TRANSITION_CYCLE = ['fade', 'slide', 'fade', 'wipe'] as const;
const DIRECTIONS = ['from-right', 'from-bottom', 'from-left', 'from-top'] as const;
const MOTIONS = ['zoom-in', 'pan-right', 'zoom-out', 'pan-left'] as const;
const TRANSITION_MS = 500;
const MIN_SCENE_MS = 2200;


const parseOptions = (input: GenerateOptionsInput | undefined): GenerateOptions => {
	const parsed = generateOptionsSchema.safeParse(input ?? {});
	if (!parsed.success) {
		const issues = zodIssues(parsed.error);
		throw new ValidationError(`Invalid options: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
	}
	return parsed.data;
};

/**
 * Prompt -> finished video folder: plan, voice and time every scene, pick visuals and music,
 * write a self-contained storyboard.json, render. Every stage reports progress; every fallback
 * is a warning in report.json with its reason.
 */
export const generateVideo = async (o: GenerateVideoOptions): Promise<GenerateVideoResult> => {
	const started = performance.now();
	// The language picks voice, captions and fonts: detected from the prompt unless given.
	const run = resolveRunOptions(parseOptions(o.options), o.prompt);
	const options = run.options;
	const report = emptyReport(o.planOnly ? 'plan' : 'generate', o.prompt, {...options, media: o.mediaDir ?? null});
	const detection = run.language.detection;
	report.languageSource = {requested: run.language.requested, detected: detection?.language ?? null, confidence: detection ? Math.round(detection.confidence * 100) / 100 : null, reason: detection?.reason ?? null};
	const warn = (stage: StageName | 'output', code: string, message: string) => {
		report.warnings.push({stage, code, message});
		o.onWarning?.(message);
	};
	const progress = (stage: string, p: number) => o.onProgress?.({stage, progress: Math.max(0, Math.min(1, p))});
	if (!o.planOnly) for (const w of run.warnings) warn('voicing', w.code, w.message);
	const timed = async <T>(stage: StageName, fn: () => Promise<T>): Promise<T> => {
		// Rendering reports its own sub-stages (bundling, rendering, encoding, poster, captions).
		const t = performance.now();
		if (stage !== 'rendering') progress(stage, 0);
		try {
			return await fn();
		} finally {
			report.stagesMs[stage] = Math.round(performance.now() - t);
			if (stage !== 'rendering') progress(stage, 1);
		}
	};

	if (!findTemplate(options.template)) throw new UnknownTemplateError(options.template, templateIds);
	if (!o.planOnly) await assertKnownVoice(options.voice, o.voiceProviders);

	// 1. Planning.
	const plan = await timed('planning', () =>
		planStoryboard({
			prompt: o.prompt,
			options: {language: options.lang, aspect: options.aspect, targetDurationSec: options.durationSec, template: options.template, seed: options.seed},
			planner: o.planner,
			signal: o.signal,
		}),
	);
	report.providers.planning = plan.plannerId;
	for (const w of plan.warnings) warn('planning', w.code, w.message);
	for (const f of plan.fallbacks) report.fallbacks.push({stage: 'planning', ...f});
	// A planner model picks the template unless the caller named one.
	if (o.options?.template === undefined && plan.storyboard.template !== options.template && findTemplate(plan.storyboard.template)) {
		options.template = plan.storyboard.template;
	}

	const outDir = await prepareOutputFolder({out: o.outDir, base: o.outBase ?? 'out', title: plan.storyboard.title, force: o.force});
	const paths = outputPaths(outDir);
	const mediaDir = join(outDir, 'media');
	await mkdir(mediaDir, {recursive: true});

	try {
		const storyboard = o.planOnly
			? assemble({plan: plan.storyboard, options, voiced: silentNarrations(plan.storyboard, options), visuals: plan.storyboard.scenes.map(() => null), music: null, credits: fontCreditsOf(options.lang)})
			: await produce({o, options, plan: plan.storyboard, outDir, mediaDir, report, warn, timed, progress});

		await writeFile(paths.storyboard, `${JSON.stringify(storyboard, null, 2)}\n`);
		report.video = {durationMs: computeTimeline(storyboard).durationMs, scenes: storyboard.scenes.length, fps: storyboard.format.fps};
		const files: Record<string, string> = {storyboard: paths.storyboard};

		if (!o.planOnly) {
			const renderStarted = performance.now();
			const rendered = await timed('rendering', () =>
				renderOutputs({
					storyboard,
					mediaDir: outDir,
					outDir,
					quality: options.quality,
					renderer: o.renderer,
					cacheDir: join(o.dataDir, 'renders'),
					force: o.force,
					signal: o.signal,
					onProgress: (p) => progress(p.stage, p.progress),
				}),
			);
			report.providers.rendering = o.renderer.id;
			report.renderCacheHit = rendered.cacheHit;
			if (rendered.video) report.video = {...report.video, ...rendered.video};
			Object.assign(files, rendered.files);
			report.renderShareOfTotal = (performance.now() - renderStarted) / (performance.now() - started);
		}
		report.totalMs = Math.round(performance.now() - started);
		await writeFile(paths.report, `${JSON.stringify(report, null, 2)}\n`);
		files.report = paths.report;
		return {outDir, files, storyboard, report};
	} catch (error) {
		// Loses nothing: the report says what failed and what had been done.
		report.error = error instanceof PromptreelError ? {code: error.code, message: error.message} : {code: 'INTERNAL', message: String(error)};
		report.totalMs = Math.round(performance.now() - started);
		await writeFile(paths.report, `${JSON.stringify(report, null, 2)}\n`).catch(() => undefined);
		throw error;
	}
};

const assertKnownVoice = async (voice: string, providers: VoiceProvider[] | undefined) => {
	const voices = await listVoices(providers ? {providers} : undefined);
	if (!voices.some((v) => v.id === voice)) {
		throw new PromptreelError('UNKNOWN_VOICE', `Unknown --voice "${voice}". Valid voices: ${voices.map((v) => v.id).join(', ')}.`, {badInput: true});
	}
};

type Voiced = {audio: string | null; durationMs: number; words: {text: string; startMs: number; endMs: number}[]};

const silentNarrations = (plan: PlannedStoryboard, options: RunOptions): Voiced[] =>
	plan.scenes.map((scene) => ({audio: null, ...readingSpeedTimings({text: scene.narration, language: options.lang, rate: options.rate})}));

type ProduceContext = {
	o: GenerateVideoOptions;
	options: RunOptions;
	plan: PlannedStoryboard;
	outDir: string;
	mediaDir: string;
	report: GenerationReport;
	warn: (stage: StageName | 'output', code: string, message: string) => void;
	timed: <T>(stage: StageName, fn: () => Promise<T>) => Promise<T>;
	progress: (stage: string, p: number) => void;
};

/** Voice, visuals and music for a plan, then the full storyboard. */
const produce = async (c: ProduceContext): Promise<Storyboard> => {
	const {o, options, plan, mediaDir, report, warn, timed, progress} = c;
	const credits: Credit[] = [];

	// 2. Voicing: each scene's narration is spoken and its words timed.
	const voiced = await timed('voicing', async () => {
		if (options.voiceover) {
			return voiceOverStage({source: options.voiceover, scenes: plan.scenes, language: options.lang, outDir: c.outDir, mediaDir, transcribe: o.transcribeVoiceOver, report, warn, signal: o.signal});
		}
		const out: Voiced[] = [];
		const warned = new Set<string>();
		const providersUsed = new Set<string>();
		for (const [i, scene] of plan.scenes.entries()) {
			const result = await synthesizeNarration({
				text: scene.narration,
				language: options.lang,
				voice: options.voice,
				rate: options.rate,
				outFile: join(mediaDir, `narration-${scene.id}.mp3`),
				cacheDir: join(o.dataDir, 'voice-cache'),
				providers: o.voiceProviders,
				signal: o.signal,
			});
			for (const w of result.warnings) {
				if (warned.has(w)) continue;
				warned.add(w);
				warn('voicing', 'VOICE_FALLBACK', w);
			}
			for (const f of result.fallbacks) {
				report.fallbacks.push({stage: 'voicing', from: f.from, to: f.to === 'none' ? 'none (reading-speed captions)' : f.to, reason: `${scene.id}: ${f.reason}`});
			}
			providersUsed.add(result.provider);
			if (result.audioFile && result.license && !credits.some((cr) => cr.kind === 'voice')) {
				credits.push({kind: 'voice', title: `Narration voice (${result.provider})`, author: null, url: null, license: result.license, source: result.provider});
			}
			out.push({audio: result.audioFile ? `media/${basename(result.audioFile)}` : null, durationMs: result.durationMs, words: result.words});
			progress('voicing', (i + 1) / plan.scenes.length);
		}
		report.providers.voicing = [...providersUsed].join(', ');
		return out;
	});

	// 3. Fetching: your media when given, otherwise a matching illustration over a procedural background.
	const visuals = await timed('fetching', async () => {
		const result: (Visual | null)[] = plan.scenes.map(() => null);
		const providers = new Set<string>();
		if (o.mediaDir) {
			const matches = await matchMediaDir({dir: o.mediaDir, scenes: plan.scenes});
			for (const [i, match] of matches.entries()) {
				if (!match) continue;
				const name = `scene-${String(i + 1).padStart(2, '0')}-${basename(match.path).replace(/[^a-zA-Z0-9._-]/g, '_')}`;
				await copyFile(match.path, join(mediaDir, name));
				if (match.kind === 'video') {
					const info = await probeMedia(match.path);
					result[i] = {kind: 'video', src: `media/${name}`, durationMs: info.durationMs, trimStartMs: 0, loop: true, fit: 'cover'};
				} else {
					result[i] = {kind: 'image', src: `media/${name}`, motion: MOTIONS[(options.seed + i) % MOTIONS.length]!, fit: 'cover'};
				}
				providers.add('media-dir');
			}
		}
		if (o.visualsProvider) {
			const provider = o.visualsProvider;
			const wanted = plan.scenes.map((s, i) => ({s, i})).filter(({i}) => result[i] === null);
			const target = resolveQuality(options.quality, frameSize({aspect: options.aspect, resolution: '1080p'}));
			try {
				const found = wanted.length === 0 ? null : await provider.find({
					// The scene lasts about as long as its narration plus the pauses around it.
					scenes: wanted.map(({s, i}) => ({sceneId: s.id, keywords: s.keywords, title: s.title, narration: s.narration, durationMs: voiced[i]!.durationMs + 1200})),
					aspect: options.aspect,
					target: {width: target.width, height: target.height},
					mediaDir,
					signal: o.signal,
					onProgress: (p) => progress('fetching', p * 0.8),
					onWarning: (code, message) => warn('fetching', code, message),
				});
				found?.visuals.forEach((v, k) => {
					if (!v) return;
					const i = wanted[k]!.i;
					const src = relative(c.outDir, v.file).split('\\').join('/');
					result[i] = v.kind === 'video' && v.durationMs
						? {kind: 'video', src, durationMs: v.durationMs, trimStartMs: 0, loop: true, fit: 'cover'}
						: {kind: 'image', src, motion: MOTIONS[(options.seed + i) % MOTIONS.length]!, fit: 'cover'};
					credits.push(v.credit);
				});
				if (found?.visuals.some(Boolean)) providers.add(provider.id);
				// Owed once per video and shown first, so the end card never cuts it off.
				if (found) credits.unshift(...found.credits);
				for (const miss of found?.misses ?? []) {
					report.fallbacks.push({stage: 'fetching', from: provider.id, to: 'emoji-illustrations', reason: `${miss.sceneId}: ${miss.reason}`});
				}
			} catch (error) {
				if (o.signal?.aborted) throw error;
				const reason = error instanceof Error ? error.message : String(error);
				warn('fetching', 'VISUALS_FALLBACK', `Stock media from "${provider.id}" failed, so every scene is illustrated offline: ${reason}`);
				report.fallbacks.push({stage: 'fetching', from: provider.id, to: 'emoji-illustrations', reason});
			}
		}
		const missing = plan.scenes.map((s, i) => ({s, i})).filter(({i}) => result[i] === null);
		if (missing.length > 0) {
			const styles = pickProceduralStyles({count: plan.scenes.length, seed: options.seed});
			const icons = await illustrateScenes({
				scenes: missing.map(({s}) => ({keywords: s.keywords, text: `${s.title} ${s.narration}`})),
				seed: options.seed,
				dir: mediaDir,
				signal: o.signal,
			});
			missing.forEach(({i}, k) => {
				const icon = icons[k];
				result[i] = {kind: 'procedural', style: styles[i] ?? 'orbs', icon: icon ? relative(c.outDir, icon.file) : null};
				if (icon && !credits.some((cr) => cr.title === icon.credit.title)) credits.push(icon.credit);
				progress('fetching', (k + 1) / missing.length);
			});
			providers.add('emoji-illustrations');
		}
		report.providers.fetching = [...providers].join(', ');
		return result;
	});

	const music = await chooseMusic({choice: options.music, mood: plan.musicMood, outDir: c.outDir, mediaDir});
	if (music.credit) credits.push(music.credit);
	credits.push(...fontCreditsOf(options.lang));

	return assemble({plan, options, voiced, visuals, music: music.music, credits});
};

/** The full storyboard from a plan and its produced parts; parsed, so the result is valid. */
const assemble = (a: {
	plan: PlannedStoryboard;
	options: RunOptions;
	voiced: Voiced[];
	visuals: (Visual | null)[];
	music: Storyboard['music'];
	credits: Credit[];
}): Storyboard => {
	const {plan, options} = a;
	const scenes: StoryboardInput['scenes'] = plan.scenes.map((scene, i): Scene => {
		const voice = a.voiced[i]!;
		const previousTransition = i === 0 ? 0 : TRANSITION_MS;
		const offsetMs = i === 0 ? 350 : Math.max(150, Math.round(previousTransition * 0.6));
		const tailMs = TRANSITION_MS + 200;
		const durationMs = Math.max(MIN_SCENE_MS, Math.round(offsetMs + voice.durationMs + tailMs));
		const type = TRANSITION_CYCLE[(options.seed + i) % TRANSITION_CYCLE.length]!;
		return {
			id: scene.id,
			title: scene.title,
			text: scene.text,
			narration: {text: scene.narration, audio: voice.audio, offsetMs, volume: 1},
			visual: a.visuals[i] ?? {kind: 'procedural', style: 'orbs', icon: null},
			durationMs,
			captions: wordsToCaptions(voice.words, offsetMs),
			transition: {type, direction: DIRECTIONS[(options.seed + i) % DIRECTIONS.length]!, durationMs: TRANSITION_MS},
		};
	});
	const input: StoryboardInput = {
		version: 1,
		title: plan.title,
		template: options.template,
		language: options.lang,
		format: {aspect: options.aspect, resolution: '1080p', fps: 30},
		theme: {palette: pickPalette(plan.musicMood, options.seed), fontFamily: themeFontOf(options.lang)},
		scenes,
		music: a.music,
		captionStyle: {enabled: true, preset: 'highlight', position: options.aspect === '9:16' ? 'center' : 'bottom', combineWithinMs: 1200, fontScale: 1},
		endCard: {enabled: true, title: null, durationMs: 3000},
		credits: a.credits,
		seed: options.seed,
	};
	const parsed = storyboardSchema.safeParse(input);
	if (!parsed.success) {
		const issues = zodIssues(parsed.error);
		throw new ValidationError(`The generated storyboard is invalid (a bug): ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
	}
	return parsed.data;
};

