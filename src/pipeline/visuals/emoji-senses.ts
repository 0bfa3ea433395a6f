import type {EmojiLanguage} from './emoji-text-keys';

/**
 * Word sense, as data. CLDR and emojilib list every sense of a word ("press" is a newspaper,
 * "strip" a film, "bed" a bed); which one a text means shows in the words around it. Each rule
 * says: this word evokes this emoji only when one of these other words is in the text (the scene
 * or the video's topic). Words are written plainly; they are stemmed like the text.
 */
export type SenseRule = {word: string; emoji: string; onlyWith: readonly string[]};

export const SENSE_RULES: Partial<Record<EmojiLanguage, readonly SenseRule[]>> = {
	en: [
		{word: 'press', emoji: '📰', onlyWith: ['news', 'newspaper', 'journalist', 'headline', 'print', 'media', 'reporter']},
		{word: 'strip', emoji: '🎞', onlyWith: ['film', 'movie', 'cinema', 'camera', 'photo', 'photograph']},
		{word: 'bed', emoji: '🛏', onlyWith: ['sleep', 'night', 'hotel', 'bedroom', 'pillow', 'nap', 'tired', 'mattress', 'rest']},
		{word: 'bed', emoji: '🛌', onlyWith: ['sleep', 'night', 'hotel', 'bedroom', 'pillow', 'nap', 'tired', 'mattress', 'rest']},
		{word: 'unlock', emoji: '🔓', onlyWith: ['door', 'key', 'password', 'safe', 'lock', 'phone', 'security']},
		{word: 'unlocked', emoji: '🔓', onlyWith: ['door', 'key', 'password', 'safe', 'lock', 'phone', 'security']},
	],
	it: [{word: 'squadra', emoji: '📐', onlyWith: ['disegno', 'geometria', 'righello', 'angolo', 'matita']}],
	pt: [{word: 'torrada', emoji: '🍞', onlyWith: ['pão', 'manteiga', 'geleia', 'torradeira']}],
};

/**
 * Terms that CLDR lacks for a picture most people expect, per language: [term, emoji]. Kept
 * short on purpose; the picture table in the tests says whether each one earns its place.
 */
export const EXTRA_TERMS: Partial<Record<EmojiLanguage, readonly (readonly [string, string])[]>> = {
	en: [
		['French press', '☕'],
		['raised bed', '🌱'],
		['garden bed', '🌱'],
		['flower bed', '🌷'],
	],
	// "It rains" and "it snows" are verbs in these languages; CLDR lists only the nouns.
	de: [
		['regnet', '🌧'],
		['schneit', '🌨'],
	],
	fr: [
		['pleut', '🌧'],
		['neige', '🌨'],
	],
	es: [
		['llueve', '🌧'],
		['nieva', '🌨'],
		['olivo', '🫒'],
	],
	pt: [
		['chove', '🌧'],
		['neva', '🌨'],
		['comboio', '🚆'],
		['oliveira', '🫒'],
	],
	it: [
		['piove', '🌧'],
		['nevica', '🌨'],
		['ulivo', '🫒'],
	],
	hi: [
		['धान', '🌾'],
		['फसल', '🌾'],
	],
};
