import {isSpacelessLanguage, type Shot, type StoryboardCaption, type Visual} from '../../compositions/storyboard';
import {isStopWord, loadNounLexicon} from '../plan';

/** The longest a viewer looks at an unchanged frame (issue #15: no picture held 8-16 s). */
export const MAX_BEAT_GAP_MS = 4000;
/** Beats closer than this read as flicker, not as a new shot. */
const MIN_BEAT_GAP_MS = 1400;
/** Where in the allowed window a beat goes when no word falls there. */
const PACE_MS = 3000;
const CAMERA_CYCLE = ['zoom-in', 'pan-left', 'zoom-out', 'pan-right'] as const;
const MAX_PHRASE_CHARS = 24;

export type PlanShotsOptions = {
	captions: readonly StoryboardCaption[];
	durationMs: number;
	/** The scene's picture: a procedural one's extra icons become the new pictures of its shots. */
	visual: Visual;
	language: string;
	/** Varies the camera moves between scenes. */
	seed: number;
	maxGapMs?: number;
};

const clean = (text: string): string => text.trim().replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');

/** A word that names a thing counts this much more than a verb or an adjective of the same length. */
const NOUN_FACTOR = 2;

/** A thing-word: a word of a CLDR emoji name or keyword, or a German noun (capitalised). */
const isNounLike = (word: string, language: string): boolean =>
	loadNounLexicon(language).has(word) || (/^de\b/i.test(language) && /^\p{Lu}/u.test(word));

/** How much a word names something: content words, nouns before verbs, longer first. 0 for a stop word. */
const weightOf = (word: string, language: string): number => {
	const w = clean(word);
	if (w.length === 0 || isStopWord(w.toLowerCase(), language)) return 0;
	// A Japanese verb's kana ending says nothing: 咲きます weighs as 咲, not as 公園.
	const stem = /^ja\b/i.test(language) ? w.replace(/(?<=[\p{Script=Han}\p{Script=Katakana}ー])\p{Script=Hiragana}+$/u, '') : w;
	const length = isSpacelessLanguage(language) ? stem.length * 2 : stem.length;
	return isNounLike(w, language) ? length * NOUN_FACTOR : length;
};

/** Marks after which the next word belongs to another clause: sentence ends, commas, colons, semicolons (every script). */
const PHRASE_END = /[.!?。！？।؟,，、;；:：،؛]\s*$/;

/** The on-screen phrase that starts at caption i: the word, plus the next one when it is a content word and both fit. */
export const phraseAt = (captions: readonly StoryboardCaption[], i: number, language: string): string => {
	const first = clean(captions[i]!.text);
	const next = captions[i + 1];
	// A sentence or clause end closes the phrase: "集まり、桜の" would show as "集まり桜の", "Basel, Köln" as "Basel Köln".
	if (!next || PHRASE_END.test(captions[i]!.text) || weightOf(next.text, language) === 0) return first;
	// A German noun phrase ends on its noun: a small word after a capitalised one starts the predicate ("Bäcker backen").
	if (/^de\b/i.test(language) && /^\p{Lu}/u.test(first) && /^\p{Ll}/u.test(clean(next.text))) return first;
	// A noun before a verb ends the phrase ("agricoltori scuotono", "Farmers pick"): in English a
	// plural closes its noun phrase; elsewhere a thing-word followed by a word that names nothing.
	if (/^en\b/i.test(language) ? /[^su]s$/.test(first) : isNounLike(first, language) && !isNounLike(clean(next.text), language))
		return first;
	const joined = isSpacelessLanguage(language) ? `${first}${clean(next.text)}` : `${first} ${clean(next.text)}`;
	return joined.length <= MAX_PHRASE_CHARS ? joined : first;
};

/** The word (index into captions) the next beat is tied to: the strongest content word in the window, or null. */
const wordIn = (captions: readonly StoryboardCaption[], from: number, to: number, language: string): number | null => {
	let best: number | null = null;
	let bestWeight = 0;
	captions.forEach((c, i) => {
		if (c.startMs < from || c.startMs > to) return;
		const w = weightOf(c.text, language);
		if (w > bestWeight) {
			best = i;
			bestWeight = w;
		}
	});
	return best;
};

/**
 * The timed visual beats of one scene (scene.shots) from its word timings, so that no frame is
 * held longer than `maxGapMs` (default 4 s): each beat is tied to the content word spoken then and
 * is, in turn, a new picture (the scene's extra icons), that word as an on-screen key phrase, or a
 * camera move. Beats fall between MIN_BEAT_GAP_MS and maxGapMs apart; where no word is spoken
 * (pauses, silent scenes) the beat is a camera move on the pace. docs/templates.md: "Shots".
 */
export const planShots = (o: PlanShotsOptions): Shot[] => {
	const maxGap = o.maxGapMs ?? MAX_BEAT_GAP_MS;
	const pictures = o.visual.kind === 'procedural' ? [...o.visual.extraIcons] : [];
	const shots: Shot[] = [];
	let last = 0;
	let camera = o.seed % CAMERA_CYCLE.length;
	let turn = 0;
	const needsBeat = () => o.durationMs - last > maxGap || (pictures.length > 0 && o.durationMs - last > 2 * MIN_BEAT_GAP_MS);
	while (needsBeat()) {
		const latest = Math.min(last + maxGap - 200, o.durationMs - MIN_BEAT_GAP_MS);
		const earliest = last + MIN_BEAT_GAP_MS;
		if (latest < earliest) break;
		const word = wordIn(o.captions, earliest, latest, o.language);
		const startMs = Math.round(word === null ? Math.min(latest, last + PACE_MS) : o.captions[word]!.startMs);
		const shot: Shot = {startMs, visual: null, keyPhrase: null, camera: null};
		const picture = pictures.shift();
		if (picture && o.visual.kind === 'procedural') {
			shot.visual = {kind: 'procedural', style: o.visual.style, icon: picture, extraIcons: []};
		} else if (word !== null && turn % 2 === 0) {
			shot.keyPhrase = phraseAt(o.captions, word, o.language);
		} else {
			shot.camera = CAMERA_CYCLE[camera++ % CAMERA_CYCLE.length]!;
		}
		if (!shot.visual && !shot.keyPhrase && !shot.camera) shot.camera = CAMERA_CYCLE[camera++ % CAMERA_CYCLE.length]!;
		turn++;
		shots.push(shot);
		last = startMs;
	}
	return shots;
};

/** The largest time (ms) one scene holds a frame without a beat: from its start, between shots, to its end. */
export const maxBeatGapMs = (scene: {durationMs: number; shots: readonly Pick<Shot, 'startMs'>[]}): number => {
	const times = [0, ...scene.shots.map((s) => s.startMs), scene.durationMs];
	return Math.max(...times.slice(1).map((t, i) => t - times[i]!));
};
