import {describe, expect, it} from 'vitest';
import {shotSchema, type StoryboardCaption, type Visual} from '../../compositions/storyboard';
import {LANGUAGE_SAMPLES} from '../language';
import {planVideo} from './plan-video';
import {MAX_BEAT_GAP_MS, maxBeatGapMs, phraseAt, planShots} from './plan-shots';

/** Captions of words spoken every `stepMs` from `fromMs`. */
const captionsOf = (words: string[], fromMs = 500, stepMs = 450): StoryboardCaption[] =>
	words.map((w, i) => ({
		text: i ? ` ${w}` : w,
		startMs: fromMs + i * stepMs,
		endMs: fromMs + i * stepMs + stepMs - 50,
		timestampMs: null,
		confidence: null,
	}));

const ICONS: Visual = {
	kind: 'procedural',
	style: 'orbs',
	icon: 'media/emoji-coffee.svg',
	extraIcons: ['media/emoji-cup.svg', 'media/emoji-bean.svg'],
};

describe("planShots (a scene's timed beats from its words)", () => {
	it('cuts to each extra picture, then shows key phrases and camera moves, never 4 s without a beat', () => {
		const words =
			'The farmers pick ripe cherries by hand and the beans dry in the sun for two weeks before the roasting starts and the aroma fills the room'.split(
				' ',
			);
		const captions = captionsOf(words);
		const durationMs = 500 + words.length * 450 + 700;
		const shots = planShots({captions, durationMs, visual: ICONS, language: 'en', seed: 1});
		for (const s of shots) shotSchema.parse(s);
		expect(maxBeatGapMs({durationMs, shots})).toBeLessThanOrEqual(MAX_BEAT_GAP_MS);
		// The extra icons come first, each as a new picture over the same background.
		expect(shots.slice(0, 2).map((s) => s.visual)).toEqual([
			{kind: 'procedural', style: 'orbs', icon: 'media/emoji-cup.svg', extraIcons: []},
			{kind: 'procedural', style: 'orbs', icon: 'media/emoji-bean.svg', extraIcons: []},
		]);
		// Every beat falls on a spoken content word (never on "the", "and", "by").
		for (const s of shots) {
			const word = captions.find((c) => c.startMs === s.startMs);
			expect(word, `beat at ${s.startMs} ms`).toBeDefined();
			expect(['the', 'and', 'by', 'in', 'for']).not.toContain(word!.text.trim());
		}
		const phrases = shots.flatMap((s) => (s.keyPhrase ? [s.keyPhrase] : []));
		expect(phrases.length).toBeGreaterThan(0);
		for (const p of phrases) expect(words.join(' ')).toContain(p);
		expect(shots.some((s) => s.camera !== null)).toBe(true);
		// Strictly increasing, at least 1.4 s apart.
		shots.forEach((s, i) => i > 0 && expect(s.startMs - shots[i - 1]!.startMs).toBeGreaterThanOrEqual(1400));
	});

	it('moves the camera through a long silent scene, and leaves a short plain one alone', () => {
		const image: Visual = {kind: 'image', src: 'media/a.jpg', motion: 'zoom-in', fit: 'cover'};
		const silent = planShots({captions: [], durationMs: 12000, visual: image, language: 'en', seed: 0});
		expect(maxBeatGapMs({durationMs: 12000, shots: silent})).toBeLessThanOrEqual(MAX_BEAT_GAP_MS);
		expect(silent.every((s) => s.camera !== null && s.visual === null)).toBe(true);
		expect(planShots({captions: captionsOf(['Hi', 'there']), durationMs: 3000, visual: image, language: 'en', seed: 0})).toEqual([]);
	});

	it('ties Japanese key phrases to content words, not particles', () => {
		const words = [
			'火山',
			'は',
			'マグマ',
			'が',
			'地殻',
			'を',
			'通って',
			'上がって',
			'くる',
			'場所',
			'に',
			'でき',
			'ます',
			'。',
			'溶岩',
			'は',
			'冷えて',
			'新しい',
			'岩',
			'に',
			'なります',
		];
		const captions = captionsOf(words, 300, 420);
		const shots = planShots({captions, durationMs: 10000, visual: ICONS, language: 'ja', seed: 2});
		expect(maxBeatGapMs({durationMs: 10000, shots})).toBeLessThanOrEqual(MAX_BEAT_GAP_MS);
		for (const p of shots.flatMap((s) => (s.keyPhrase ? [s.keyPhrase] : []))) expect(p).not.toMatch(/^[ぁ-ん]+$/);
	});

	// Seen in the panel: key phrases were the longest word, often a verb ("Raccolgono", "meanders").
	it.each([
		['en', 'The river meanders slowly through green fields', ['meanders', 'slowly']],
		['it', 'Gli agricoltori scuotono gli alberi', ['scuotono']],
		['es', 'Los campesinos cocinaban la paella', ['cocinaban']],
		['ja', '人々 は 公園 に 集まり 、 桜 が 咲きます', ['咲きます', '集まり']],
	])('%s: a key phrase names a thing rather than an action: "%s"', (language, text, verbs) => {
		const captions = captionsOf(text.split(' '), 1400, 450);
		const shots = planShots({captions, durationMs: 5200, visual: {...ICONS, extraIcons: []}, language, seed: 0});
		const phrases = shots.flatMap((s) => (s.keyPhrase ? [s.keyPhrase] : []));
		expect(phrases.length).toBeGreaterThan(0);
		for (const p of phrases) for (const v of verbs) expect(p.split(' ')[0]).not.toBe(v);
	});

	// Seen in the panel (npm run panel): a comma closed nothing, so two clauses ran together on screen.
	it.each([
		['en', ['tropical', 'hillsides', 'and'], 0, 'tropical hillsides'],
		['en', ['cherries.', 'Farmers', 'pick'], 0, 'cherries'],
		['de', ['Basel,', 'Köln', 'und'], 0, 'Basel'],
		['de', ['Bäcker', 'backen', 'jeden'], 0, 'Bäcker'],
		['de', ['Sauerteigbrot', 'braucht', 'der'], 0, 'Sauerteigbrot'],
		['de', ['dunkles', 'Roggenbrot.'], 0, 'dunkles Roggenbrot'],
		['de', ['Schweizer', 'Alpen', 'und'], 0, 'Schweizer Alpen'],
		['ja', ['集まり、', '桜の', '木'], 0, '集まり'],
		['zh', ['山坡上，', '农民', '在'], 0, '山坡上'],
		['ar', ['الصحراء،', 'الجمال', 'التي'], 0, 'الصحراء'],
		['hi', ['बारिश', 'खेतों', 'में'], 0, 'बारिश खेतों'],
		// A noun before a verb ends the phrase (panel, it-olives: "agricoltori scuotono").
		['it', ['agricoltori', 'scuotono', 'gli'], 0, 'agricoltori'],
		['en', ['farmers', 'pick', 'the'], 0, 'farmers'],
		['fr', ['fromage', 'commence', 'avec'], 0, 'fromage'],
		['es', ['tortugas', 'viajan', 'miles'], 0, 'tortugas'],
		['pt', ['surfistas', 'descem', 'ondas'], 0, 'surfistas'],
		// A modifier before its noun still joins it.
		['en', ['hot', 'water', 'pulls'], 0, 'hot water'],
		['it', ['olio', 'verde'], 0, 'olio verde'],
	])('%s: the key phrase at %j (word %i) is "%s"', (language, words, i, phrase) => {
		expect(phraseAt(captionsOf(words), i, language)).toBe(phrase);
	});

	// The generator's own storyboards of the sample prompts (reading-speed timings, no voice), in
	// four scripts. Each sample is said twice so scenes run past 4 s.
	it.each(['en', 'ja', 'ar', 'hi'])('keeps every scene of the %s sample within 4 s between beats', async (lang) => {
		const sample = LANGUAGE_SAMPLES[lang]!;
		const {storyboard} = await planVideo({prompt: `${sample} ${sample}`, options: {lang, seed: 4}});
		const gaps = storyboard.scenes.map((s) => maxBeatGapMs(s));
		process.stdout.write(
			`[shots] ${lang}: scenes ${storyboard.scenes.map((s) => s.durationMs).join('/')} ms, max beat gap ${Math.max(...gaps)} ms\n`,
		);
		expect(storyboard.scenes.some((s) => s.durationMs > MAX_BEAT_GAP_MS)).toBe(true);
		expect(Math.max(...gaps)).toBeLessThanOrEqual(MAX_BEAT_GAP_MS);
		expect(storyboard.scenes.flatMap((s) => s.shots).length).toBeGreaterThan(0);
	});
});
