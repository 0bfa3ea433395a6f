import type {Palette} from '../../compositions/storyboard';
import type {MusicMood} from '../plan';

/** A palette with the moods and topics it suits. */
export type NamedPalette = {
	id: string;
	moods: readonly MusicMood[];
	/** English topic words (the video's subject is named in English, whatever the language: see pickVideoSubject). */
	topics: readonly string[];
	palette: Palette;
};

const p = (id: string, moods: MusicMood[], topics: string, c: [string, string, string, string, string]): NamedPalette => ({
	id,
	moods,
	topics: topics.split(' '),
	palette: {background: c[0], surface: c[1], primary: c[2], accent: c[3], text: c[4]},
});

/**
 * The palettes a generated video gets: dark backgrounds with light text, each checked in
 * palettes.test.ts for text contrast >= 4.5:1 on its background and on its surface.
 */
export const PALETTES: readonly NamedPalette[] = [
	p('midnight', ['calm', 'serious'], 'space science technology computer robot internet data phone night rocket code', [
		'#0f172a',
		'#1e3a8a',
		'#6366f1',
		'#facc15',
		'#f8fafc',
	]),
	p('lagoon', ['calm'], 'ocean sea water fish river island beach wave whale dolphin boat lake rain', [
		'#042f2e',
		'#115e59',
		'#2dd4bf',
		'#fde68a',
		'#f0fdfa',
	]),
	p('forest', ['calm', 'upbeat'], 'plant tree garden forest leaf nature seed herb seedling flower blossom park bee bird animal', [
		'#052e16',
		'#166534',
		'#4ade80',
		'#fde047',
		'#f0fdf4',
	]),
	p('ember', ['serious', 'upbeat'], 'fire volcano lava heat sun desert energy flame hot rock mountain', [
		'#1c0a05',
		'#7c2d12',
		'#f97316',
		'#fbbf24',
		'#fff7ed',
	]),
	p('roast', ['calm'], 'coffee tea teacup chocolate bread cooking food kitchen cake cup bean beverage baking pizza pasta cherry cherries', [
		'#1c1210',
		'#4a2c20',
		'#c08457',
		'#fcd9a8',
		'#fdf6ee',
	]),
	p('berry', ['upbeat'], 'party music dance fashion love heart birthday game toy candy celebration', [
		'#3b0764',
		'#9d174d',
		'#f472b6',
		'#fde047',
		'#fff7ed',
	]),
	p('sky', ['upbeat', 'calm'], 'sky airplane travel weather cloud flight bicycle sport city train map', [
		'#172554',
		'#0369a1',
		'#38bdf8',
		'#fb923c',
		'#f8fafc',
	]),
	p('stone', ['serious'], 'history war law money business news castle museum government building bank tower bridge', [
		'#0c0a09',
		'#292524',
		'#a8a29e',
		'#ef4444',
		'#fafaf9',
	]),
	p('dusk', ['calm', 'upbeat'], 'magic dream art moon star galaxy universe painting book story', [
		'#2e1065',
		'#5b21b6',
		'#a78bfa',
		'#fcd34d',
		'#faf5ff',
	]),
	p('crimson', ['upbeat', 'serious'], 'race car speed fitness danger football soccer basketball trophy strawberry', [
		'#450a0a',
		'#991b1b',
		'#f87171',
		'#fde68a',
		'#fef2f2',
	]),
	p('glacier', ['calm', 'serious'], 'ice snow winter glacier cold health medicine hospital doctor penguin', [
		'#0b1d2a',
		'#1e4e6e',
		'#7dd3fc',
		'#fcd34d',
		'#f0f9ff',
	]),
	p('harvest', ['serious', 'calm'], 'soil earth farm farmer farming harvest wheat rice village corn grain tractor cow monsoon', [
		'#1a1f0e',
		'#3f4a1c',
		'#a3b14a',
		'#fbbf24',
		'#fbfdf0',
	]),
];

export type PickPaletteOptions = {
	mood: MusicMood;
	/**
	 * Words naming the video's topic, lower case: its subject's English name (any language) and
	 * its title's words. The palette whose topics they name most wins.
	 */
	topicWords: readonly string[];
	/** The video's title: decides, by its hash, among equally good palettes, so each topic gets its own. */
	title: string;
};

/** FNV-1a: a stable small hash of a string (no randomness in storyboards). */
const hashOf = (s: string): number => {
	let h = 0x811c9dc5;
	for (const ch of s) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0;
	return h;
};

/**
 * A palette per video from its topic: the palette whose topic words the video names most (its
 * mood breaking ties); when none is named, one of the palettes of the mood chosen by the title's
 * hash. The same topic always gets the same palette; a storyboard's theme or brand wins at render.
 */
export const pickPalette = (o: PickPaletteOptions): NamedPalette => {
	// English plurals name the same topic ("volcanoes", "beaches").
	const words = new Set(
		o.topicWords
			.flatMap((w) => w.toLowerCase().split(/[\s_-]+/))
			.flatMap((w) => [w, w.replace(/e?s$/, '')])
			.filter(Boolean),
	);
	const scored = PALETTES.map((named) => ({
		named,
		score: named.topics.filter((t) => words.has(t)).length * 2 + (named.moods.includes(o.mood) ? 1 : 0),
	}));
	const best = Math.max(...scored.map((s) => s.score));
	const tied = scored.filter((s) => s.score === best);
	return tied[hashOf(o.title) % tied.length]!.named;
};
