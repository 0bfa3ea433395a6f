import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {z} from 'zod';
import {frameSize} from './dimensions';
import {migrateStoryboard, storyboardSchema} from './migrate-storyboard';
import {ASPECTS, RESOLUTIONS, storyboardV2Schema} from './storyboard-schema';
import {themePalette} from './theme-palette';

const minimal = {
	title: 'Minimal',
	scenes: [{id: 'one', narration: {text: 'Hello'}, visual: {kind: 'procedural'}, durationMs: 3000}],
};

const withScene = (patch: Record<string, unknown>) => ({...minimal, scenes: [{...minimal.scenes[0], ...patch}]});
const pathsOf = (input: unknown): string[] => {
	const result = storyboardSchema.safeParse(input);
	expect(result.success).toBe(false);
	return result.error!.issues.flatMap((i) =>
		i.code === 'unrecognized_keys' ? i.keys.map((k) => [...i.path, k].join('.')) : [i.path.join('.')],
	);
};

const v1File = JSON.parse(readFileSync(join(__dirname, '../../../test/fixtures/storyboard-v1.json'), 'utf8')) as Record<string, unknown>;

describe('storyboardSchema (version 2)', () => {
	it('fills defaults for a minimal storyboard', () => {
		const sb = storyboardSchema.parse(minimal);
		expect(sb.version).toBe(2);
		expect(sb.format).toEqual({aspect: '16:9', resolution: '1080p', fps: 30});
		expect(sb.template).toBe('explainer');
		expect(sb.templateOptions).toEqual({});
		expect(sb.language).toBe('en');
		expect(sb.theme).toMatchObject({fontFile: null, logo: null, brandColors: null});
		const scene = sb.scenes[0]!;
		expect(scene.transition.type).toBe('fade');
		expect(scene.narration).toMatchObject({voicedText: null, voice: null, audio: null});
		expect(scene).toMatchObject({durationSource: 'user', shots: [], data: null, itemNumber: null});
		expect(scene.visual).toEqual({kind: 'procedural', style: 'orbs', icon: null, extraIcons: []});
		expect(sb.music).toBeNull();
		expect(sb.endCard.enabled).toBe(true);
	});

	it('reads its own output again unchanged (what a render writes back is valid input)', () => {
		const once = storyboardSchema.parse({...minimal, captionStyle: {preset: 'plain'}});
		expect(storyboardSchema.parse(JSON.parse(JSON.stringify(once)))).toEqual(once);
	});

	const accepted: [string, unknown][] = [
		['an https image', withScene({visual: {kind: 'image', src: 'https://example.com/a.jpg'}})],
		['a relative video with duration', withScene({visual: {kind: 'video', src: 'media/clip.mp4', durationMs: 2000}})],
		['a portuguese tag', {...minimal, language: 'pt-BR'}],
		['square 720p at 25 fps', {...minimal, format: {aspect: '1:1', resolution: '720p', fps: 25}}],
		['captions with timing', withScene({captions: [{text: 'Hello', startMs: 0, endMs: 400}]})],
		['music bed', {...minimal, music: {src: 'music/calm.mp3', durationMs: 20000}}],
		['explicit version 2', {...minimal, version: 2}],
		[
			'narration voiced by festival',
			withScene({narration: {text: 'Hi', audio: 'media/a.wav', voicedText: 'Hi', voice: {id: 'festival', rate: 1.1}}}),
		],
		[
			'shots: a cut, a key phrase, a camera move',
			withScene({
				shots: [
					{startMs: 0, camera: 'zoom-in'},
					{startMs: 1200, visual: {kind: 'image', src: 'media/b.jpg'}},
					{startMs: 2000, keyPhrase: 'Magma rises'},
				],
			}),
		],
		['several icons', withScene({visual: {kind: 'procedural', icon: 'icons/a.svg', extraIcons: ['icons/b.svg', 'icons/c.svg']}})],
		[
			'chart data',
			withScene({
				data: {
					chart: 'bar',
					unit: '%',
					points: [
						{label: '2020', value: 12},
						{label: '2024', value: 31.5},
					],
				},
			}),
		],
		['a listicle item', withScene({itemNumber: 3, durationSource: 'speech'})],
		['a brand', {...minimal, theme: {logo: 'media/logo.png', fontFile: 'media/Brand.woff2', brandColors: {primary: '#ff0066'}}}],
		['template options of any shape', {...minimal, templateOptions: {titlePlacement: 'top', counterStyle: {big: true}}}],
		['no music (null)', {...minimal, music: null}],
	];
	it.each(accepted)('accepts %s', (_name, input) => {
		const result = storyboardSchema.safeParse(input);
		expect(result.error?.issues ?? []).toEqual([]);
	});

	it.each([
		['highlight', 'highlight'],
		['boxed', 'boxed'],
		['pop', 'pop'],
		['reveal', 'reveal'],
		['bounce', 'bounce'],
		['classic', 'classic'],
		['plain', 'classic'],
	])('caption preset %s is read as %s', (preset, expected) => {
		expect(storyboardSchema.parse({...minimal, captionStyle: {preset, position: 'center'}}).captionStyle).toMatchObject({
			preset: expected,
			position: 'center',
		});
	});

	const rejected: [string, unknown, string][] = [
		['no scenes', {...minimal, scenes: []}, 'scenes'],
		['an absolute media path', withScene({visual: {kind: 'image', src: '/etc/passwd'}}), 'scenes.0.visual.src'],
		['a path escaping the folder', withScene({visual: {kind: 'image', src: 'media/../../x.jpg'}}), 'scenes.0.visual.src'],
		['a file: URL', withScene({visual: {kind: 'image', src: 'file:///x.jpg'}}), 'scenes.0.visual.src'],
		['an unknown visual kind', withScene({visual: {kind: 'hologram'}}), 'scenes.0.visual.kind'],
		['a video without its length', withScene({visual: {kind: 'video', src: 'a.mp4'}}), 'scenes.0.visual.durationMs'],
		['a too short scene', withScene({durationMs: 10}), 'scenes.0.durationMs'],
		[
			'a bad colour',
			{...minimal, theme: {palette: {background: 'red', surface: '#000000', primary: '#000000', accent: '#000000', text: '#000000'}}},
			'theme.palette.background',
		],
		['an unknown aspect', {...minimal, format: {aspect: '4:3'}}, 'format.aspect'],
		['a bad language tag', {...minimal, language: 'english please'}, 'language'],
		['a caption ending before it starts', withScene({captions: [{text: 'x', startMs: 500, endMs: 100}]}), 'scenes.0.captions.0.endMs'],
		[
			'a transition longer than half a scene',
			withScene({durationMs: 1000, transition: {type: 'fade', durationMs: 900}}),
			'scenes.0.transition.durationMs',
		],
		['duplicate scene ids', {...minimal, scenes: [minimal.scenes[0], minimal.scenes[0]]}, 'scenes.1.id'],
		['an unknown caption preset', {...minimal, captionStyle: {preset: 'karaoke'}}, 'captionStyle.preset'],
		['version 3', {...minimal, version: 3}, 'version'],
		['a font file that is not a font', {...minimal, theme: {fontFile: 'media/brand.png'}}, 'theme.fontFile'],
		[
			'shots out of order',
			withScene({
				shots: [
					{startMs: 900, keyPhrase: 'b'},
					{startMs: 100, keyPhrase: 'a'},
				],
			}),
			'scenes.0.shots.1.startMs',
		],
		['a shot after the scene ends', withScene({shots: [{startMs: 3000, camera: 'zoom-in'}]}), 'scenes.0.shots.0.startMs'],
		['a shot that changes nothing', withScene({shots: [{startMs: 0}]}), 'scenes.0.shots.0'],
		[
			'four extra icons',
			withScene({visual: {kind: 'procedural', extraIcons: ['a.svg', 'b.svg', 'c.svg', 'd.svg']}}),
			'scenes.0.visual.extraIcons',
		],
		['a bad duration source', withScene({durationSource: 'guess'}), 'scenes.0.durationSource'],
		['chart data without points', withScene({data: {chart: 'line', points: []}}), 'scenes.0.data.points'],
	];
	it.each(rejected)('rejects %s with the path', (_name, input, path) => {
		expect(pathsOf(input)).toContain(path);
	});

	const unknownKeys: [string, unknown, string][] = [
		['a scene title typo', withScene({titel: 'Hi'}), 'scenes.0.titel'],
		['a top-level colour', {...minimal, colour: '#ff0000'}, 'colour'],
		[
			'a palette typo',
			{
				...minimal,
				theme: {
					palette: {background: '#000000', surface: '#000000', primary: '#000000', accent: '#000000', text: '#000000', txt: '#ffffff'},
				},
			},
			'theme.palette.txt',
		],
		['a key inside a visual', withScene({visual: {kind: 'image', src: 'a.jpg', zoom: 2}}), 'scenes.0.visual.zoom'],
		['a key inside narration', withScene({narration: {text: 'x', speed: 2}}), 'scenes.0.narration.speed'],
		['a key inside a shot', withScene({shots: [{startMs: 0, keyPhrase: 'x', duration: 5}]}), 'scenes.0.shots.0.duration'],
		['a key inside a caption', withScene({captions: [{text: 'x', startMs: 0, endMs: 5, word: 'x'}]}), 'scenes.0.captions.0.word'],
		['a caption style typo', {...minimal, captionStyle: {presett: 'pop'}}, 'captionStyle.presett'],
	];
	it.each(unknownKeys)('refuses %s at its full path', (_name, input, path) => {
		expect(pathsOf(input)).toEqual([path]);
	});

	it('exports a JSON Schema of version 2: strict objects, the new fields, plain among the presets', () => {
		const json = z.toJSONSchema(storyboardSchema, {io: 'input', unrepresentable: 'any'}) as {
			additionalProperties: unknown;
			properties: Record<string, {properties?: Record<string, unknown>; items?: {properties: Record<string, {description?: string}>}}>;
		};
		expect(json.additionalProperties).toBe(false);
		expect(Object.keys(json.properties)).toEqual(expect.arrayContaining(['version', 'templateOptions', 'theme', 'scenes', 'music']));
		const scene = json.properties.scenes!.items!.properties;
		expect(Object.keys(scene)).toEqual(expect.arrayContaining(['durationSource', 'shots', 'data', 'itemNumber']));
		expect(JSON.stringify(json.properties.captionStyle!.properties!.preset)).toContain('plain');
		expect(Object.keys(json.properties.theme!.properties!)).toEqual(expect.arrayContaining(['fontFile', 'logo', 'brandColors']));
		// Every field carries its description (it documents the planner, MCP, OpenAPI and the README).
		for (const [key, field] of Object.entries(scene)) expect(field.description, `scenes[].${key}`).toBeTruthy();
	});
});

describe('the explainer samples', () => {
	it.each(['landscape', 'portrait', 'square'])('%s is a strict version 2 storyboard', (name) => {
		const data = JSON.parse(readFileSync(join(__dirname, `../templates/explainer/samples/${name}.json`), 'utf8')) as unknown;
		const result = storyboardV2Schema.safeParse(data);
		expect(result.error?.issues ?? []).toEqual([]);
		expect(result.data!.scenes.every((s) => s.narration.voicedText === s.narration.text && s.durationSource === 'speech')).toBe(true);
	});
});

describe('version 1 storyboards', () => {
	it('upgrades a version 1 file (the old landscape sample) to version 2', () => {
		const sb = storyboardSchema.parse(v1File);
		expect(sb.version).toBe(2);
		expect(sb.scenes).toHaveLength(3);
		for (const scene of sb.scenes) {
			expect(scene.durationSource).toBe('speech');
			expect(scene.narration.audio).not.toBeNull();
			expect(scene.narration.voicedText).toBeNull();
			expect(scene.shots).toEqual([]);
		}
		expect(sb.theme.brandColors).toBeNull();
		const migration = migrateStoryboard(v1File);
		expect(migration).toMatchObject({migratedFrom: 1, warnings: []});
	});

	it('reads the old "plain" preset of a version 1 file as classic', () => {
		expect(storyboardSchema.parse({...minimal, version: 1, captionStyle: {preset: 'plain'}}).captionStyle.preset).toBe('classic');
	});

	it('drops unknown keys of a version 1 file with a warning at each full path, and keeps a given durationSource', () => {
		const input = {
			...v1File,
			colour: 'red',
			scenes: (v1File.scenes as Record<string, unknown>[]).map((s, i) => (i === 1 ? {...s, titel: 'x', durationSource: 'user'} : s)),
		};
		const migration = migrateStoryboard(input);
		expect(migration.warnings.map((w) => [w.code, w.path]).sort()).toEqual([
			['UNKNOWN_KEY_IGNORED', 'colour'],
			['UNKNOWN_KEY_IGNORED', 'scenes.1.titel'],
		]);
		expect(migration.warnings.find((w) => w.path === 'scenes.1.titel')!.message).toMatch(/did you mean "title"/);
		const sb = storyboardSchema.parse(input);
		expect(sb.scenes[1]!.durationSource).toBe('user');
		expect(sb.scenes[1]!.title).toBe('The Game of Life');
		expect(input).toHaveProperty('colour');
	});

	it('leaves version 2 and versionless input alone (no silent drops there)', () => {
		expect(migrateStoryboard({...minimal, colour: 1}).migratedFrom).toBeNull();
		expect(storyboardV2Schema.safeParse({...v1File}).success).toBe(false);
	});
});

describe('themePalette', () => {
	const palette = {background: '#000000', surface: '#111111', primary: '#222222', accent: '#333333', text: '#ffffff'};
	it('lets brand colours win over the palette', () => {
		expect(themePalette({palette, brandColors: {primary: '#ff0066', secondary: null, accent: '#00ffaa'}})).toEqual({
			...palette,
			primary: '#ff0066',
			accent: '#00ffaa',
		});
		expect(themePalette({palette, brandColors: {primary: '#ff0066', secondary: '#440022', accent: null}})).toEqual({
			...palette,
			primary: '#ff0066',
			surface: '#440022',
		});
	});
	it('keeps the palette without a brand', () => {
		expect(themePalette({palette, brandColors: null})).toBe(palette);
	});
});

describe('frameSize', () => {
	it.each(ASPECTS.flatMap((aspect) => RESOLUTIONS.map((resolution) => [aspect, resolution] as const)))(
		'%s at %s has even sides and the right shape',
		(aspect, resolution) => {
			const {width, height} = frameSize({aspect, resolution});
			expect(width % 2).toBe(0);
			expect(height % 2).toBe(0);
			const ratio = aspect === '16:9' ? 16 / 9 : aspect === '9:16' ? 9 / 16 : 1;
			expect(width / height).toBeCloseTo(ratio, 2);
		},
	);
});
