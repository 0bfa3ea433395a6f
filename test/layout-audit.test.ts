import {describe, expect, it} from 'vitest';
import {layoutAuditCases, plannedLayoutCases} from '../scripts/layout-audit/layout-audit-cases';
import {layoutOverlaps} from '../scripts/layout-audit/layout-overlaps';
import {runLayoutAudit} from '../scripts/layout-audit/run-layout-audit';

// The layout audit (scripts/layout-audit.ts; issue #15: nothing covers anything) in headless
// Chromium: storyboards the offline planner made from panel prompts (a list at 1:1 and 9:16,
// explainers with key phrases at all three aspects) and long German words in the list and the
// explainer at 1:1, every 4th frame: no title, caption, key phrase or list number covers another
// or a picture. The full table (every template's samples, German, Chinese and Arabic) is
// `npm run layout-audit`.

describe('layout overlaps', () => {
	it('counts text over text and text over a picture, not pictures over each other nor a touch', () => {
		const title = {role: 'title', x: 0, y: 0, w: 100, h: 40};
		const caption = {role: 'caption', x: 10, y: 30, w: 80, h: 30};
		const picture = {role: 'picture', x: 0, y: 50, w: 100, h: 100};
		const picture2 = {role: 'picture', x: 20, y: 60, w: 100, h: 100};
		const touching = {role: 'key-phrase', x: 0, y: 159, w: 50, h: 20};
		const hits = layoutOverlaps([title, caption, picture, picture2, touching], 2);
		expect(hits.map((h) => [h.a.role, h.b.role])).toEqual([
			['title', 'caption'],
			['caption', 'picture'],
		]);
		expect(hits[0]).toMatchObject({w: 80, h: 10});
	});
});

describe('layout audit', () => {
	it('finds no overlapping boxes in planned storyboards and long German titles and captions', async () => {
		const cases = [
			...plannedLayoutCases(),
			...layoutAuditCases({templateIds: ['listicle', 'explainer'], stressTemplates: ['listicle', 'explainer']}).filter(
				(c) => c.aspect === '1:1' && c.name.endsWith('de-long'),
			),
		];
		const started = performance.now();
		const rows = await runLayoutAudit({cases, step: 4});
		process.stdout.write(`[layout-audit] ${rows.length} cases in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
		expect(rows.map((r) => r.name)).toEqual(cases.map((c) => c.name));
		for (const row of rows) {
			// The audit saw what it compares: captions, titles and pictures on the frames it checked.
			expect(row.framesChecked, row.name).toBeGreaterThan(5);
			expect(row.roles.caption ?? 0, row.name).toBeGreaterThan(0);
			expect(row.roles.title ?? 0, row.name).toBeGreaterThan(0);
			// (The explainer's photos and clips fill the frame under the title's band: not a framed picture.)
			if (row.name.includes('planned')) expect(row.roles.picture ?? 0, row.name).toBeGreaterThan(0);
			expect({name: row.name, pairs: row.pairs}).toEqual({name: row.name, pairs: {}});
		}
		expect(rows.filter((r) => r.templateId === 'explainer').some((r) => (r.roles['key-phrase'] ?? 0) > 0)).toBe(true);
		expect(rows.filter((r) => r.templateId === 'listicle').every((r) => (r.roles.badge ?? 0) > 0)).toBe(true);
	});
});
