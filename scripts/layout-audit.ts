// `npm run layout-audit [template ...]`: counts, per template and aspect, the frames where a title,
// caption, key phrase or list number covers another one or a picture (issue #15, "nothing covers
// anything"). Checks every 3rd frame of every template's samples, plus long German, Chinese and
// Arabic stress storyboards of the templates that draw scene titles over pictures.
import {layoutAuditCases, plannedLayoutCases} from './layout-audit/layout-audit-cases';
import {runLayoutAudit} from './layout-audit/run-layout-audit';

const only = process.argv.slice(2);
const templateIds = only.length > 0 ? only : undefined;
const cases = [
	...plannedLayoutCases().filter((c) => !templateIds || templateIds.includes(c.templateId)),
	...layoutAuditCases({templateIds, stressTemplates: ['explainer', 'listicle']}),
];
const started = performance.now();
console.log('| case | frames checked | boxes seen (role: count) | overlapping pairs | pairs (roles: first frames) |');
console.log('|---|---:|---|---:|---|');
const rows = await runLayoutAudit({
	cases,
	step: 3,
	onRow: (row) => {
		const pairs = Object.entries(row.pairs)
			.map(([k, frames]) => `${k}: ${frames.slice(0, 4).join(',')}${frames.length > 4 ? '…' : ''}`)
			.join('; ');
		const roles = Object.entries(row.roles)
			.map(([role, n]) => `${role} ${n}`)
			.join(', ');
		console.log(`| ${row.name} | ${row.framesChecked} | ${roles} | ${row.overlaps} | ${pairs} |`);
	},
});
const total = rows.reduce((n, r) => n + r.overlaps, 0);
console.log(`\n${rows.length} cases, ${total} overlapping pairs, ${((performance.now() - started) / 1000).toFixed(1)} s`);
