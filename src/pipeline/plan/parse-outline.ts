/** An outline or list found in a prompt: an optional heading and two or more items. */
export type Outline = {heading: string | null; items: string[]};

const BULLET = /^\s*(?:[-*+•‣▪◦·–]|\(?\d{1,3}[.)])\s+(\S.*)$/u;
const HEADING_MARKS = /^\s*#{1,6}\s*|\s*[:：\-–—]\s*$/gu;

const cleanHeading = (lines: string[]): string | null => {
	const h = lines.join(' ').replace(HEADING_MARKS, '').trim();
	return h === '' ? null : h;
};

/** Lines starting with "-", "*", "•", "1." or "1)"; other lines before them form the heading. */
const parseLineList = (text: string): Outline | null => {
	const lines = text.split('\n');
	const heading: string[] = [];
	const items: string[] = [];
	for (const line of lines) {
		const m = BULLET.exec(line);
		if (m) items.push(m[1]!.trim());
		else if (line.trim() === '') continue;
		else if (items.length === 0) heading.push(line.trim());
		// A line after an item continues it (wrapped text or a sub-point).
		else items[items.length - 1] = `${items[items.length - 1]} ${line.trim().replace(BULLET, '$1')}`;
	}
	return items.length >= 2 ? {heading: cleanHeading(heading), items} : null;
};

/**
 * "3 tips for better sleep: 1. Keep a schedule. 2. Cut caffeine. 3. ..." on one line: markers
 * numbered 1, 2, 3... in order, each after a space or the start, followed by a space.
 */
const parseInlineList = (text: string): Outline | null => {
	const marker = /(^|[\s:;])(\d{1,2})[.)]\s+/g;
	const cuts: {number: number; at: number; textStart: number}[] = [];
	for (const m of text.matchAll(marker)) {
		const n = Number(m[2]);
		if (n === cuts.length + 1) cuts.push({number: n, at: m.index + m[1]!.length, textStart: m.index + m[0].length});
	}
	if (cuts.length < 2) return null;
	const items = cuts.map((c, i) => text.slice(c.textStart, cuts[i + 1]?.at ?? text.length).trim());
	if (items.some((item) => item === '')) return null;
	return {heading: cleanHeading([text.slice(0, cuts[0]!.at)]), items};
};

/** The prompt as an outline, or null when it is prose. */
export const parseOutline = (text: string): Outline | null => parseLineList(text) ?? parseInlineList(text);
