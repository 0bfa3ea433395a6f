import {describe, expect, it} from 'vitest';
import {loadEmojiSet} from './emoji-set';
import {readPictureTable, scorePictureTable} from './picture-table';

const frozen = readPictureTable(new URL('./picture-table.frozen.json', import.meta.url));
const tuning = readPictureTable(new URL('./picture-table.tuning.json', import.meta.url));

const report = (half: string, s: ReturnType<typeof scorePictureTable>) => {
	const misses = s.results
		.filter((r) => !r.onTopic)
		.map((r) => `  ${r.row.language} ${r.pick.emoji} (${r.pick.reason}, ${r.pick.confidence}) for "${r.row.text}"`);
	console.log(
		`picture table, ${half} half: ${s.rows} rows, on-topic ${(s.onTopic * 100).toFixed(1)}%, neutral ${(s.neutral * 100).toFixed(1)}%, weak ${(s.weak * 100).toFixed(1)}%\n${misses.join('\n')}`,
	);
};

describe('the labelled picture table', () => {
	it('has at least 150 rows across the 10 languages, every accepted picture drawable', () => {
		const rows = [...frozen, ...tuning];
		expect(rows.length).toBeGreaterThanOrEqual(150);
		expect(new Set(rows.map((r) => r.language))).toEqual(new Set(['en', 'es', 'de', 'fr', 'pt', 'it', 'ja', 'zh', 'ar', 'hi']));
		const set = loadEmojiSet();
		for (const r of rows) for (const e of r.accept) expect(set.nameOf(e), `${e} in "${r.text}"`).toBeDefined();
	});

	// Floors measured honestly (frozen half: 80.0% on-topic, 3.75% neutral when first set; 83.8%,
	// 3.75%, weak 18.8% after the general fixes of modifier words, particles and sense support);
	// the frozen half was written and committed before any tuning and is never tuned against.
	it('frozen (held-out) half: on-topic and neutral rates', () => {
		const s = scorePictureTable(frozen);
		report('frozen', s);
		expect(s.onTopic).toBeGreaterThanOrEqual(0.86);
		expect(s.neutral).toBeLessThanOrEqual(0.05);
		expect(s.weak).toBeLessThanOrEqual(0.2);
	});

	it('tuning half: on-topic and neutral rates', () => {
		const s = scorePictureTable(tuning);
		report('tuning', s);
		expect(s.onTopic).toBeGreaterThanOrEqual(0.9);
		expect(s.neutral).toBeLessThanOrEqual(0.02);
		expect(s.weak).toBeLessThanOrEqual(0.15);
	});
});
