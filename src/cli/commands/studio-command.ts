import {spawn} from 'node:child_process';
import {existsSync, readFileSync, statSync} from 'node:fs';
import {createRequire} from 'node:module';
import {basename, dirname, join, resolve} from 'node:path';
import {PromptreelError} from '../../pipeline/errors';
import {projectRoot} from '../../pipeline/project-root';
import {EXIT_OK, reportError} from '../exit-codes';
import {createReporter} from '../progress-reporter';

export type StudioCommandOptions = {port?: string; open?: boolean};

/** The storyboard file and the folder its media resolve from, for a folder or a file argument. */
export const studioTarget = (target: string): {storyboard: string; publicDir: string} => {
	const path = resolve(target);
	const info = existsSync(path) ? statSync(path) : null;
	if (!info)
		throw new PromptreelError(
			'FILE_NOT_FOUND',
			`${path} does not exist: pass an output folder of plan, generate or render (e.g. out/my-video) or a storyboard JSON file.`,
		);
	const storyboard = info.isDirectory() ? join(path, 'storyboard.json') : path;
	if (!existsSync(storyboard))
		throw new PromptreelError(
			'FILE_NOT_FOUND',
			`${path} holds no storyboard.json: pass an output folder of plan, generate or render, or a storyboard JSON file.`,
		);
	return {storyboard, publicDir: dirname(storyboard)};
};

/** The `remotion` command of the @remotion/cli promptreel depends on. */
const remotionBin = (root: string): string => {
	const require = createRequire(join(root, 'package.json'));
	const pkgFile = require.resolve('@remotion/cli/package.json');
	const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as {bin: Record<string, string>};
	return join(dirname(pkgFile), pkg.bin.remotion!);
};

/** The `remotion studio` arguments that preview a storyboard with its folder as the public folder. */
export const studioArgs = (o: {storyboard: string; publicDir: string; port?: string | undefined; open?: boolean | undefined}): string[] => [
	'studio',
	'src/index.ts',
	`--props=${o.storyboard}`,
	`--public-dir=${o.publicDir}`,
	// Another Studio already open on promptreel shows other props: this preview gets its own server.
	'--force-new',
	...(o.port ? [`--port=${o.port}`] : []),
	...(o.open === false ? ['--no-open'] : []),
];

/**
 * `promptreel studio out/X`: Remotion Studio on that folder's storyboard.json, its relative media
 * served from the folder (README.md, "Preview in Studio"). Studio's --props win over what Studio
 * would save, so edits belong in the JSON (then `promptreel render`). Runs until Studio exits.
 */
export const studioCommand = async (target: string, opts: StudioCommandOptions): Promise<number> => {
	const reporter = createReporter('plain');
	try {
		const {storyboard, publicDir} = studioTarget(target);
		if (opts.port !== undefined && !/^\d{1,5}$/.test(opts.port))
			throw new PromptreelError('INVALID_OPTION', `--port must be a port number, got "${opts.port}".`);
		const root = projectRoot();
		reporter.info(
			`Opening Remotion Studio on ${basename(publicDir)}/${basename(storyboard)} (media from ${publicDir}). Stop it with Ctrl+C.`,
		);
		const child = spawn(process.execPath, [remotionBin(root), ...studioArgs({storyboard, publicDir, port: opts.port, open: opts.open})], {
			cwd: root,
			stdio: 'inherit',
		});
		// Ctrl+C reaches Studio through the terminal; a plain kill of this process is passed on.
		const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
		process.once('SIGTERM', forward('SIGTERM'));
		const code = await new Promise<number>((done, fail) => {
			child.on('error', fail);
			child.on('exit', (status, signal) => done(status ?? (signal ? 0 : 1)));
		});
		return code === 0 ? EXIT_OK : code;
	} catch (error) {
		return reportError(error, reporter);
	}
};
