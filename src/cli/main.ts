import {Command, Option} from 'commander';
import pkg from '../../package.json';
import {envHelp, isLambdaVar, RENDERER_IDS} from '../app';
import {PromptreelError} from '../pipeline/errors';
import {QUALITIES} from '../pipeline/render';
import {activateConfiguredTemplates} from './activate-configured-templates';
import {reportError} from './exit-codes';
import {createReporter, reporterMode} from './progress-reporter';
import {batchCommand} from './commands/batch-command';
import {BENCH_PARTS, BENCH_RENDERERS, type BenchPart, type BenchRenderer, benchCommand} from './commands/bench-command';
import {configCommand} from './commands/config-command';
import {doctorCommand} from './commands/doctor-command';
import {generateCommand} from './commands/generate-command';
import {lambdaEstimateCommand} from './commands/lambda-estimate-command';
import {lambdaPoliciesCommand} from './commands/lambda-policies-command';
import {lambdaSetupCommand} from './commands/lambda-setup-command';
import {lambdaStatusCommand} from './commands/lambda-status-command';
import {mcpCommand} from './commands/mcp-command';
import {planCommand} from './commands/plan-command';
import {renderCommand} from './commands/render-command';
import {runRenderWorkerCommand} from './commands/render-worker-command';
import {schemaCommand} from './commands/schema-command';
import {serveCommand} from './commands/serve-command';
import {studioCommand} from './commands/studio-command';
import {validateCommand} from './commands/validate-command';
import {templatesCommand} from './commands/templates-command';

const rendererOption = () =>
	new Option(
		'--renderer <id>',
		'where to render: web (in the page for templates that pass its fidelity gate, capture for the rest), local (capture) or lambda (default: PROMPTREEL_RENDERER or web; lambda: see `promptreel lambda --help`)',
	).choices(RENDERER_IDS);

const qualityOption = () =>
	new Option('-q, --quality <quality>', 'draft (360p, fast), standard (720p) or high (full size)').choices(QUALITIES).default('standard');

/** Variables only `serve` and `mcp` read; the rest apply to every command. */
const SERVER_VARS = new Set([
	'PORT',
	'PROMPTREEL_CONCURRENCY',
	'PROMPTREEL_RETENTION_DAYS',
	'PROMPTREEL_MAX_ATTEMPTS',
	'PROMPTREEL_JOB_TIMEOUT_SEC',
	'PROMPTREEL_LEASE_SEC',
	'PROMPTREEL_SHUTDOWN_GRACE_SEC',
	'PROMPTREEL_MAX_BODY_BYTES',
	'PROMPTREEL_API_KEYS',
	'PROMPTREEL_ALLOW_OPEN',
	'PROMPTREEL_WEBHOOK_SECRET',
	'PROMPTREEL_ALLOW_PRIVATE_URLS',
	'PROMPTREEL_PUBLIC_URL',
	'PROMPTREEL_RATE_LIMIT_PER_MIN',
	'PROMPTREEL_RATE_LIMIT_BURST',
	'PROMPTREEL_MAX_UPLOAD_BYTES',
	'PROMPTREEL_WEBHOOK_MAX_ATTEMPTS',
	'PROMPTREEL_WEBHOOK_BACKOFF_MS',
	'PROMPTREEL_MAX_VIDEO_SEC',
	'PROMPTREEL_MAX_RUNNING_PER_KEY',
	'PROMPTREEL_METRICS_PORT',
	'PROMPTREEL_METRICS_HOST',
	'PROMPTREEL_MIN_FREE_DISK_MB',
	'PROMPTREEL_LOG_LEVEL',
	'PROMPTREEL_LOG_FORMAT',
]);

export const buildProgram = (setExit: (code: number) => void): Command => {
	const program = new Command('promptreel')
		.description('Turn a text prompt or a storyboard into a narrated, captioned video.')
		.version(pkg.version, '-V, --version', 'print the version')
		.showHelpAfterError('(add --help for usage)')
		.exitOverride()
		.addHelpText(
			'after',
			`
Examples:
  $ promptreel generate "Volcanoes form where magma rises through the crust. ..." --quality draft
  $ promptreel generate "3 tips for better sleep: 1. Keep a schedule. 2. Cut caffeine. 3. Dim the lights." --aspect 9:16
  $ promptreel plan "3 tips for better sleep: 1. Keep a schedule. 2. Cut caffeine. 3. Dim the lights."
  $ promptreel render out/3-tips-for-better-sleep/storyboard.json --quality draft   (edit it, render again)
  $ promptreel studio out/3-tips-for-better-sleep
  $ promptreel render src/compositions/templates/explainer/samples/landscape.json --quality draft
  $ promptreel templates
  $ promptreel schema > storyboard.schema.json
  $ promptreel doctor

Environment (all optional; \`promptreel serve --help\` lists the server's, \`promptreel lambda --help\` Lambda's):
${envHelp((name) => !SERVER_VARS.has(name) && !isLambdaVar(name))}\n`,
		);

	// `config` shows the settings as they are, even when a template folder is broken.
	program.hook('preAction', async (_program, command) => {
		if (command.name() !== 'config') await activateConfiguredTemplates();
	});

	const addGenerateOptions = (command: Command, withRender: boolean) => {
		command
			.argument('<prompt>', 'a script, an outline ("3 tips for ...: 1. ... 2. ..."), or a topic; quote it')
			.option('-o, --out <dir>', 'output folder (default: out/<title-slug>/, never overwriting an earlier run)')
			.option(
				'-t, --template <id>',
				'template id (see: promptreel templates), or auto: an outline -> listicle, a quote -> kinetic, figures -> data-story, a --voiceover file -> audiogram, a video in --media -> captioned-clip, else explainer',
				'auto',
			)
			.addOption(new Option('-a, --aspect <aspect>', 'frame shape').choices(['16:9', '9:16', '1:1']).default('16:9'))
			.option('-d, --duration <seconds>', 'target length in seconds (default: from the text)')
			.option('--fps <n>', 'frames per second (1-60; 24 for a film look, 25 for PAL)', '30')
			.option('-l, --lang <code>', 'language of the script: en, es, de, fr, pt, it, ja, zh, ar, hi (default: detected from the script)')
			.option('--seed <n>', 'seed for every random choice (same seed, same video)', '1');
		if (withRender) {
			command
				.option(
					'-v, --voice <id>',
					'voice id, or none for a silent video with captions (default: the offline voice of the language; see: promptreel doctor)',
				)
				.option(
					'--voiceover <path>',
					'your own narration instead of a voice: one audio file for the whole script, or a folder with one file per scene',
				)
				.option('--rate <speed>', 'speaking speed, 1 = normal (0.5-2)', '1')
				.option('-m, --music <music>', 'auto (by mood), none, a bundled id (calm-pad, night-drift, bright-steps) or an audio file', 'auto')
				.addOption(qualityOption())
				.addOption(rendererOption())
				.option('-f, --force', 'overwrite a non-empty --out folder and ignore the render cache');
		} else {
			command
				.option(
					'-m, --music <music>',
					'auto (by mood), none, a bundled id (calm-pad, night-drift, bright-steps) or an audio file; written into the storyboard',
					'auto',
				)
				.option('-f, --force', 'overwrite the output folder (default: a new out/<title-slug>/ each time)');
		}
		return command
			.option('--media <dir>', 'your own images/videos, matched to scenes by file name ("01-...", "scene-2...") or in order')
			.option('--json', 'print one JSON event per line on stdout (progress, warnings, then done or error)');
	};

	addGenerateOptions(
		program
			.command('generate')
			.description(
				'Prompt -> narrated, captioned video: video.mp4, poster.jpg, captions.srt/.vtt, storyboard.json, credits.json, report.json.',
			),
		true,
	).action(async (prompt: string, opts) => setExit(await generateCommand(prompt, opts)));

	addGenerateOptions(
		program
			.command('plan')
			.description(
				"Prompt -> storyboard.json (no voice or render) with each scene's picture chosen (--media, Pexels or an illustration) in media/: review or change it, then `promptreel render` it.",
			),
		false,
	).action(async (prompt: string, opts) => setExit(await planCommand(prompt, opts)));

	program
		.command('render')
		.description(
			'Complete and render a storyboard: scenes whose narration is new or edited are voiced (the others reused), bare scenes illustrated; writes video.mp4, poster.jpg, captions.srt/.vtt, credits.json, the completed storyboard.json and report.json.',
		)
		.argument('<storyboard>', 'path of a storyboard JSON file; relative media paths resolve from its folder')
		.option(
			'-o, --out <dir>',
			"output folder (default: the storyboard's folder when plan, generate or render made it, else out/<title-slug>/)",
		)
		.addOption(qualityOption())
		.option(
			'-v, --voice <id>',
			"voice of scenes voiced now, and re-voice scenes another voice made (default: the storyboard's voice, else the language's; see: promptreel doctor)",
		)
		.option('--rate <speed>', "speaking speed of scenes voiced now, 1 = normal (0.5-2; default: the storyboard's)")
		.addOption(rendererOption())
		.option('-f, --force', 'render again even when the render cache has this video (voice and media caches are kept)')
		.option('--allow-unknown-keys', 'drop keys the storyboard schema does not know (each a warning) instead of refusing the file')
		.option('--json', 'print one JSON event per line on stdout (progress, then done or error)')
		.action(async (file: string, opts) => setExit(await renderCommand(file, opts)));

	const lambda = program
		.command('lambda')
		.description('Render on Remotion Lambda: IAM policies, setup (bucket, function, site), status, price estimates (docs/lambda.md).')
		.addHelpText('after', `\nEnvironment of Lambda renders (secrets are never printed):\n${envHelp(isLambdaVar)}`);
	lambda
		.command('policies')
		.description(
			'Print the IAM policy of the user (that deploys and renders) and of the role remotion-lambda-role (that the functions run as).',
		)
		.argument('[which]', 'user or role (default: both)')
		.action(async (which: string | undefined) => setExit(await lambdaPoliciesCommand(which)));
	lambda
		.command('setup')
		.description(
			'Create or reuse the bucket, the function and the site of the current sources (a code change deploys a new site; none deploys nothing).',
		)
		.option('--memory <mb>', 'function memory in MB (default: PROMPTREEL_LAMBDA_MEMORY_MB or 2048)')
		.option('--disk <mb>', 'function disk in MB (default: PROMPTREEL_LAMBDA_DISK_MB or 2048)')
		.option('--timeout <sec>', 'function timeout in seconds (default: PROMPTREEL_LAMBDA_TIMEOUT_SEC or 120)')
		.option('--json', 'print the result as JSON')
		.action(async (opts) => setExit(await lambdaSetupCommand(opts)));
	lambda
		.command('status')
		.description('List the functions and sites of the region; say which site the current sources need and which are stale.')
		.option('--json', 'print JSON')
		.action(async (opts) => setExit(await lambdaStatusCommand(opts)));
	lambda
		.command('estimate')
		.description('Estimate the price and the number of functions of rendering a storyboard on Lambda (no AWS call).')
		.argument('<storyboard>', 'path of a storyboard JSON file')
		.addOption(qualityOption())
		.option('--json', 'print JSON')
		.action(async (file: string, opts) => setExit(await lambdaEstimateCommand(file, opts)));

	program
		.command('validate')
		.description(
			'Check a storyboard and its media without rendering, and say what a render would do: scenes to voice, duration, template, estimated render time.',
		)
		.argument('<storyboard>', 'path of a storyboard JSON file')
		.addOption(qualityOption())
		.option('-v, --voice <id>', 'the voice a render would be asked for (scenes voiced by another would be voiced again)')
		.option('--allow-unknown-keys', 'report unknown keys as warnings instead of errors')
		.option('--json', 'print the report as JSON on stdout')
		.action(async (file: string, opts) => setExit(await validateCommand(file, opts)));

	program
		.command('studio')
		.description(
			'Preview an output folder in Remotion Studio: its storyboard.json with its media (edit the JSON and render to keep changes).',
		)
		.argument('<folder>', 'an output folder of plan, generate or render (holding storyboard.json), or a storyboard JSON file')
		.option('-p, --port <port>', "port of the Studio server (default: Remotion's)")
		.option('--no-open', 'do not open a browser')
		.action(async (folder: string, opts) => setExit(await studioCommand(folder, opts)));

	program
		.command('schema')
		.description('Print the storyboard JSON Schema (generated from the zod schema).')
		.action(() => setExit(schemaCommand()));

	program
		.command('templates')
		.description(
			'List the templates a storyboard can use (built-in and PROMPTREEL_TEMPLATES_DIR), with their sample storyboards; `templates new <id>` scaffolds a new one (docs/templates.md).',
		)
		.argument('[action]', '"new" to scaffold a template')
		.argument('[id]', "the new template's id (kebab-case, e.g. title-card)")
		.option('--json', 'print JSON')
		.option('--dir <folder>', 'the promptreel checkout to scaffold in (default: this one)')
		.option(
			'--templates-dir <folder>',
			'scaffold outside the project, in this folder of your own templates (default: PROMPTREEL_TEMPLATES_DIR when set; docs/templates.md)',
		)
		.action(async (action: string | undefined, id: string | undefined, opts) => setExit(await templatesCommand(action, id, opts)));

	program
		.command('serve')
		.description(
			'Run the HTTP service: submit prompts or storyboards, follow jobs, download files (API under /v1, OpenAPI at /v1/openapi.json).',
		)
		.option('--host <host>', 'address to listen on', '127.0.0.1')
		.option('-p, --port <port>', 'port to listen on; 0 = any free port (default: PORT or 8787)')
		.option('--data-dir <dir>', 'jobs database, job files and caches (default: PROMPTREEL_DATA_DIR or ~/.promptreel)')
		.option('--allow-open', 'listen on a non-loopback address without API keys (trusted networks only; PROMPTREEL_ALLOW_OPEN=1)')
		.option(
			'--single-host',
			'with PROMPTREEL_DATABASE_URL: every server runs on this machine and shares its data dir, so PROMPTREEL_STORAGE_URL is not required',
		)
		.addHelpText('after', `\nEnvironment of the server:\n${envHelp((name) => SERVER_VARS.has(name))}`)
		.action(async (opts) => setExit(await serveCommand(opts)));

	program
		.command('mcp')
		.description(
			'Run the MCP server over stdio for AI agents (tools create_video, get_video, plan_storyboard, render_storyboard, list_templates, cancel_video, create_batch, get_batch); it runs its own worker on the data dir.',
		)
		.option(
			'--data-dir <dir>',
			'jobs database, job files and caches, shared with `promptreel serve` (default: PROMPTREEL_DATA_DIR or ~/.promptreel)',
		)
		.addHelpText(
			'after',
			`
stdout carries only MCP messages; logs go to stderr. Add it to an MCP client as
  {"mcpServers": {"promptreel": {"command": "node", "args": ["/abs/path/to/promptreel/bin/promptreel.mjs", "mcp"]}}}
(an absolute path works in clients that ignore "cwd").`,
		)
		.action(async (opts) => setExit(await mcpCommand(opts)));

	program
		.command('batch')
		.description(
			'Make many videos from one file (.txt, .jsonl or .csv): every line is checked first, then all are submitted as one batch; progress, a folder per item and a summary table.',
		)
		.argument('<file>', 'prompts (.txt), items (.jsonl) or a table (.csv)')
		.option('-o, --out <dir>', 'where the item folders and summary.json/summary.csv go (default: out/<file name>)')
		.option('--server <url>', 'submit to this promptreel server (API key: PROMPTREEL_API_KEY) instead of running the jobs here')
		.option('--data-dir <dir>', 'jobs database and files when running here (default: PROMPTREEL_DATA_DIR or ~/.promptreel)')
		.option('--template <id>', 'template of every line that names none')
		.option('--aspect <ratio>', 'aspect of every line that names none (16:9, 9:16, 1:1)')
		.option('--voice <id>', 'voice of every line that names none')
		.addOption(new Option('-q, --quality <quality>', 'quality of every line that names none').choices(QUALITIES))
		.option('--poll-ms <ms>', 'how often progress is read', '500')
		.addHelpText(
			'after',
			`
Formats (blank lines and lines starting with # are skipped):
  prompts.txt    one prompt a line
                   3 tips for better sleep: 1. Keep a schedule. 2. Cut caffeine. 3. Dim the lights.
                   How volcanoes form
  items.jsonl    one POST /v1/videos body a line: a prompt or a storyboard, with options
                   {"prompt": "How volcanoes form", "options": {"aspect": "9:16", "quality": "draft"}}
                   {"storyboard": {"title": "Launch", "scenes": [...]}, "options": {"quality": "draft"}}
  table.csv      a prompt column, option columns by their names, templateOptions.<name> columns
                   prompt,template,durationSec,templateOptions.titlePlacement
                   How volcanoes form,explainer,20,top

Every bad line is reported at once (line, field, fix) and then nothing is submitted (exit 2).
Each item gets a folder <line>-<slug> under --out with its files (error.txt when it failed);
summary.json and summary.csv list every item. Exit 1 when any item did not end done.

Examples:
  $ promptreel batch prompts.txt --quality draft
  $ promptreel batch items.jsonl --out out/launch
  $ PROMPTREEL_API_KEY=... promptreel batch table.csv --server https://reels.example.com`,
		)
		.action(async (file: string, opts) => setExit(await batchCommand(file, opts)));

	program
		.command('config')
		.description(
			'Print the settings in effect and where each came from (environment, .env, promptreel.config.json, default); secrets masked.',
		)
		.option('--json', 'print JSON')
		.option('--all', 'list unset settings without a default too')
		.action((opts) => setExit(configCommand(opts)));

	program
		.command('render-worker', {hidden: true})
		.description('The child process serve and mcp render in (started by them over IPC).')
		.action(async () => setExit(await runRenderWorkerCommand()));

	program
		.command('doctor')
		.description('Check the browser, ffmpeg, voices, fonts and data dir, and say how to install what is missing.')
		.option('--json', 'print JSON')
		.action(async (opts) => setExit(await doctorCommand(opts)));

	program
		.command('bench')
		.description(
			"Measure render speed: every template's sample as a ratio against bare Remotion of the same size and length (median of interleaved runs), then generate's total / video length, then peak memory of whole renders (node and its children, summed PSS), the last two on each renderer (capture, web); appends to bench/*.md.",
		)
		.addOption(new Option('-q, --quality <quality>', 'render size').choices(['draft', 'standard']).default('standard'))
		.option('--runs <n>', 'interleaved runs per template (the median ratio is reported)', '3')
		.option('--templates <ids>', 'comma-separated template ids (default: all)')
		.option('--parts <parts>', `comma-separated parts to run: ${BENCH_PARTS.join(', ')} (default: all)`)
		.option('--chunk-seconds <s>', 'chunk length of the incremental part (default: the renderer default)')
		.option(
			'--renderers <ids>',
			`comma-separated renderers of the generate and memory parts: ${BENCH_RENDERERS.join(', ')} (default: both)`,
		)
		.action(
			async (opts: {
				quality: 'draft' | 'standard';
				runs: string;
				templates?: string;
				parts?: string;
				chunkSeconds?: string;
				renderers?: string;
			}) => {
				const runs = Number(opts.runs);
				if (!Number.isInteger(runs) || runs < 1 || runs > 9)
					throw new PromptreelError('INVALID_OPTION', `--runs must be a whole number from 1 to 9, got "${opts.runs}".`);
				const parts = opts.parts?.split(',').map((p) => p.trim());
				const unknown = parts?.find((p) => !(BENCH_PARTS as readonly string[]).includes(p));
				if (unknown !== undefined)
					throw new PromptreelError('INVALID_OPTION', `--parts: unknown part "${unknown}"; use ${BENCH_PARTS.join(', ')}.`);
				const renderers = opts.renderers?.split(',').map((r) => r.trim());
				const unknownRenderer = renderers?.find((r) => !(BENCH_RENDERERS as readonly string[]).includes(r));
				if (unknownRenderer !== undefined)
					throw new PromptreelError(
						'INVALID_OPTION',
						`--renderers: unknown renderer "${unknownRenderer}"; use ${BENCH_RENDERERS.join(', ')}.`,
					);
				const chunkSeconds = opts.chunkSeconds === undefined ? undefined : Number(opts.chunkSeconds);
				if (chunkSeconds !== undefined && !(chunkSeconds > 0))
					throw new PromptreelError('INVALID_OPTION', `--chunk-seconds must be a number above 0, got "${opts.chunkSeconds}".`);
				setExit(
					await benchCommand({
						quality: opts.quality,
						runs,
						parts: parts as BenchPart[] | undefined,
						renderers: renderers as BenchRenderer[] | undefined,
						chunkSeconds,
						templates: opts.templates
							?.split(',')
							.map((t) => t.trim())
							.filter(Boolean),
					}),
				);
			},
		);

	return program;
};

export const main = async (argv: string[]): Promise<number> => {
	let code = 0;
	const program = buildProgram((c) => (code = c));
	// Bare `promptreel`: the help on stdout, success (commander would print it to stderr, exit 1).
	if (argv.length <= 2) {
		process.stdout.write(program.helpInformation());
		return 0;
	}
	try {
		await program.parseAsync(argv);
	} catch (error) {
		// A command that lets our error out (doctor, bench: a bad environment variable) is reported
		// like every other: one line (a JSON event under --json) and its exit code, no stack trace.
		if (error instanceof PromptreelError) return reportError(error, createReporter(reporterMode(argv.includes('--json'))));
		const e = error as {code?: string; exitCode?: number};
		if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
		if (typeof e.exitCode === 'number') return e.exitCode === 1 ? 2 : e.exitCode;
		throw error;
	}
	return code;
};
