import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {storyboardSchema} from '../src/compositions/storyboard';
import {planVideo} from '../src/pipeline/generate';
import {runReportSchema} from '../src/pipeline/output';
import {fakeMediaFiles} from './fakes/make-media';
import {probe} from './support/ffprobe';
import {runCli} from './support/run-cli';

// Issue 15, items 8 and 9 through the CLI child process: `plan` chooses each scene's picture (your
// --media files first, one scene per file when the script allows) and `render` keeps what you set.

const SCRIPT = 'Our trip to the coast. We walked on the beach at sunrise. The lighthouse stood on the cliff.';
const work = mkdtempSync(join(tmpdir(), 'promptreel-plan-pictures-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));
const cli = (args: string[]) => runCli(args, {cwd: work, timeoutMs: 300_000});
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const photos = (dir: string, names: string[]) => {
	mkdirSync(dir, {recursive: true});
	for (const name of names) copyFileSync(fakeMediaFiles().photo, join(dir, name));
	return dir;
};

describe('your media and the pictures plan chooses', () => {
	it('3 images for a 3-sentence script give 3 scenes, one image each (the plan alone gives 1)', async () => {
		expect((await planVideo({prompt: SCRIPT})).storyboard.scenes).toHaveLength(1);
		const media = photos(join(work, 'three'), ['coast.jpg', 'beach.jpg', 'lighthouse.jpg']);
		const out = join(work, 'plan-three');
		const r = await cli(['plan', SCRIPT, '--media', media, '--out', out, '--json']);
		expect(r.status, r.stderr).toBe(0);
		const sb = storyboardSchema.parse(readJson(join(out, 'storyboard.json')));
		expect(sb.scenes.map((s) => s.narration.text)).toEqual(SCRIPT.split(/(?<=\.) /));
		expect(new Set(sb.scenes.map((s) => s.id)).size).toBe(3);
		const srcs = sb.scenes.map((s) => (s.visual.kind === 'image' ? s.visual.src : null));
		// Matched by the keywords in their names: the beach to the beach, the lighthouse to the lighthouse.
		expect(srcs).toEqual(['media/scene-01-coast.jpg', 'media/scene-02-beach.jpg', 'media/scene-03-lighthouse.jpg']);
		for (const src of srcs) expect(existsSync(join(out, src!))).toBe(true);
		const report = runReportSchema.parse(readJson(join(out, 'report.json')));
		expect(report.warnings.filter((w) => w.code === 'MEDIA_UNUSED')).toEqual([]);
	});

	it('every file no scene can show is a warning naming it', async () => {
		const media = photos(join(work, 'four'), ['1.jpg', '2.jpg', '3.jpg', '4-extra.jpg']);
		const out = join(work, 'plan-four');
		const r = await cli(['plan', SCRIPT, '--media', media, '--out', out, '--json']);
		expect(r.status, r.stderr).toBe(0);
		expect(readJson(join(out, 'storyboard.json')).scenes).toHaveLength(3);
		const report = runReportSchema.parse(readJson(join(out, 'report.json')));
		expect(report.warnings.filter((w) => w.code === 'MEDIA_UNUSED').map((w) => w.message)).toEqual([
			expect.stringMatching(/^--media: 4-extra\.jpg is not used/),
		]);
	});

	it('plan writes each scene picture; render keeps a picture you changed', async () => {
		const out = join(work, 'plan-edit');
		const r = await cli(['plan', 'Coffee beans are roasted.', '--out', out, '--aspect', '9:16', '--music', 'none']);
		expect(r.status, r.stderr).toBe(0);
		const file = join(out, 'storyboard.json');
		const planned = readJson(file);
		// An illustration chosen now, its file beside the storyboard, for you to see and change.
		expect(planned.scenes[0].visual).toMatchObject({kind: 'procedural', icon: expect.stringMatching(/^media\/.+\.(svg|png)$/)});
		expect(existsSync(join(out, planned.scenes[0].visual.icon))).toBe(true);

		// The user puts their own photo there instead.
		copyFileSync(fakeMediaFiles().photo, join(out, 'media', 'my-cup.jpg'));
		const mine = {kind: 'image', src: 'media/my-cup.jpg', motion: 'none', fit: 'contain'};
		planned.scenes[0].visual = mine;
		// No end card: the fewest frames that prove the point.
		planned.endCard.enabled = false;
		writeFileSync(file, JSON.stringify(planned, null, 2));
		const rendered = await cli(['render', file, '--quality', 'draft', '--voice', 'none', '--json']);
		expect(rendered.status, rendered.stderr).toBe(0);
		expect(readJson(file).scenes[0].visual).toEqual(mine);
		const report = runReportSchema.parse(readJson(join(out, 'report.json')));
		expect(report.completion!.scenes.map((s) => s.picture)).toEqual(['kept']);
		expect(probe(join(out, 'video.mp4')).video.height).toBe(640);
	}, 240_000);
});
