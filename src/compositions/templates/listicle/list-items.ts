import type {Scene} from '../../storyboard';
import type {ListicleOptions} from './listicle-schema';

export type ListPosition = {
	/** The scene's item number, or null for an intro/outro scene. */
	number: number | null;
	/** Place of the item among the scenes that have a number (0-based), or of the last item before it. */
	order: number;
	/** How many scenes have an item number. */
	count: number;
};

/** Where each scene stands in the list: its number, its place among the items and their count. */
export const listPositions = (scenes: Pick<Scene, 'itemNumber'>[]): ListPosition[] => {
	const count = scenes.filter((s) => s.itemNumber !== null).length;
	let seen = -1;
	return scenes.map((s) => {
		if (s.itemNumber !== null) seen += 1;
		return {number: s.itemNumber, order: Math.max(0, seen), count};
	});
};

/** An item number as the options write it, in the language's digits (Arabic-Indic in Arabic). */
export const formatItemNumber = (n: number, style: ListicleOptions['numberStyle'], language: string): string => {
	const digits = new Intl.NumberFormat(language, {minimumIntegerDigits: style === 'padded' ? 2 : 1, useGrouping: false}).format(n);
	return style === 'hash' ? `#${digits}` : digits;
};
