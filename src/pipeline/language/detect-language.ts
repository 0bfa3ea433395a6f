import {SUPPORTED_LANGUAGE_CODES} from './supported-languages';

export type LanguageDetection = {
	/** BCP 47 primary tag of a supported language. */
	language: string;
	/** 0..1: how sure the guess is (script evidence is strong, stop words weaker). */
	confidence: number;
	/** How it was decided, for report.json. */
	reason: string;
};

const SCRIPTS = {
	kana: /[\p{Script=Hiragana}\p{Script=Katakana}]/gu,
	han: /\p{Script=Han}/gu,
	arabic: /\p{Script=Arabic}/gu,
	devanagari: /\p{Script=Devanagari}/gu,
	latin: /\p{Script=Latin}/gu,
};

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

// Frequent function words that are (mostly) specific to one language.
const STOP_WORDS: Record<string, string> = {
	en: 'the and of to is in that it for with as was on are by this be from or have an they which you were their has its not but what when your can how we more will there these into about',
	es: 'el la los las de que y en un una es por con para como más pero sus al lo se del le ya este esta son cuando muy sin sobre también hay donde porque desde todo nos entre',
	de: 'der die das und ist nicht ein eine zu den mit sich des auf für im dem von auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch wenn kann',
	fr: 'le la les de des et est un une du en que qui dans pour pas sur au avec ce il elle sont ne se plus par son sa ses aux ou mais comme nous vous leur cette été être fait',
	pt: 'o a os as de do da dos das e é um uma que em no na para com não por mais se como mas ao ele ela são foi isso seu sua ou quando muito já também pelo pela nos às até isso',
	it: 'il lo la gli le di del della dei che e è un una per non in con sono si da al alla ma come più anche questo questa nel nella ci ha essere tra fra quando molto',
};
const STOP_SETS = Object.fromEntries(Object.entries(STOP_WORDS).map(([k, v]) => [k, new Set(v.split(' '))]));

// Letters that only some Latin-script languages use.
const LETTER_HINTS: [RegExp, string, number][] = [
	[/[ñ¿¡]/giu, 'es', 2],
	[/[ß]/giu, 'de', 3],
	[/[äöü]/giu, 'de', 1],
	[/[ãõ]/giu, 'pt', 3],
	[/ç/giu, 'pt', 0.5],
	[/ç/giu, 'fr', 0.5],
	[/[èêëœâîôû]/giu, 'fr', 1],
	[/[ìò]/giu, 'it', 1.5],
];

const latinGuess = (text: string): LanguageDetection => {
	const scores: Record<string, number> = Object.fromEntries(Object.keys(STOP_WORDS).map((k) => [k, 0]));
	const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
	for (const w of words) for (const [code, set] of Object.entries(STOP_SETS)) if (set.has(w)) scores[code]! += 1;
	for (const [re, code, weight] of LETTER_HINTS) scores[code]! += count(text, re) * weight;
	const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1]);
	const [best, second] = ranked;
	if (!best || best[1] === 0) return {language: 'en', confidence: 0.2, reason: 'Latin script without known function words: English assumed'};
	const margin = (best[1] - (second?.[1] ?? 0)) / best[1];
	return {
		language: best[0],
		confidence: Math.min(0.95, 0.4 + 0.5 * margin + Math.min(0.1, best[1] / 100)),
		reason: `Latin script; function words and letters score ${ranked.slice(0, 3).map(([c, s]) => `${c} ${Math.round(s * 10) / 10}`).join(', ')}`,
	};
};

/**
 * Guesses the language of a script among the supported ones: by writing system first (kana means
 * Japanese even among kanji; Han alone means Chinese; Arabic; Devanagari), then, for Latin
 * script, by frequent function words and accented letters. Mixed scripts go by the majority of
 * letters, with kana counting for Japanese wherever it appears.
 */
export const detectLanguage = (text: string): LanguageDetection => {
	const n = {
		kana: count(text, SCRIPTS.kana),
		han: count(text, SCRIPTS.han),
		arabic: count(text, SCRIPTS.arabic),
		devanagari: count(text, SCRIPTS.devanagari),
		latin: count(text, SCRIPTS.latin),
	};
	const total = n.kana + n.han + n.arabic + n.devanagari + n.latin;
	if (total === 0) return {language: 'en', confidence: 0.1, reason: 'no letters: English assumed'};
	// One CJK character carries about as much as a 3-letter Latin word.
	const cjk = (n.kana + n.han) * 3;
	const weights: [string, number][] = [
		[n.kana > 0 ? 'ja' : 'zh', cjk],
		['ar', n.arabic],
		['hi', n.devanagari],
		['latin', n.latin],
	];
	weights.sort((a, b) => b[1] - a[1]);
	const [top] = weights;
	const share = (top?.[1] ?? 0) / (cjk + n.arabic + n.devanagari + n.latin);
	if (top && top[0] !== 'latin') {
		const why =
			top[0] === 'ja' ? `${n.kana} kana and ${n.han} kanji` : top[0] === 'zh' ? `${n.han} Han characters, no kana` : top[0] === 'ar' ? `${n.arabic} Arabic letters` : `${n.devanagari} Devanagari letters`;
		return {language: top[0], confidence: Math.min(0.99, 0.5 + 0.5 * share), reason: `${why} (${Math.round(share * 100)}% of the letters)`};
	}
	const latin = latinGuess(text);
	return {...latin, confidence: latin.confidence * share};
};

