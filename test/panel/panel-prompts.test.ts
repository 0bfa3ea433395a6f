import {existsSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ASPECTS} from '../../src/compositions/storyboard';
import {detectLanguage, SUPPORTED_LANGUAGE_CODES} from '../../src/pipeline/language';
import {splitSentences} from '../../src/pipeline/plan';
import {readPanelPrompts, selectPanelVideos, type PanelPrompt} from '../../scripts/panel/panel-prompts';

const root = resolve(__dirname, '../..');
const prompts = await readPanelPrompts(join(root, 'bench/panel/prompts.json'));
const prose = prompts.filter((p) => p.kind === 'prose');

describe('the panel of bench/panel/prompts.json', () => {
	it('has every supported language at every aspect', () => {
		const pairs = prose.map((p) => `${p.lang} ${p.aspect}`).sort();
		expect(pairs).toEqual(SUPPORTED_LANGUAGE_CODES.flatMap((lang) => ASPECTS.map((aspect) => `${lang} ${aspect}`)).sort());
	});

	it.each(prose.map((p) => [p.id, p] as const))('%s is 2-4 sentences in the language it claims', async (_id, p) => {
		expect(splitSentences(p.prompt, p.lang).length).toBeGreaterThanOrEqual(2);
		expect(splitSentences(p.prompt, p.lang).length).toBeLessThanOrEqual(4);
		expect((await detectLanguage(p.prompt)).language).toBe(p.lang);
	});

	it('has outlines and --media cases whose files exist in the repository', () => {
		expect(prompts.filter((p) => p.kind === 'outline').length).toBeGreaterThanOrEqual(2);
		const media = prompts.filter((p) => p.kind === 'media');
		expect(media.length).toBeGreaterThanOrEqual(2);
		for (const file of media.flatMap((p) => p.media)) expect(existsSync(join(root, file)), file).toBe(true);
	});
});

const prompt = (id: string, lang: string, kind: PanelPrompt['kind'] = 'prose'): PanelPrompt => ({
	id,
	lang,
	kind,
	aspect: '16:9',
	prompt: 'x',
	media: [],
});
const some = [
	prompt('en-coffee', 'en'),
	prompt('ja-fuji', 'ja'),
	prompt('outline-en-sleep', 'en', 'outline'),
	prompt('media-x', 'en', 'media'),
];

describe('selectPanelVideos', () => {
	it.each([
		[null, ['en-coffee', 'ja-fuji', 'outline-en-sleep', 'media-x']],
		['ja', ['ja-fuji']],
		['en', ['en-coffee', 'outline-en-sleep', 'media-x']],
		['en-*', ['en-coffee']],
		['outline,media', ['outline-en-sleep', 'media-x']],
		['*-fuji, en-coffee', ['en-coffee', 'ja-fuji']],
		['nothing', []],
	])('--only %s keeps %j', (only, ids) => {
		expect(selectPanelVideos(some, {only}).map((v) => v.id)).toEqual(ids);
	});

	it('renders each prompt at its own aspect, or at every aspect of --aspects', () => {
		expect(selectPanelVideos(some, {only: 'ja'}).map((v) => v.name)).toEqual(['ja-fuji-16x9']);
		expect(selectPanelVideos(some, {only: 'ja', aspects: ['9:16', '1:1']}).map((v) => [v.name, v.aspect])).toEqual([
			['ja-fuji-9x16', '9:16'],
			['ja-fuji-1x1', '1:1'],
		]);
	});
});
