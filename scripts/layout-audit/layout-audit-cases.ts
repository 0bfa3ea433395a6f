import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {templates} from '../../src/compositions/registry';
import {storyboardSchema, type Scene, type Storyboard} from '../../src/compositions/storyboard';

export type LayoutAuditCase = {name: string; templateId: string; aspect: string; storyboard: Storyboard};

type Stress = {language: string; title: string; text: string; words: string[]};

// Long words and titles that wrap to two lines or more, in three scripts (Latin, CJK, Arabic RTL).
const STRESS: Record<string, Stress> = {
	'de-long': {
		language: 'de',
		title: 'Donaudampfschifffahrtsgesellschaft und Rechtsschutzversicherungen erklärt',
		text: 'Arbeitsunfähigkeitsbescheinigungen und Grundstücksverkehrsgenehmigungszuständigkeiten',
		words: [
			'Rechtsschutzversicherungsgesellschaften',
			'verlangen',
			'Arbeitsunfähigkeitsbescheinigungen',
			'vom',
			'Bundesverfassungsgericht.',
		],
	},
	'zh-cjk': {
		language: 'zh',
		title: '长江从青藏高原一路向东流入东海的漫长旅程',
		text: '沿途经过十一个省份和无数座历史悠久的城市',
		words: ['长江', '是', '中国', '最长的', '河流，', '全长', '六千三百', '公里。'],
	},
	'ar-rtl': {
		language: 'ar',
		title: 'نهر النيل أطول الأنهار في العالم ومصدر الحياة في مصر',
		text: 'يمر عبر إحدى عشرة دولة قبل أن يصب في البحر الأبيض المتوسط',
		words: ['يتدفق', 'نهر', 'النيل', 'شمالاً', 'عبر', 'الصحراء', 'الكبرى', 'نحو', 'البحر.'],
	},
};

/** A scene with the stress title and text, its caption words replaced (timings kept). */
const stressScene = (scene: Scene, s: Stress): Scene => ({
	...scene,
	title: scene.title === null ? null : s.title,
	text: scene.text === null ? null : s.text,
	captions: scene.captions.map((c, i) => ({...c, text: `${i > 0 && s.language !== 'zh' ? ' ' : ''}${s.words[i % s.words.length]}`})),
});

/** The storyboard at 720p (sizes follow the frame: the layout is the same at any resolution). */
const at720 = (sb: Storyboard): Storyboard => ({...sb, format: {...sb.format, resolution: '720p'}});

/**
 * What the layout audit looks at: every template's samples at 16:9, 9:16 and 1:1, and for the
 * templates named in `stressTemplates` the same samples with long German words and titles, Chinese
 * and Arabic (right to left).
 */
export const layoutAuditCases = (o: {templateIds?: readonly string[]; stressTemplates?: readonly string[]} = {}): LayoutAuditCase[] => {
	const cases: LayoutAuditCase[] = [];
	for (const template of templates) {
		if (o.templateIds && !o.templateIds.includes(template.id)) continue;
		for (const sample of Object.values(template.samples)) {
			const sb = storyboardSchema.parse(sample);
			const aspect = sb.format.aspect;
			cases.push({name: `${template.id} ${aspect} sample`, templateId: template.id, aspect, storyboard: at720(sb)});
			if (!o.stressTemplates?.includes(template.id)) continue;
			for (const [name, s] of Object.entries(STRESS))
				cases.push({
					name: `${template.id} ${aspect} ${name}`,
					templateId: template.id,
					aspect,
					storyboard: at720({...sb, language: s.language, scenes: sb.scenes.map((scene) => stressScene(scene, s))}),
				});
		}
	}
	return cases;
};

const PLANNED = join(import.meta.dirname, '../../test/fixtures/layout');

/**
 * Storyboards the offline planner made from prompts of the panel (bench/panel/prompts.json: outlines
 * as listicles, scripts as explainers with key phrases; music left out), as the audit's cases.
 */
export const plannedLayoutCases = (names?: readonly string[]): LayoutAuditCase[] =>
	readdirSync(PLANNED)
		.filter((f) => f.endsWith('.json') && (!names || names.includes(f.replace(/\.json$/, ''))))
		.sort()
		.map((f) => {
			const sb = storyboardSchema.parse(JSON.parse(readFileSync(join(PLANNED, f), 'utf8')));
			return {
				name: `${sb.template} ${sb.format.aspect} planned ${f.replace(/\.json$/, '')}`,
				templateId: sb.template,
				aspect: sb.format.aspect,
				storyboard: at720(sb),
			};
		});
