import type {MusicMood} from './planned-storyboard';
import {termKey} from './document-stats';
import {wordTokens} from './text-tokens';

const SERIOUS = new Set(
	`war death die dying disease cancer crisis climate disaster risk danger dangerous history tragedy victim
	poverty hunger grief loss violence crime law justice security attack earthquake flood pandemic virus
	warning threat emergency collapse extinction pollution debt recession conflict refugee safety`.split(/\s+/),
);
const UPBEAT = new Set(
	`tip trick hack fun easy quick best amazing awesome love happy great exciting cool win success recipe
	party game travel adventure summer holiday celebrate favorite favourite delicious simple boost energy
	workout dance music friend smile joy`.split(/\s+/),
);

/** The music mood of a script, from a few English cue words; anything else is calm. */
export const pickMusicMood = (text: string, language: string): MusicMood => {
	if (!/^en\b/i.test(language)) return 'calm';
	let serious = 0;
	let upbeat = 0;
	for (const t of wordTokens(text, language)) {
		const key = termKey(t.lower, language);
		if (SERIOUS.has(key) || SERIOUS.has(t.lower)) serious++;
		if (UPBEAT.has(key) || UPBEAT.has(t.lower)) upbeat++;
	}
	if (serious === 0 && upbeat === 0) return 'calm';
	return serious >= upbeat ? 'serious' : 'upbeat';
};
