import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {computeTimeline, storyboardSchema} from '../../compositions/storyboard';
import {templateIds} from '../../compositions/registry';
import {startFakePexels, type FakePexels} from '../../../test/fakes/fake-pexels';
import {probe} from '../../../test/support/ffprobe';
import {TEST_DATA_DIR} from '../../../test/support/test-env';
import {MissingMediaError, UnknownTemplateError} from '../errors';
import {createLocalRenderer} from '../render';
import {renderStoryboard} from './render-storyboard';
import {runReportSchema} from './run-report';

const renderer = createLocalRenderer({cacheDir: TEST_DATA_DIR});
let dir: string;
let media: FakePexels;
beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'promptreel-render-storyboard-'));
	media = await startFakePexels({brokenMedia: {99: 'html'}});
});
afterAll(async () => {
	await renderer.close();
	await media.close();
	await rm(dir, {recursive: true, force: true});
});

const scene = (id: string, visual: unknown) => ({id, title: id, narration: {text: 'Hi.'}, visual, durationMs: 1200});

describe('renderStoryboard (the one render path)', () => {
	it('brings https media into its home folder, renders, and writes every file with a typed report', async () => {
		const outDir = join(dir, 'home');
		const warnings: string[] = [];
		const stages = new Set<string>();
		const result = await renderStoryboard({
			storyboard: {
				title: 'By URL',
				endCard: {enabled: false},
				scenes: [scene('a', {kind: 'image', src: `${media.url}/photos/2/p.jpeg`}), scene('b', {kind: 'image', src: `${media.url}/photos/99/p.jpeg`})],
			},
			outDir,
			quality: 'draft',
			renderer,
			dataDir: join(dir, 'data'),
			allowPrivateNetwork: true,
			job: {id: 'job-1', attempt: 2},
			onWarning: (w) => warnings.push(w),
			onProgress: (p) => stages.add(p.stage),
		});

		expect(Object.keys(result.files).sort()).toEqual(['credits', 'poster', 'report', 'srt', 'storyboard', 'video', 'vtt']);
		const written = storyboardSchema.parse(JSON.parse(readFileSync(join(outDir, 'storyboard.json'), 'utf8')));
		const [a, b] = written.scenes;
		expect(a!.visual).toMatchObject({kind: 'image', src: expect.stringMatching(/^media\/url-[0-9a-f]{16}\.jpg$/)});
		expect(existsSync(join(outDir, (a!.visual as {src: string}).src))).toBe(true);
		expect(b!.visual).toEqual({kind: 'procedural', style: 'orbs', icon: null, extraIcons: []});
		expect(warnings).toEqual([expect.stringMatching(/^could not fetch media for scene b \(content type .*\): scenes\.1\.visual\.src = .*photos\/99/)]);
		expect([...stages]).toEqual(expect.arrayContaining(['fetching', 'rendering', 'poster', 'captions']));

		const p = probe(join(outDir, 'video.mp4'));
		expect(p.video.height).toBe(360);
		expect(p.video.frames).toBe(computeTimeline(written).durationInFrames);

		const report = runReportSchema.parse(JSON.parse(readFileSync(join(outDir, 'report.json'), 'utf8')));
		expect(report).toMatchObject({
			command: 'render',
			job: {id: 'job-1', attempt: 2},
			options: {quality: 'draft'},
			providers: {rendering: 'local'},
			cacheHit: false,
			video: {scenes: 2, frames: p.video.frames, height: 360},
			warnings: [{stage: 'fetching', code: 'MEDIA_URL_FAILED'}],
			error: null,
		});
		expect(report.stagesMs.rendering).toBeGreaterThan(0);
		expect(report.renderTimingsMs.render).toBeGreaterThan(0);
	});

	it('renders a storyboard file where it lies without writing a storyboard.json beside the video', async () => {
		const outDir = join(dir, 'elsewhere');
		const mediaDir = join(dir, 'home');
		const storyboard = JSON.parse(readFileSync(join(mediaDir, 'storyboard.json'), 'utf8')) as unknown;
		const result = await renderStoryboard({storyboard, source: join(mediaDir, 'storyboard.json'), mediaDir, outDir, quality: 'draft', renderer, dataDir: join(dir, 'data')});
		expect(result.files.storyboard).toBeUndefined();
		expect(existsSync(join(outDir, 'storyboard.json'))).toBe(false);
		const report = runReportSchema.parse(JSON.parse(readFileSync(join(outDir, 'report.json'), 'utf8')));
		// Same storyboard, media and quality as the first test: the render cache answers.
		expect(report).toMatchObject({command: 'render', storyboard: join(mediaDir, 'storyboard.json'), cacheHit: true, job: null});
		expect(probe(join(outDir, 'video.mp4')).video.frames).toBe(probe(join(mediaDir, 'video.mp4')).video.frames);
	});

	it('refuses an unknown template (naming the valid ids) and missing media before writing anything', async () => {
		const outDir = join(dir, 'refused');
		const base = {title: 'No', scenes: [scene('a', {kind: 'procedural'})]};
		const run = (storyboard: unknown) => renderStoryboard({storyboard, outDir, quality: 'draft', renderer, dataDir: join(dir, 'data')});
		const unknown = run({...base, template: 'nope'});
		await expect(unknown).rejects.toBeInstanceOf(UnknownTemplateError);
		await expect(unknown).rejects.toThrow(`Unknown template "nope". Valid templates: ${templateIds.join(', ')}.`);
		await expect(run({...base, scenes: [scene('a', {kind: 'image', src: 'media/gone.jpg'})]})).rejects.toBeInstanceOf(MissingMediaError);
		expect(existsSync(outDir) ? readdirSync(outDir) : []).toEqual([]);
	});
});
