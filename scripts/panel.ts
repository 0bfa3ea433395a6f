// The repository's own panel: every prompt of bench/panel/prompts.json (10 languages x 3 aspects,
// outlines, --media cases with media we made) through the generate pipeline at draft quality,
// offline. Each video gets a contact sheet (contact-sheet.png, next to video.mp4); the run writes
// summary.md and summary.json: template and why, titles, pictures per scene, neutral fallbacks,
// audio vs video length, warnings, totals. For a person to look at: not part of the test command.
// Run: npm run panel -- [--only ja,en-*,outline] [--aspects 9:16] [--out panel-out] [--jobs 1]
// See the README, "Panel".
import {mkdir, writeFile} from 'node:fs/promises';
import {join, relative, resolve} from 'node:path';
import {parseArgs} from 'node:util';
import {aspectSchema} from '../src/compositions/storyboard';
import {loadConfig} from '../src/app';
import {createLocalRenderer} from '../src/pipeline/render';
import {projectRoot} from '../src/pipeline/project-root';
import {readPanelPrompts, selectPanelVideos} from './panel/panel-prompts';
import {panelMarkdown, panelTotals, type PanelRow} from './panel/panel-summary';
import {PANEL_OPTIONS, runPanelVideo} from './panel/run-panel-video';

const root = projectRoot();
const {values: flags} = parseArgs({
	options: {
		only: {type: 'string'},
		out: {type: 'string', default: 'panel-out'},
		aspects: {type: 'string'},
		jobs: {type: 'string', default: '1'},
		prompts: {type: 'string', default: join(root, 'bench/panel/prompts.json')},
		help: {type: 'boolean', short: 'h'},
	},
});
if (flags.help) {
	console.log(`npm run panel -- [options]

Generates the panel of prompts (bench/panel/prompts.json) offline at draft quality, writes a contact
sheet per video and summary.md/summary.json (titles, pictures per scene, weak and neutral pictures,
durations, warnings) for a person to look at. See the README, "Panel".

  --only <list>      languages, "outline", "media" or id globs, comma-separated (e.g. ja,en-*)
  --aspects <list>   16:9, 9:16, 1:1 (default: all)
  --out <dir>        output folder (default: panel-out)
  --jobs <n>         videos rendered at a time (default: 1)
  --prompts <file>   the prompt list (default: bench/panel/prompts.json)
  -h, --help         this text`);
	process.exit(0);
}
const jobs = Number(flags.jobs);
if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`--jobs must be a whole number >= 1, got "${flags.jobs}".`);
const aspects = flags.aspects ? flags.aspects.split(',').map((a) => aspectSchema.parse(a.trim())) : null;
const out = resolve(flags.out);
const videos = selectPanelVideos(await readPanelPrompts(flags.prompts), {only: flags.only, aspects});
if (videos.length === 0) throw new Error(`--only "${flags.only}" matches no prompt (give a language, outline, media, or an id glob).`);

const config = loadConfig();
const renderer = createLocalRenderer({cacheDir: config.dataDir, browserExecutable: config.browserExecutable});
await mkdir(out, {recursive: true});
console.log(`Panel: ${videos.length} videos -> ${out} (${PANEL_OPTIONS.quality}, ${PANEL_OPTIONS.fps} fps, ${jobs} at a time)`);

const rows: PanelRow[] = [];
const writeSummary = async () => {
	const ordered = videos.flatMap((v) => rows.filter((r) => r.name === v.name));
	const totals = panelTotals(ordered);
	await writeFile(join(out, 'summary.json'), `${JSON.stringify({options: PANEL_OPTIONS, totals, videos: ordered}, null, 2)}\n`);
	await writeFile(join(out, 'summary.md'), panelMarkdown(ordered, totals));
	return totals;
};

const started = performance.now();
let next = 0;
const worker = async () => {
	for (let k = next++; k < videos.length; k = next++) {
		const video = videos[k]!;
		const tag = `[${k + 1}/${videos.length}] ${video.name}`;
		console.log(`${tag}: started`);
		const row = await runPanelVideo({
			video,
			root,
			out,
			dataDir: config.dataDir,
			renderer,
			onStage: (stage) => console.log(`${tag}: ${stage}`),
		});
		rows.push(row);
		await writeSummary();
		console.log(
			row.error
				? `${tag}: FAILED in ${(row.runMs / 1000).toFixed(1)} s: ${row.error}`
				: `${tag}: ${row.template?.id} "${row.title}", ${row.scenes.length} scenes, ${((row.durations?.videoMs ?? 0) / 1000).toFixed(1)} s video in ${(row.runMs / 1000).toFixed(1)} s; ` +
						`${row.scenes.filter((s) => s.neutral).length} neutral, ${row.warnings.length} warnings${row.problems.length ? `; PROBLEMS: ${row.problems.join('; ')}` : ''} -> ${relative(process.cwd(), row.files.sheet ?? '')}`,
		);
	}
};
try {
	await Promise.all(Array.from({length: Math.min(jobs, videos.length)}, worker));
} finally {
	await renderer.close();
}
const totals = await writeSummary();
const wall = (performance.now() - started) / 1000;
console.log(
	`Panel done in ${wall.toFixed(1)} s: ${totals.videos} videos (${totals.failed} failed), neutral pictures ${(totals.fallbackRate * 100).toFixed(1)}% of ${totals.scenes} scenes. ` +
		`See ${relative(process.cwd(), join(out, 'summary.md'))}.`,
);
