import {SUPPORTED_LANGUAGE_CODES} from './supported-languages';

export type LanguageDetection = {
	/** ISO 639-1 / BCP 47 primary tag of the detected language ("und" when unknown); may be one promptreel does not support. */
	language: string;
	/** Whether promptreel supports it (plans, voices, captions and sets it in type). */
	supported: boolean;
	/** 0..1: the detector's score for that language (0 when there was nothing to go on). */
	confidence: number;
	/** Whether the detection is trustworthy: the detector's own reliability threshold passed and no fallback was needed. Callers warn otherwise (LANGUAGE_UNCERTAIN). */
	reliable: boolean;
	/** How it was decided, for report.json. */
	reason: string;
};

/** The detector: `eld` (Efficient Language Detector, Apache-2.0; README in node_modules/eld), medium database. */
type Eld = {detect: (text: string) => {language: string; getScores: () => Record<string, number>; isReliable: () => boolean}};
let detector: Promise<Eld> | undefined;
// Loaded on first use: its n-gram tables take about a second and ~190 MB, which commands that
// never detect a language (render, --version, a server that only renders) should not pay.
const loadDetector = (): Promise<Eld> => (detector ??= import('eld/medium').then((m) => m.eld as Eld));

const SUPPORTED = new Set<string>(SUPPORTED_LANGUAGE_CODES);
const names = new Intl.DisplayNames(['en'], {type: 'language'});
/** "Russian (ru)". */
export const languageLabel = (code: string): string => `${code === 'und' ? 'an unknown language' : (names.of(code) ?? code)} (${code})`;

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

/** Writing systems no supported language uses: text mostly in one of them is refused however short. */
const FOREIGN_SCRIPTS = [
	'Cyrillic',
	'Greek',
	'Hangul',
	'Hebrew',
	'Thai',
	'Armenian',
	'Georgian',
	'Bengali',
	'Tamil',
	'Telugu',
	'Gujarati',
	'Gurmukhi',
	'Kannada',
	'Malayalam',
	'Oriya',
	'Ethiopic',
	'Lao',
	'Khmer',
	'Myanmar',
	'Sinhala',
] as const;
const FOREIGN_RE = Object.fromEntries(FOREIGN_SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'gu')]));

/** The shared scripts, and the eld languages that write each (eld knows 60; the others are ruled out by script). */
type SharedScript = 'Latin' | 'CJK' | 'Arabic' | 'Devanagari';
const NOT_LATIN = new Set([
	'am',
	'ar',
	'be',
	'bg',
	'bn',
	'el',
	'fa',
	'gu',
	'he',
	'hi',
	'hy',
	'ja',
	'ka',
	'kn',
	'ko',
	'ku',
	'lo',
	'ml',
	'mr',
	'or',
	'pa',
	'ru',
	'sr',
	'ta',
	'te',
	'th',
	'uk',
	'ur',
	'zh',
]);
const WRITES: Record<SharedScript, (code: string) => boolean> = {
	Latin: (c) => !NOT_LATIN.has(c),
	CJK: (c) => c === 'ja' || c === 'zh',
	Arabic: (c) => ['ar', 'fa', 'ur', 'ku'].includes(c),
	Devanagari: (c) => c === 'hi' || c === 'mr',
};
/** What a shared script falls back to when the detector has nothing: its supported language. */
const SCRIPT_DEFAULT: Record<SharedScript, string> = {Latin: 'en', CJK: 'zh', Arabic: 'ar', Devanagari: 'hi'};

/** Letters none of the supported Latin-script languages use (Polish, Turkish, Nordic, Czech, Hungarian, Baltic, Romanian, Vietnamese...). */
const FOREIGN_LATIN_LETTERS = /[ąćęłńśźżışğİåæøőűřěůňťďšžčýāēīūļķņģėųįșțăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;

/** Below this many words (CJK: characters / 2) the detector's word alone does not refuse a language. */
const MIN_WORDS_TO_REFUSE = 8;
/** A supported language scoring within this ratio of an unsupported winner is taken instead (Hindi/Marathi, Arabic/Persian). */
const CLOSE_RATIO = 0.97;
/** On short Latin text, English wins when it scores within this ratio of the winner ("Paris in spring" is not Dutch). */
const ENGLISH_PRIOR_RATIO = 0.92;

/**
 * Detects the language of a script with `eld` among its 60 languages, so a language promptreel
 * does not support is recognised as such and refused instead of being read by the English voice.
 * Around the detector, rules from the writing systems, because short topic prompts are where
 * n-gram detectors fail: a candidate must write the text's script ("Tokyo travel tips" is not
 * Japanese); kana means Japanese and Han without kana Chinese; text mostly in a script no
 * supported language uses (Cyrillic, Hangul, Greek...) is unsupported however short; on short
 * Latin text English wins when it scores close to the winner; and an unsupported winner is
 * refused only on enough text, letters it alone uses (ą, ş, å...) or no supported language
 * scoring at all, else the best supported candidate is taken as an unreliable detection (a
 * warning naming --lang).
 */
export const detectLanguage = async (text: string): Promise<LanguageDetection> => {
	const letters = count(text, /\p{L}/gu);
	if (letters === 0) return {language: 'en', supported: true, confidence: 0, reliable: false, reason: 'no letters: English assumed'};

	const eld = await loadDetector();
	const result = eld.detect(text);
	const allScores = result.getScores();
	const foreign = FOREIGN_SCRIPTS.map((s) => [s, count(text, FOREIGN_RE[s]!)] as const).sort((a, b) => b[1] - a[1])[0]!;
	if (foreign[1] > letters / 2) {
		const language = result.language !== '' && !SUPPORTED.has(result.language) ? result.language : 'und';
		return {
			language,
			supported: false,
			confidence: allScores[language] ?? 0,
			reliable: true,
			reason: `${foreign[1]} of ${letters} letters are ${foreign[0]}, a script no supported language uses (eld: ${result.language || 'nothing'})`,
		};
	}

	const kana = count(text, /[\p{Script=Hiragana}\p{Script=Katakana}]/gu);
	const han = count(text, /\p{Script=Han}/gu);
	const perScript: [SharedScript, number][] = [
		['Latin', count(text, /\p{Script=Latin}/gu)],
		// One CJK character carries about as much as a short Latin word.
		['CJK', (han + kana) * 3],
		['Arabic', count(text, /\p{Script=Arabic}/gu)],
		['Devanagari', count(text, /\p{Script=Devanagari}/gu)],
	];
	const script = perScript.sort((a, b) => b[1] - a[1])[0]![0];
	if (script === 'CJK') {
		const language = kana > 0 ? 'ja' : 'zh';
		const why = kana > 0 ? `${kana} kana among ${han} kanji` : `${han} Han characters and no kana`;
		return {
			language,
			supported: true,
			confidence: allScores[language] ?? 0,
			reliable: true,
			reason: `${why} (eld: ${result.language || 'nothing'})`,
		};
	}

	const ranked = Object.entries(allScores)
		.filter(([code]) => WRITES[script](code))
		.sort((a, b) => b[1] - a[1]);
	const summary =
		ranked
			.slice(0, 3)
			.map(([c, s]) => `${c} ${s.toFixed(2)}`)
			.join(', ') || 'no n-grams';
	const score = (code: string): number => allScores[code] ?? 0;
	const words = count(text, /[\p{L}\p{N}]+/gu);
	const short = words < MIN_WORDS_TO_REFUSE;
	const top = ranked[0]?.[0];
	const reliable = result.isReliable() && result.language === top;

	const preferEnglish = (pick: string): boolean =>
		script === 'Latin' && short && pick !== 'en' && top !== undefined && score('en') >= score(top) * ENGLISH_PRIOR_RATIO;
	if (top !== undefined && SUPPORTED.has(top)) {
		if (preferEnglish(top)) {
			return {
				language: 'en',
				supported: true,
				confidence: score('en'),
				reliable: false,
				reason: `short text; English scores close to ${top} (eld: ${summary})`,
			};
		}
		return {
			language: top,
			supported: true,
			confidence: score(top),
			reliable,
			reason: `eld: ${summary}${reliable ? '' : ' (below its reliability threshold)'}`,
		};
	}

	const bestSupported = ranked.find(([code]) => SUPPORTED.has(code));
	const ownLetters = script === 'Latin' && FOREIGN_LATIN_LETTERS.test(text);
	// On short text, refuse only with more evidence: letters only unsupported languages use, or no supported language scoring at all.
	const evidence = !short
		? ''
		: ownLetters
			? '; letters no supported language uses'
			: bestSupported === undefined
				? '; no supported language scores'
				: null;
	if (top !== undefined && reliable && evidence !== null && !(bestSupported && bestSupported[1] >= score(top) * CLOSE_RATIO)) {
		return {language: top, supported: false, confidence: score(top), reliable: true, reason: `eld: ${summary}${evidence}`};
	}
	const candidate = bestSupported?.[0] ?? SCRIPT_DEFAULT[script];
	const fallback = preferEnglish(candidate) ? 'en' : candidate;
	const why =
		top === undefined
			? 'eld found nothing to go on'
			: `eld's best guess, ${languageLabel(top)}, is unsupported but ${short ? 'the text is short' : 'not certain'}`;
	return {
		language: fallback,
		supported: true,
		confidence: score(fallback),
		reliable: false,
		reason: `${why}: ${languageLabel(fallback)} taken (eld: ${summary})`,
	};
};
