import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {hashBundleSources} from '../src/pipeline/render/bundle-cache';
import {probe} from './support/ffprobe';
import {runCli} from './support/run-cli';
import {ROOT} from './support/test-env';

// Templates outside the project (PROMPTREEL_TEMPLATES_DIR, docs/templates.md): scaffolded there,
// listed, rendered by our renderer from a bundle that includes them, and refused with the folder
// and the reason when broken.
const work = mkdtempSync(join(tmpdir(), 'promptreel-user-templates-'));
const dir = join(work, 'my-templates');
mkdirSync(dir);
afterAll(() => rmSync(work, {recursive: true, force: true}));
const withDir = (templatesDir: string) => ({cwd: work, env: {PROMPTREEL_TEMPLATES_DIR: templatesDir}});

describe('PROMPTREEL_TEMPLATES_DIR', () => {
	it('scaffolds a template outside the project, lists it and renders its sample', async () => {
		const made = await runCli(['templates', 'new', 'title-card', '--templates-dir', dir, '--json'], {cwd: work});
		expect(made.status, made.stderr).toBe(0);
		expect((JSON.parse(made.stdout) as {files: string[]; registry: string | null}).registry).toBeNull();
		expect(readFileSync(join(dir, 'title-card/index.ts'), 'utf8')).toContain("from '@promptreel/template-kit'");
		// The project is untouched: the registry knows nothing of it.
		expect(readFileSync(join(ROOT, 'src/compositions/registry.ts'), 'utf8')).not.toContain('title-card');

		const listed = await runCli(['templates', '--json'], withDir(dir));
		expect(listed.status, listed.stderr).toBe(0);
		const list = JSON.parse(listed.stdout) as {id: string; folder?: string; samples: string[]}[];
		expect(list.find((t) => t.id === 'title-card')).toMatchObject({folder: join(dir, 'title-card'), samples: ['landscape']});
		expect(list.map((t) => t.id)).toContain('explainer');

		const out = join(work, 'out');
		const sample = join(dir, 'title-card/samples/landscape.json');
		const rendered = await runCli(['render', sample, '--quality', 'draft', '--out', out, '--json'], withDir(dir));
		expect(rendered.status, rendered.stderr).toBe(0);
		const video = probe(join(out, 'video.mp4'));
		expect(video.video).toMatchObject({codec: 'h264', width: 640, height: 360});
		expect(video.audio?.codec).toBe('aac');
		const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {template?: {id: string}};
		expect(JSON.stringify(report)).toContain('title-card');
	}, 300_000);

	it('puts the folder into the bundle hash: a changed template is a new bundle', async () => {
		const before = await hashBundleSources(ROOT, dir);
		expect(before).not.toBe(await hashBundleSources(ROOT, null));
		const component = join(dir, 'title-card/TitleCard.tsx');
		writeFileSync(component, `${readFileSync(component, 'utf8')}\n// edited\n`);
		expect(await hashBundleSources(ROOT, dir)).not.toBe(before);
	});

	it('refuses a broken folder, a taken id and a missing dir, naming the folder and the fix', async () => {
		const broken = join(work, 'broken');
		mkdirSync(join(broken, 'bad-card'), {recursive: true});
		writeFileSync(join(broken, 'bad-card/index.ts'), 'export default {id: "bad-card", samples: {};\n');
		const compile = await runCli(['templates'], withDir(broken));
		expect(compile.status).toBe(2);
		expect(compile.stderr).toContain(join(broken, 'bad-card'));
		expect(compile.stderr).toContain('does not compile');

		writeFileSync(join(broken, 'bad-card/index.ts'), 'export default {id: "bad-card"};\n');
		const shape = await runCli(['templates'], withDir(broken));
		expect(shape.status).toBe(2);
		expect(shape.stderr).toContain('export default defineTemplate');

		const taken = join(work, 'taken');
		mkdirSync(join(taken, 'promo'), {recursive: true});
		writeFileSync(join(taken, 'promo/index.ts'), 'export default {};\n');
		const clash = await runCli(['templates'], withDir(taken));
		expect(clash.status).toBe(2);
		expect(clash.stderr).toContain('"promo" is the id of a built-in template');

		const missing = await runCli(['templates'], withDir(join(work, 'nowhere')));
		expect(missing.status).toBe(2);
		expect(missing.stderr).toContain('which is not a folder');
	});
});
