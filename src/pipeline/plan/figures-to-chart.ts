import type {SceneData} from '../../compositions/storyboard';

/** A figure in running text: digits (any script) with an optional decimal part and a "%". */
const FIGURE = /(\p{Nd}{1,3}(?:[,.\u00a0\u202f]\p{Nd}{3})+|\p{Nd}+(?:[.,]\p{Nd}+)?)(\s?[%٪])?/gu;
const MAX_POINTS = 12;
const MAX_LABEL = 40;

/** Zeros of the decimal digit sets our languages write: ASCII, Arabic-Indic, Persian, Devanagari, full width. */
const DIGIT_ZEROS = [0x30, 0x660, 0x6f0, 0x966, 0xff10];

const asciiDigits = (raw: string): string =>
	raw.replace(/\p{Nd}/gu, (d) => {
		const code = d.codePointAt(0)!;
		const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9);
		return zero === undefined ? d : String(code - zero);
	});

/** "1,200" and "1 200" -> 1200; "3.5" and "3,5" -> 3.5 (a group of exactly three digits is thousands). */
const toNumber = (raw: string): number => {
	const text = asciiDigits(raw);
	if (/^\d{1,3}(?:[,.\u00a0\u202f]\d{3})+$/.test(text)) return Number(text.replace(/[,.\u00a0\u202f]/g, ''));
	return Number(text.replace(',', '.'));
};

/** The subject of a sentence: its first word with letters ("Coal made 40%..." -> "Coal"). */
const subjectOf = (sentence: string): string => (/[\p{L}\p{M}]+/u.exec(sentence)?.[0] ?? '').slice(0, MAX_LABEL);

/** A sentence; a point between digits (285.5) does not end one. */
const SENTENCE = /(?:[^.!?。！？।؟]|(?<=\p{Nd})\.(?=\p{Nd}))+[.!?。！？।؟]*/gu;

/**
 * The numbers a data-story scene charts, read from its narration: several figures become a bar
 * chart, one figure a counter. Each figure is labelled by its sentence's subject and the year that
 * follows it in the sentence ("Coal made 40% in 2010 and 20% in 2024" -> Coal 2010: 40, Coal 2024:
 * 20); a line chart when one subject runs through the years. Null when the text has no figure.
 */
export const figuresToChart = (text: string): SceneData | null => {
	const points: {label: string; value: number; percent: boolean}[] = [];
	for (const [sentence] of text.matchAll(SENTENCE)) {
		const subject = subjectOf(sentence);
		const figures = [...sentence.matchAll(FIGURE)].map((m) => {
			const value = toNumber(m[1]!);
			const percent = Boolean(m[2]);
			const year = !percent && Number.isInteger(value) && value >= 1800 && value <= 2100 && /^\p{Nd}{4}$/u.test(m[1]!);
			return {value, percent, year};
		});
		figures.forEach((f, i) => {
			if (f.year || !Number.isFinite(f.value)) return;
			const next = figures[i + 1];
			const year = next?.year ? next.value : null;
			points.push({label: [subject, year].filter((x) => x !== null && x !== '').join(' '), value: f.value, percent: f.percent});
		});
	}
	if (points.length === 0) return null;
	const shown = points.slice(0, MAX_POINTS);
	const unit = shown.every((p) => p.percent) ? '%' : null;
	const seen = new Map<string, number>();
	const labelled = shown.map((p) => {
		const n = (seen.get(p.label) ?? 0) + 1;
		seen.set(p.label, n);
		return {label: (n > 1 ? `${p.label} (${n})` : p.label).slice(0, MAX_LABEL), value: p.value};
	});
	if (labelled.length === 1) return {chart: 'counter', unit, points: labelled};
	const oneSubjectByYear =
		new Set(shown.map((p) => p.label.replace(/ \p{Nd}{4}$/u, ''))).size === 1 && shown.every((p) => / \p{Nd}{4}$/u.test(p.label));
	return {chart: oneSubjectByYear ? 'line' : 'bar', unit, points: labelled};
};
