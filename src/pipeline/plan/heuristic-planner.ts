import {classifyPrompt} from './classify-prompt';
import {documentStats, type DocumentStats} from './document-stats';
import {estimateSceneMs, estimateSpeechMs} from './estimate-duration';
import {extractKeywords} from './extract-keywords';
import {fitToTarget} from './fit-to-target';
import {chooseGrouping, groupUnits} from './group-units';
import {pickMusicMood} from './music-mood';
import {normalizePrompt} from './normalize-prompt';
import type {Outline} from './parse-outline';
import type {PlannedScene, PlannedStoryboard} from './planned-storyboard';
import type {PlanContext, PlanInput, Planner} from './planner';
import {clampTitle, itemTitle, sceneTitle, shortTitle, videoTitle} from './scene-title';
import {scriptUnits} from './script-units';
import {isSpacelessLanguage, stripEmoji, wordTokens} from './text-tokens';
import {titleCase} from './title-case';

/** The heuristic planner never makes more scenes than this; longer prompts get longer scenes. */
export const MAX_SCENES = 40;
/** A bare topic's title card stays up long enough to be read. */
const TOPIC_SCENE_MS = 4000;
/** An outline item's scene lasts at least this long, however short the item. */
const MIN_ITEM_SCENE_MS = 3000;

/** A scene before timing: what it shows and says, and its list item number when it presents one. */
type Draft = {source: string; narration: string; title: string; itemNumber?: number};

const sentenceEnd = (language: string): string => (/^(ja|zh|yue)\b/i.test(language) ? '。' : /^(hi|mr|ne)\b/i.test(language) ? '।' : '.');
/** Marks that already end a sentence, in every script we speak: no second stop after them ("है।." never). */
const ENDS_SENTENCE = /[.!?。！？…।॥؟]["'”’)»」』]*$/u;

/** Narration is spoken: no emoji, and a final stop so the voice lands the sentence. */
const toNarration = (text: string, language: string): string => {
	const spoken = stripEmoji(text).replace(/\s*\n\s*/g, ' ');
	if (spoken === '' || ENDS_SENTENCE.test(spoken)) return spoken;
	return spoken.replace(/[\s:;,，、：；\-–—]+$/u, '') + sentenceEnd(language);
};

const joinTexts = (texts: string[], language: string): string => texts.join(isSpacelessLanguage(language) ? '' : ' ');

/** Turns drafts into scenes: ids, keywords and durations fitted to the target. */
const finishScenes = (drafts: Draft[], input: PlanInput, stats: DocumentStats, ctx: PlanContext, minSceneMs = 0): PlannedScene[] => {
	const natural = drafts.map((d) => Math.max(minSceneMs, estimateSceneMs(d.narration, input.language)));
	const targetMs = input.targetDurationSec === null ? null : input.targetDurationSec * 1000;
	const {durationsMs, warning} = fitToTarget(natural, targetMs);
	if (warning) ctx.onWarning(warning);
	return drafts.map((d, i) => ({
		id: `scene-${i + 1}`,
		narration: d.narration,
		title: d.title,
		text: null,
		keywords: extractKeywords(stripEmoji(d.source), input.language, stats),
		estimatedDurationMs: durationsMs[i]!,
		itemNumber: d.itemNumber ?? null,
	}));
};

/** A heading line on top of a script ("How Volcanoes Form\n\nVolcanoes are..."). */
const splitHeading = (text: string, language: string): {heading: string | null; body: string} => {
	const m = /^([^\n]+)\n\s*\n([\s\S]+)$/.exec(text);
	if (!m) return {heading: null, body: text};
	const line = m[1]!.replace(/^\s*#{1,6}\s*/, '').trim();
	const short = wordTokens(line, language).length <= 10 && !/[.!?。！？:]$/u.test(line);
	return short ? {heading: line, body: m[2]!.trim()} : {heading: null, body: text};
};

const planScript = (text: string, input: PlanInput, ctx: PlanContext): PlannedStoryboard => {
	const {language} = input;
	const {heading, body} = splitHeading(text, language);
	const units = scriptUnits(body, language);
	const durations = units.map((u) => estimateSpeechMs(u.text, language));
	const plan = chooseGrouping({
		units: units.length,
		speechMs: durations.reduce((a, b) => a + b, 0),
		targetMs: input.targetDurationSec === null ? null : input.targetDurationSec * 1000,
		maxScenes: MAX_SCENES,
	});
	if (plan.maxUnitsPerScene > 3) {
		ctx.onWarning({
			code: 'SCENES_MERGED',
			message: `The script has ${units.length} sentences; they were grouped into ${plan.sceneCount} scenes (at most ${MAX_SCENES}), up to ${plan.maxUnitsPerScene} sentences each.`,
		});
	}
	const starts = groupUnits({durationsMs: durations, paragraphs: units.map((u) => u.paragraph), plan});
	ctx.signal?.throwIfAborted();
	const sources = starts.map((start, g) =>
		joinTexts(
			units.slice(start, starts[g + 1] ?? units.length).map((u) => u.text),
			language,
		),
	);
	const stats = documentStats(sources.map(stripEmoji), language);
	const used = new Set<string>();
	const drafts = sources.map((source): Draft => {
		const title = sceneTitle({text: source, language, stats, used});
		used.add(title.toLocaleLowerCase(language));
		return {source, narration: toNarration(source, language), title};
	});
	return {
		title: clampTitle(heading ? titleCase(heading, language) : videoTitle({text: body, language, stats}), language),
		template: input.template,
		musicMood: pickMusicMood(body, language),
		scenes: finishScenes(drafts, input, stats, ctx),
	};
};

const planOutline = (outline: Outline, input: PlanInput, ctx: PlanContext): PlannedStoryboard => {
	const {language} = input;
	const room = MAX_SCENES - (outline.heading ? 1 : 0);
	const perScene = Math.ceil(outline.items.length / room);
	if (perScene > 1) {
		ctx.onWarning({
			code: 'SCENES_MERGED',
			message: `The list has ${outline.items.length} items; every ${perScene} items share a scene to stay within ${MAX_SCENES} scenes.`,
		});
	}
	const groups: {number: number; items: string[]}[] = [];
	for (let i = 0; i < outline.items.length; i += perScene) {
		groups.push({number: i + 1, items: outline.items.slice(i, i + perScene)});
	}
	const stats = documentStats(
		[...(outline.heading ? [outline.heading] : []), ...groups.map((g) => joinTexts(g.items, language))].map(stripEmoji),
		language,
	);
	const drafts: Draft[] = [];
	if (outline.heading) {
		drafts.push({
			source: outline.heading,
			narration: toNarration(outline.heading, language),
			title: shortTitle({text: outline.heading, language, stats, style: 'title'}),
		});
	}
	const used = new Set<string>();
	for (const g of groups) {
		const source = joinTexts(
			g.items.map((item) => toNarration(item, language)),
			language,
		);
		// The item's number and a short noun phrase: the voice already says the item word for word.
		const title = itemTitle({number: g.number, text: g.items[0]!, language, stats, used});
		used.add(title.replace(/^\d+\.\s*/, '').toLocaleLowerCase(language));
		drafts.push({source: joinTexts(g.items, language), narration: source, title, itemNumber: g.number});
	}
	const spoken = joinTexts(
		outline.items.map((item) => toNarration(item, language)),
		language,
	);
	return {
		title: outline.heading ? drafts[0]!.title : videoTitle({text: spoken, language, stats}),
		template: input.template,
		musicMood: pickMusicMood(joinTexts([outline.heading ?? '', ...outline.items], language), language),
		// Every item stays up long enough to read its number and see its picture.
		scenes: finishScenes(drafts, input, stats, ctx, MIN_ITEM_SCENE_MS),
	};
};

const planTopic = (text: string, input: PlanInput, ctx: PlanContext): PlannedStoryboard => {
	const {language} = input;
	ctx.onWarning({
		code: 'NEEDS_PLANNER_MODEL',
		message:
			'The prompt is a bare topic: writing a full script about it needs a planner model. ' +
			'This video is a short title card that speaks the prompt. Set OPENAI_API_KEY, or OPENAI_BASE_URL ' +
			'for any OpenAI-compatible server such as a local Ollama, or pass a script or an outline.',
	});
	const title = clampTitle(titleCase(text, language), language);
	const stats = documentStats([stripEmoji(text)], language);
	const draft: Draft = {source: text, narration: toNarration(text, language), title};
	// An honest short video: the target duration is not padded out with an empty card.
	const scenes = finishScenes([draft], {...input, targetDurationSec: null}, stats, ctx, TOPIC_SCENE_MS);
	return {title, template: input.template, musicMood: pickMusicMood(text, language), scenes};
};

/**
 * The default planner: offline, deterministic, no model. It narrates a script as written (grouped
 * into scenes), turns an outline into one scene per item, and makes a bare topic into an honest
 * title card with a NEEDS_PLANNER_MODEL warning. Its output does not depend on the seed.
 */
export const createHeuristicPlanner = (): Planner => ({
	id: 'heuristic',
	async plan(input, ctx) {
		ctx.signal?.throwIfAborted();
		const text = normalizePrompt(input.prompt);
		const shape = classifyPrompt(text, input.language);
		if (shape.kind === 'outline') return planOutline(shape.outline, input, ctx);
		if (shape.kind === 'topic') return planTopic(text, input, ctx);
		return planScript(text, input, ctx);
	},
});
