const SMALL_WORDS = new Set('a an and as at but by for in nor of on or per the to vs via with from into over'.split(' '));

/**
 * Title Case for English ("3 Tips for Better Sleep"); other languages get only their first letter
 * raised, as their own conventions want. Words already holding capitals (NASA, iPhone) are kept.
 */
export const titleCase = (text: string, language: string): string => {
	if (!/^en\b/i.test(language)) return upperFirst(text, language);
	const words = text.split(/(\s+)/);
	const idx = words.map((w, i) => (/\S/.test(w) ? i : -1)).filter((i) => i >= 0);
	const first = idx[0];
	const last = idx[idx.length - 1];
	return words
		.map((w, i) => {
			if (!/\S/.test(w)) return w;
			if (/[A-Z]/.test(w.slice(1)) || /^[A-Z]{2,}/.test(w)) return w;
			const lower = w.toLowerCase();
			if (i !== first && i !== last && SMALL_WORDS.has(lower)) return lower;
			return w.replace(/\p{L}/u, (c) => c.toUpperCase());
		})
		.join('');
};

export const upperFirst = (text: string, language: string): string => text.replace(/\p{L}/u, (c) => c.toLocaleUpperCase(language));
