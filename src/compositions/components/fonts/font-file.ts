/** One bundled font file: a subset of a family for a weight range. */
export type FontFile = {
	/** Asset URL (webpack turns the import of a .woff2 file into one). */
	url: string;
	/** CSS font-weight descriptor: "500" or a range such as "600 1000". */
	weight: string;
	/** CSS unicode-range of the characters in the file. */
	unicodeRange: string;
};

type Range = [number, number];
const parsed = new Map<string, Range[]>();

/** "U+0000-00FF,U+0131" -> [[0, 255], [305, 305]] (memoised: manifests repeat their ranges). */
export const parseUnicodeRange = (range: string): Range[] => {
	let ranges = parsed.get(range);
	if (!ranges) {
		ranges = range.split(',').map((part): Range => {
			const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
			const a = Number.parseInt(from ?? '0', 16);
			return [a, to === undefined ? a : Number.parseInt(to, 16)];
		});
		parsed.set(range, ranges);
	}
	return ranges;
};

/** Whether a file's unicode-range contains any of the code points. */
export const coversAny = (file: FontFile, codePoints: ReadonlySet<number>): boolean => {
	const ranges = parseUnicodeRange(file.unicodeRange);
	for (const cp of codePoints) {
		for (const [a, b] of ranges) if (cp >= a && cp <= b) return true;
	}
	return false;
};
