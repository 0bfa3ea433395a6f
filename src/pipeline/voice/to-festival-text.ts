const REPLACEMENTS: Record<string, string> = {
	'\u2018': "'",
	'\u2019': "'",
	'\u201a': "'",
	'\u201b': "'",
	'\u2032': "'",
	'\u00b4': "'",
	'`': "'",
	'\u201c': '"',
	'\u201d': '"',
	'\u201e': '"',
	'\u201f': '"',
	'\u2033': '"',
	'\u00ab': '"',
	'\u00bb': '"',
	'\u2010': '-',
	'\u2011': '-',
	'\u2012': '-',
	'\u2013': '-',
	'\u2014': ' - ',
	'\u2015': ' - ',
	'\u2212': '-',
	'\u2026': '...',
	'\u00a0': ' ',
	'\u202f': ' ',
	'\u2009': ' ',
	'\u00df': 'ss',
	'\u00e6': 'ae',
	'\u00c6': 'AE',
	'\u0153': 'oe',
	'\u0152': 'OE',
	'\u00f8': 'o',
	'\u00d8': 'O',
	'\u0142': 'l',
	'\u0141': 'L',
	'\u00f0': 'd',
	'\u00d0': 'D',
	'\u00fe': 'th',
	'\u00de': 'Th',
	'\u0131': 'i',
	'\u00a9': '(c)',
	'\u00ae': '(r)',
	'\u2122': 'TM',
	'\u20ac': 'euros',
	'\u00a3': 'pounds',
	'\u00b0': ' degrees',
	'\u00bd': ' and a half',
	'\u00bc': ' and a quarter',
	'\u00d7': ' x ',
};

/**
 * Text an English Festival voice can read: Festival reads bytes as Latin-1 and its English
 * lexicon spells accented letters out or drops them, so fold to plain ASCII (smart quotes to
 * plain quotes, dashes to hyphens, "café" to "cafe") and drop what has no ASCII form (emoji).
 */
export const toFestivalText = (text: string): string => {
	let out = '';
	for (const ch of text.normalize('NFC')) {
		const mapped = REPLACEMENTS[ch];
		if (mapped !== undefined) {
			out += mapped;
			continue;
		}
		const folded = ch.normalize('NFKD').replace(/\p{M}/gu, '');
		for (const c of folded) {
			const code = c.codePointAt(0) ?? 0;
			if (code >= 0x20 && code < 0x7f) out += c;
			else if (/\s/u.test(c)) out += ' ';
		}
	}
	return out.replace(/\s+/gu, ' ').trim();
};

/** A Scheme string literal: `"` and `\` escaped, as Festival's reader expects. */
export const toSchemeString = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
