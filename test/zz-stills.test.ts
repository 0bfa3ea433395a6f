import {relative} from 'node:path';
import {it} from 'vitest';
import {computeTimeline, storyboardSchema, type Storyboard} from '../src/compositions/storyboard';
import {planVideo} from '../src/pipeline/generate';
import {planShots} from '../src/pipeline/generate/plan-shots';
import {LANGUAGE_SAMPLES} from '../src/pipeline/language';
import {createLocalRenderer} from '../src/pipeline/render';
import {illustrateScenes, pickProceduralStyles} from '../src/pipeline/visuals';
import {posterStoryboard} from '../src/pipeline/output/poster-storyboard';
import {TEST_DATA_DIR} from './support/test-env';

const out = '/tmp/stills';
const renderer = createLocalRenderer({cacheDir: TEST_DATA_DIR});
const build = async (lang: string, aspect: '16:9' | '9:16', template: string): Promise<Storyboard> => {
	const s = LANGUAGE_SAMPLES[lang]!;
	const {storyboard} = await planVideo({prompt: `${s} ${s}`, options: {lang, aspect, template, seed: 4}});
	const icons = await illustrateScenes({scenes: storyboard.scenes.map((sc) => ({keywords: [], text: `${sc.title ?? ''} ${sc.narration.text}`})), language: lang, title: storyboard.title, seed: 4, dir: `${out}/media`});
	const styles = pickProceduralStyles({count: storyboard.scenes.length, seed: 4});
	const scenes = storyboard.scenes.map((sc, i) => {
		const [main, ...more] = icons[i]!.icons;
		const visual = {kind: 'procedural' as const, style: styles[i]!, icon: relative(out, main!.file), extraIcons: more.map((m) => relative(out, m.file))};
		return {...sc, visual, shots: planShots({captions: sc.captions, durationMs: sc.durationMs, visual, language: lang, seed: 4 + i})};
	});
	return storyboardSchema.parse({...storyboard, format: {...storyboard.format, resolution: '360p'}, scenes, music: null, credits: storyboard.credits});
};
it('stills', async () => {
	const jobs: [string, '16:9' | '9:16', string][] = [
		['en', '16:9', 'explainer'], ['en', '9:16', 'explainer'], ['ar', '16:9', 'explainer'], ['ar', '9:16', 'explainer'], ['ja', '16:9', 'explainer'], ['ja', '9:16', 'explainer'],
		['en', '16:9', 'listicle'], ['ja', '9:16', 'listicle'], ['en', '16:9', 'headline'], ['ar', '9:16', 'headline'],
	];
	for (const [lang, aspect, template] of jobs) {
		const sb = await build(lang, aspect, template);
		const t = computeTimeline(sb);
		const sc = sb.scenes[0]!;
		console.log(lang, aspect, template, sb.title, sc.title, JSON.stringify(sc.visual), JSON.stringify(sc.shots));
		const shot = sc.shots.find((x) => x.keyPhrase) ?? sc.shots[0];
		const frame = Math.round(((shot?.startMs ?? 1500) + 700) / 1000 * 30);
		const name = `${template}-${lang}-${aspect.replace(':', 'x')}`;
		await renderer.renderPoster({storyboard: sb, mediaDir: out, outFile: `${out}/${name}.png`, quality: 'draft', frame});
		if (template === 'explainer' && lang !== 'ja') {
			await renderer.renderPoster({storyboard: sb, mediaDir: out, outFile: `${out}/${name}-end.png`, quality: 'draft', frame: t.durationInFrames - 40});
			await renderer.renderPoster({storyboard: posterStoryboard(sb), mediaDir: out, outFile: `${out}/${name}-poster.png`, quality: 'draft'});
		}
	}
	await renderer.close();
}, 900000);
