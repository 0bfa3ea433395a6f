/**
 * The files of a new template, as text: the shape of docs/templates.md ("A template folder"), with
 * the worked example's component (each scene's title dropping in word by word over its picture).
 */

export type ScaffoldNames = {
	/** Kebab-case id, e.g. "title-card". */
	id: string;
	/** PascalCase, e.g. "TitleCard" (the component). */
	pascal: string;
	/** camelCase, e.g. "titleCard" (exports). */
	camel: string;
};

export const scaffoldNames = (id: string): ScaffoldNames => {
	const parts = id.split('-');
	const pascal = parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
	return {id, pascal, camel: pascal.charAt(0).toLowerCase() + pascal.slice(1)};
};

const schemaFile = ({id, camel}: ScaffoldNames) => `import {z} from 'zod';

/** The ${id} template's own options (\`storyboard.templateOptions\`); every one has a default. */
export const ${camel}OptionsSchema = z
	.strictObject({
		align: z.enum(['start', 'center']).default('center').describe('Where the title sits: centred, or at the start of the line.'),
	})
	.describe('Options of the ${id} template.');

export type ${camel.charAt(0).toUpperCase() + camel.slice(1)}Options = z.output<typeof ${camel}OptionsSchema>;
`;

const metadataFile = ({id, camel, pascal}: ScaffoldNames) => `import {storyboardMetadata} from '../../components/storyboard-metadata';
import {${camel}OptionsSchema} from './${id}-schema';

/** Size, frame rate and length: the storyboard's, through the one timing helper. */
export const calculate${pascal}Metadata = storyboardMetadata({templateId: '${id}', optionsSchema: ${camel}OptionsSchema});
`;

const indexFile = ({id, camel, pascal}: ScaffoldNames) => `export {${camel}OptionsSchema} from './${id}-schema';
export {calculate${pascal}Metadata} from './calculate-metadata';
`;

/** Imports of the component inside the project (relative) or outside it (the template kit). */
const componentImports = ({id, camel}: ScaffoldNames, where: 'project' | 'outside') =>
	where === 'project'
		? `import {SceneVisual} from '../../components/scene-visual';
import {linearTransition} from '../../components/scene-series';
import {TemplateFrame} from '../../components/template-frame';
import {useTemplateFonts} from '../../components/use-template-fonts';
import {useTemplateStoryboard} from '../../components/use-template-storyboard';
import type {Palette, Scene, Storyboard, StoryboardInput} from '../../storyboard';
import {FittedLines} from '../shared/fitted-lines';
import {useFittedText} from '../shared/use-fitted-text';
import {useSceneLayout} from '../../components/use-scene-layout';
import {${camel}OptionsSchema} from './${id}-schema';`
		: `import {
	FittedLines,
	linearTransition,
	SceneVisual,
	TemplateFrame,
	useFittedText,
	useSceneLayout,
	useTemplateFonts,
	useTemplateStoryboard,
	type Palette,
	type Scene,
	type Storyboard,
	type StoryboardInput,
} from '@promptreel/template-kit';
import {${camel}OptionsSchema} from './${id}-schema';`;

const componentFile = (names: ScaffoldNames, where: 'project' | 'outside') => {
	const {id, camel, pascal} = names;
	return `import {fade} from '@remotion/transitions/fade';
import type React from 'react';
import {AbsoluteFill, spring} from 'remotion';
${componentImports(names, where)}

/** One scene: its picture, and its title measured to fit, each word dropping in after the one before. */
const Card: React.FC<{
	scene: Scene;
	storyboard: Storyboard;
	palette: Palette;
	fontStack: string;
	ready: boolean;
	durationInFrames: number;
	align: 'start' | 'center';
}> = ({scene, storyboard, palette, fontStack, ready, durationInFrames, align}) => {
	const {frame, fps, unit, safe, innerW, innerH, dir, language} = useSceneLayout(storyboard);
	const {words, fitted} = useFittedText({
		text: scene.title,
		language,
		fontStack,
		ready,
		fontWeight: 800,
		lineHeight: 1.1,
		maxWidth: innerW,
		maxHeight: innerH * 0.5,
		maxFontSize: unit * 12,
		minFontSize: unit * 4,
	});
	return (
		<AbsoluteFill>
			<SceneVisual visual={scene.visual} durationInFrames={durationInFrames} palette={palette} seed={storyboard.seed} />
			<AbsoluteFill dir={dir} lang={language} style={{justifyContent: 'center', padding: \`0 \${safe.side}px\`, color: palette.text}}>
				{fitted ? (
					<FittedLines
						words={words}
						fitted={fitted}
						fontWeight={800}
						lineHeight={1.1}
						align={align}
						wordStyle={(i) => ({transform: \`translateY(\${(1 - spring({frame: frame - i * 3, fps})) * -40}px)\`})}
					/>
				) : null}
			</AbsoluteFill>
		</AbsoluteFill>
	);
};

/** The ${id} template: each scene's title over its picture, scenes fading into one another. */
const ${pascal}: React.FC<StoryboardInput> = (props) => {
	const {storyboard, timeline, palette, options} = useTemplateStoryboard(props, '${id}', ${camel}OptionsSchema);
	const {fontStack, ready} = useTemplateFonts(storyboard);
	return (
		<TemplateFrame
			storyboard={storyboard}
			timeline={timeline}
			palette={palette}
			fontStack={fontStack}
			renderScene={(scene, _index, timing) => (
				<Card
					scene={scene}
					storyboard={storyboard}
					palette={palette}
					fontStack={fontStack}
					ready={ready}
					durationInFrames={timing.durationInFrames}
					align={options.align}
				/>
			)}
			transition={(_scene, _index, frames) => linearTransition(fade(), frames)}
		/>
	);
};

export default ${pascal};
`;
};

const sampleFile = ({id}: ScaffoldNames) =>
	`${JSON.stringify(
		{
			version: 2,
			title: 'A new template',
			template: id,
			language: 'en',
			format: {aspect: '16:9', resolution: '1080p', fps: 30},
			theme: {palette: {background: '#101322', surface: '#1f2a44', primary: '#6366f1', accent: '#f472b6', text: '#f8fafc'}},
			templateOptions: {align: 'center'},
			endCard: {enabled: false},
			scenes: [
				{
					id: 'one',
					title: 'Your first template',
					narration: {text: 'Every scene title drops in, word by word.'},
					visual: {kind: 'image', src: 'samples/dusk.jpg', motion: 'zoom-in', fit: 'cover'},
					durationMs: 2000,
					captions: ['Every', ' scene', ' title', ' drops', ' in,', ' word', ' by', ' word.'].map((text, i) => ({
						text,
						startMs: 200 + i * 200,
						endMs: 380 + i * 200,
					})),
				},
			],
		},
		null,
		'\t',
	)}\n`;

const testFile = ({id}: ScaffoldNames) => `import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, expect, it} from 'vitest';
import {findTemplate} from '../src/compositions/registry';
import {createLocalRenderer} from '../src/pipeline/render';
import {probe} from './support/ffprobe';
import {TEST_DATA_DIR} from './support/test-env';

// The ${id} template's sample renders: a real 360p still of its first scene, checked with ffprobe.
const renderer = createLocalRenderer({cacheDir: TEST_DATA_DIR});
const out = mkdtempSync(join(tmpdir(), 'promptreel-${id}-'));
afterAll(async () => {
	await renderer.close();
	rmSync(out, {recursive: true, force: true});
});

it('renders its sample', async () => {
	const template = findTemplate('${id}');
	expect(template).toBeDefined();
	const sample = Object.values(template!.samples)[0]!;
	const file = join(out, 'still.jpg');
	await renderer.renderPoster({storyboard: sample, mediaDir: out, outFile: file, quality: 'draft', frame: 30});
	expect(probe(file).video).toMatchObject({width: 640, height: 360});
});
`;

/** Every file of a new template, by path relative to the project root. */
export const scaffoldFiles = (names: ScaffoldNames): Record<string, string> => {
	const dir = `src/compositions/templates/${names.id}`;
	return {
		[`${dir}/${names.id}-schema.ts`]: schemaFile(names),
		[`${dir}/calculate-metadata.ts`]: metadataFile(names),
		[`${dir}/index.ts`]: indexFile(names),
		[`${dir}/${names.pascal}.tsx`]: componentFile(names, 'project'),
		[`${dir}/samples/landscape.json`]: sampleFile(names),
		[`test/${names.id}.template.test.ts`]: testFile(names),
	};
};

/** The lines the registry gains: its imports, and its entry in the list. */
export const registryLines = ({id, camel, pascal}: ScaffoldNames): {imports: string; entry: string} => ({
	imports: [
		`import {calculate${pascal}Metadata, ${camel}OptionsSchema} from './templates/${id}';`,
		`import ${camel}Landscape from './templates/${id}/samples/landscape.json';`,
	].join('\n'),
	entry: [
		'\t{',
		`\t\tid: '${id}',`,
		`\t\ttitle: '${pascal}',`,
		`\t\tdescription: 'Each scene title over its picture, word by word (scaffolded: describe what your template shows and how it moves).',`,
		'\t\tschema: storyboardV2Schema,',
		`\t\ttemplateOptionsSchema: ${camel}OptionsSchema,`,
		`\t\tcalculateMetadata: calculate${pascal}Metadata,`,
		`\t\tsamples: {landscape: storyboardSchema.parse(${camel}Landscape)},`,
		`\t\tlazyComponent: () => import('./templates/${id}/${pascal}'),`,
		'\t},',
	].join('\n'),
});

/** The index of a template folder outside the project: its declaration for the registry. */
const outsideIndexFile = ({
	id,
	camel,
	pascal,
}: ScaffoldNames) => `import {defineTemplate, storyboardMetadata} from '@promptreel/template-kit';
import landscape from './samples/landscape.json';
import {${camel}OptionsSchema} from './${id}-schema';

export default defineTemplate({
	id: '${id}',
	title: '${pascal}',
	description: 'Each scene title over its picture, word by word (scaffolded: describe what your template shows and how it moves).',
	templateOptionsSchema: ${camel}OptionsSchema,
	calculateMetadata: storyboardMetadata({templateId: '${id}', optionsSchema: ${camel}OptionsSchema}),
	samples: {landscape},
	lazyComponent: () => import('./${pascal}'),
});
`;

/**
 * Every file of a new template in a PROMPTREEL_TEMPLATES_DIR, by path relative to that folder: it
 * imports promptreel's parts from '@promptreel/template-kit' (docs/templates.md).
 */
export const scaffoldOutsideFiles = (names: ScaffoldNames): Record<string, string> => ({
	[`${names.id}/${names.id}-schema.ts`]: schemaFile(names),
	[`${names.id}/index.ts`]: outsideIndexFile(names),
	[`${names.id}/${names.pascal}.tsx`]: componentFile(names, 'outside'),
	[`${names.id}/samples/landscape.json`]: sampleFile(names),
});
