import {mkdir} from 'node:fs/promises';
import {basename, join, relative} from 'node:path';
import {storyboardSchema, type Credit, type Narration, type Scene, type Storyboard} from '../../compositions/storyboard';
import {ValidationError} from '../errors';
import {wordsToCaptions} from '../generate/words-to-captions';
import {findLanguage} from '../language';
import {extractKeywords} from '../plan/extract-keywords';
import {zodIssues} from '../parse-storyboard';
import {illustrateScenes} from '../visuals';
import {chooseVoice, NO_VOICE, synthesizeNarration, type VoiceProvider} from '../voice';
import {speechSceneDurationMs} from './speech-timing';

/** What completing did to one scene, for report.json (README.md, "Plan, edit, render"). */
export type SceneCompletion = {
	id: string;
	/**
	 * reused: its audio was made from its text with the voice asked for, kept as is; voiced: voiced
	 * now (from the voice cache or synthesised); recorded: audio not made from text (a voice-over or
	 * a version 1 file), kept as is; silent: no audio and none to make (voice "none", no voice for
	 * the language, empty text).
	 */
	narration: 'reused' | 'voiced' | 'recorded' | 'silent';
	/** For a scene voiced now: its audio came from the voice cache (same text, voice and rate). */
	voiceCacheHit: boolean | null;
	/** The voice of its audio, when known. */
	voice: string | null;
	durationMs: number;
	/** Its duration before completing (different when the speech changed it). */
	previousDurationMs: number;
	/** kept: the scene's own picture; illustrated: a procedural scene without an icon got one. */
	picture: 'kept' | 'illustrated';
};

export type CompletionWarning = {stage: 'voicing' | 'fetching'; code: string; message: string};
export type CompletionFallback = {stage: 'voicing'; from: string; to: string; reason: string};

export type CompleteStoryboardOptions = {
	storyboard: Storyboard;
	/** The storyboard's home folder: relative media resolve here and new media go into its `media/`. */
	dir: string;
	/** Caches live under it (`<dataDir>/voice-cache`). */
	dataDir: string;
	/**
	 * The voice asked for (`auto`, `none` or an id, as --voice takes it): scenes voiced by another
	 * are voiced again. Absent: each scene keeps the voice that made its audio, and new audio takes
	 * the storyboard's voice (the first scene's), else the language's (see chooseVoice).
	 */
	voice?: string | undefined;
	/** The speaking rate asked for; absent: as recorded, else 1. */
	rate?: number | undefined;
	/** What an "auto" voice means when configured (e.g. 'openai' with a key). */
	preferredVoice?: string | undefined;
	voiceProviders?: VoiceProvider[] | undefined;
	signal?: AbortSignal | undefined;
	onProgress?: (p: {stage: 'voicing' | 'fetching'; progress: number}) => void;
};

export type CompleteStoryboardResult = {
	storyboard: Storyboard;
	scenes: SceneCompletion[];
	warnings: CompletionWarning[];
	fallbacks: CompletionFallback[];
	/** The providers that served, e.g. {voicing: 'festival'}; a stage that had nothing to do is absent. */
	providers: {voicing?: string; fetching?: string};
	/** Time spent per stage, ms. */
	stagesMs: {voicing?: number; fetching?: number};
	/** Something changed (a scene voiced, a picture added): the storyboard must be written again. */
	changed: boolean;
};

type Want = {id: string | null; rate: number | null};

/** Whether a scene's narration must be voiced (again) for the voice wanted. */
const needsVoicing = (n: Narration, want: Want): boolean => {
	// Audio not made from text by promptreel (a voice-over, a version 1 file) is kept as it is.
	if (n.audio !== null && n.voicedText === null) return false;
	if (n.voice === null || n.voicedText !== n.text) return true;
	if (want.id !== null && n.voice.id !== want.id) return true;
	if (want.rate !== null && n.voice.rate !== want.rate) return true;
	return false;
};

const transitionOverlapMs = (scene: Scene): number => (scene.transition.type === 'none' ? 0 : scene.transition.durationMs);

/** A scene's duration once its speech is known: "speech" follows it, "user" is kept when the speech fits. */
const durationFor = (scene: Scene, speechMs: number): {durationMs: number; lengthened: boolean} => {
	const needed = speechSceneDurationMs({offsetMs: scene.narration.offsetMs, speechMs, transitionMs: transitionOverlapMs(scene)});
	// A shot must start before the scene ends.
	const lastShot = scene.shots.at(-1);
	const floor = lastShot ? lastShot.startMs + 500 : 0;
	if (scene.durationSource === 'speech') return {durationMs: Math.max(needed, floor), lengthened: false};
	const fits = scene.durationMs >= scene.narration.offsetMs + speechMs + transitionOverlapMs(scene);
	return fits ? {durationMs: scene.durationMs, lengthened: false} : {durationMs: Math.max(needed, floor), lengthened: true};
};

/** What completing a storyboard would do, known before doing it (validate and dry runs show it). */
export type CompletionPlan = {
	/** Indexes of the scenes to voice (again). */
	toVoice: number[];
	/** Indexes of the procedural scenes without an icon. */
	toIllustrate: number[];
	/** The voice and rate new audio is made with. */
	voice: string;
	rate: number;
	/** Why new audio will be silent (no voice reads the language), when it will. */
	warning: {code: string; message: string} | null;
	/** The voice and rate asked for (null: any, as recorded). */
	want: {id: string | null; rate: number | null};
};

/** Which scenes completing would voice and illustrate, and with which voice (see completeStoryboard). */
export const planCompletion = (o: Pick<CompleteStoryboardOptions, 'storyboard' | 'voice' | 'rate' | 'preferredVoice'>): CompletionPlan => {
	const sb = o.storyboard;
	const language = findLanguage(sb.language) ?? {name: sb.language, defaultVoice: null};
	// The voice wanted: asked for, else the storyboard's own, else the language's.
	const asked = o.voice === undefined ? null : chooseVoice({requested: o.voice, language, preferred: o.preferredVoice});
	const recorded = sb.scenes.find((s) => s.narration.voice !== null)?.narration.voice ?? null;
	const auto = chooseVoice({requested: 'auto', language, preferred: o.preferredVoice});
	const want: Want = {id: asked?.voice ?? null, rate: o.rate ?? null};
	const indexes = (pick: (s: Scene) => boolean) => sb.scenes.flatMap((s, i) => (pick(s) ? [i] : []));
	return {
		toVoice: indexes((s) => needsVoicing(s.narration, want)),
		toIllustrate: indexes((s) => s.visual.kind === 'procedural' && s.visual.icon === null),
		voice: asked?.voice ?? recorded?.id ?? auto.voice,
		rate: o.rate ?? recorded?.rate ?? 1,
		warning: (asked ?? (recorded ? null : auto))?.warning ?? null,
		want,
	};
};

/**
 * Completes a storyboard for rendering (docs/architecture.md, "Rendering: one path"): every scene
 * whose narration has no audio, or whose audio was made from another text, voice or rate, is
 * voiced (voice cache first: an unchanged scene costs nothing), its captions timed from that audio
 * and its duration set by its `durationSource`; a procedural scene without an icon gets an
 * illustration. Scenes already complete are kept as they are. New media go into `<dir>/media`.
 */
export const completeStoryboard = async (o: CompleteStoryboardOptions): Promise<CompleteStoryboardResult> => {
	const sb = structuredClone(o.storyboard);
	const warnings: CompletionWarning[] = [];
	const fallbacks: CompletionFallback[] = [];
	const providers: CompleteStoryboardResult['providers'] = {};
	const stagesMs: CompleteStoryboardResult['stagesMs'] = {};
	const mediaDir = join(o.dir, 'media');
	const plan = planCompletion(o);
	const {voice: voiceId, rate} = plan;

	const report: SceneCompletion[] = sb.scenes.map((s) => ({
		id: s.id,
		narration: s.narration.audio !== null ? (s.narration.voicedText === null ? 'recorded' : 'reused') : 'silent',
		voiceCacheHit: null,
		voice: s.narration.voice?.id ?? null,
		durationMs: s.durationMs,
		previousDurationMs: s.durationMs,
		picture: 'kept',
	}));

	const toVoice = plan.toVoice.map((i) => ({s: sb.scenes[i]!, i}));
	let changed = false;
	if (toVoice.length > 0) {
		const started = performance.now();
		o.onProgress?.({stage: 'voicing', progress: 0});
		if (plan.warning) warnings.push({stage: 'voicing', ...plan.warning});
		await mkdir(mediaDir, {recursive: true});
		const used = new Set<string>();
		const warned = new Set<string>();
		for (const [k, {s, i}] of toVoice.entries()) {
			const result = await synthesizeNarration({
				text: s.narration.text,
				language: sb.language,
				voice: voiceId,
				rate,
				outFile: join(mediaDir, `narration-${s.id}.mp3`),
				cacheDir: join(o.dataDir, 'voice-cache'),
				providers: o.voiceProviders,
				signal: o.signal,
			});
			for (const w of result.warnings) {
				if (!warned.has(w)) warnings.push({stage: 'voicing', code: 'VOICE_FALLBACK', message: w});
				warned.add(w);
			}
			for (const f of result.fallbacks)
				fallbacks.push({
					stage: 'voicing',
					from: f.from,
					to: f.to === NO_VOICE ? 'none (reading-speed captions)' : f.to,
					reason: `${s.id}: ${f.reason}`,
				});
			used.add(result.provider);
			const voice = result.provider === NO_VOICE ? NO_VOICE : result.provider;
			s.narration = {
				...s.narration,
				audio: result.audioFile ? `media/${basename(result.audioFile)}` : null,
				voicedText: s.narration.text,
				voice: {id: voice, rate},
			};
			s.captions = wordsToCaptions(result.words, s.narration.offsetMs, sb.language);
			const duration = durationFor(s, result.durationMs);
			if (duration.lengthened) {
				warnings.push({
					stage: 'voicing',
					code: 'SCENE_LENGTHENED',
					message: `scenes.${i} ("${s.id}"): its speech lasts ${(result.durationMs / 1000).toFixed(1)} s, longer than the ${(s.durationMs / 1000).toFixed(1)} s set: lengthened to ${(duration.durationMs / 1000).toFixed(1)} s. Shorten its narration or set durationSource "speech".`,
				});
			}
			s.durationMs = duration.durationMs;
			if (result.audioFile && result.license && !sb.credits.some((c) => c.kind === 'voice')) {
				sb.credits.push({
					kind: 'voice',
					title: `Narration voice (${result.provider})`,
					author: null,
					url: null,
					license: result.license,
					source: result.provider,
				} satisfies Credit);
			}
			report[i] = {
				...report[i]!,
				narration: result.audioFile ? 'voiced' : 'silent',
				voiceCacheHit: result.audioFile ? result.cached : null,
				voice,
				durationMs: s.durationMs,
			};
			changed = true;
			o.onProgress?.({stage: 'voicing', progress: (k + 1) / toVoice.length});
		}
		providers.voicing = [...used].join(', ');
		stagesMs.voicing = Math.round(performance.now() - started);
	}

	const bare = plan.toIllustrate.map((i) => ({s: sb.scenes[i]!, i}));
	if (bare.length > 0) {
		const started = performance.now();
		o.onProgress?.({stage: 'fetching', progress: 0});
		await mkdir(mediaDir, {recursive: true});
		const icons = await illustrateScenes({
			scenes: bare.map(({s}) => {
				const text = [s.title, s.text, s.narration.text].filter(Boolean).join(' ');
				return {keywords: extractKeywords(text, sb.language), text};
			}),
			seed: sb.seed,
			dir: mediaDir,
			signal: o.signal,
		});
		bare.forEach(({s, i}, k) => {
			const icon = icons[k];
			if (!icon || s.visual.kind !== 'procedural') return;
			s.visual = {...s.visual, icon: relative(o.dir, icon.file).split('\\').join('/')};
			if (!sb.credits.some((c) => c.title === icon.credit.title)) sb.credits.push(icon.credit);
			report[i] = {...report[i]!, picture: 'illustrated'};
		});
		changed = true;
		providers.fetching = 'emoji-illustrations';
		stagesMs.fetching = Math.round(performance.now() - started);
		o.onProgress?.({stage: 'fetching', progress: 1});
	}

	// Parsed again: new durations must still hold every rule (transitions, shots).
	const parsed = storyboardSchema.safeParse(sb);
	if (!parsed.success) {
		const issues = zodIssues(parsed.error);
		throw new ValidationError(
			`The completed storyboard is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}. Adjust the scene durations or transitions it names.`,
			issues,
		);
	}
	return {storyboard: parsed.data, scenes: report, warnings, fallbacks, providers, stagesMs, changed};
};
