import type {Credit} from '../storyboard';

/** What the end card says about credits: one short line, the notices a provider requires, and where the rest is. */
export type EndCardCredits = {
	/** e.g. "Icons: Microsoft Corporation · Music: promptreel · Font: Rasmus Andersson"; null without credits. */
	line: string | null;
	/** Notices a provider requires to be shown (Pexels: "Photos and videos provided by Pexels"), verbatim. */
	required: string[];
	/** Where every credit is written in full, or null without credits. */
	more: string | null;
};

const LABELS: [Credit['kind'][], string][] = [
	[['image', 'video'], 'Photos'],
	[['icon'], 'Icons'],
	[['music'], 'Music'],
	[['voice'], 'Voice'],
	[['font'], 'Font'],
];
/** Names per kind before "+ n more": the line stays one line. */
const MAX_NAMES = 2;

/**
 * The end card's credits (issue #15: up to 10 lines of licence text filled short videos): who made
 * each kind of asset in one line, the notices a provider requires (a credit of kind "other", e.g.
 * Pexels's), and "Full credits in credits.json", the file every render writes next to the video.
 */
export const endCardCredits = (credits: readonly Credit[]): EndCardCredits => {
	if (credits.length === 0) return {line: null, required: [], more: null};
	const parts = LABELS.flatMap(([kinds, label]) => {
		const names = [...new Set(credits.filter((c) => kinds.includes(c.kind)).map((c) => c.author ?? c.source ?? c.title))];
		if (names.length === 0) return [];
		const shown = names.slice(0, MAX_NAMES).join(', ');
		return [`${label}: ${shown}${names.length > MAX_NAMES ? ` +${names.length - MAX_NAMES}` : ''}`];
	});
	const required = [...new Set(credits.filter((c) => c.kind === 'other').map((c) => c.title))];
	return {line: parts.length > 0 ? parts.join('\u00a0· ') : null, required, more: 'Full credits in credits.json'};
};
