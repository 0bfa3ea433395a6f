import {spawn} from 'node:child_process';

export type RunProcessOptions = {
	command: string;
	args: string[];
	cwd?: string;
	signal?: AbortSignal;
	/** Kill the process after this many ms. */
	timeoutMs: number;
};

export type RunProcessResult = {
	exitCode: number | null;
	stdout: Buffer;
	stderr: string;
	timedOut: boolean;
	/** Set when the command could not start (ENOENT: not installed). */
	spawnError: NodeJS.ErrnoException | null;
};

/**
 * Runs a command to completion, collecting its output. Never rejects for the command's own
 * failures (the caller decides what they mean); rejects only with the signal's reason on abort.
 */
export const runProcess = (opts: RunProcessOptions): Promise<RunProcessResult> => {
	opts.signal?.throwIfAborted();
	return new Promise((resolve, reject) => {
		const child = spawn(opts.command, opts.args, {cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe']});
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		let timedOut = false;
		let spawnError: NodeJS.ErrnoException | null = null;
		child.stdout.on('data', (b: Buffer) => out.push(b));
		child.stderr.on('data', (b: Buffer) => err.push(b));
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
		}, opts.timeoutMs);
		const onAbort = () => child.kill('SIGKILL');
		opts.signal?.addEventListener('abort', onAbort, {once: true});
		child.on('error', (e: NodeJS.ErrnoException) => {
			spawnError = e;
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			opts.signal?.removeEventListener('abort', onAbort);
			if (opts.signal?.aborted) {
				reject(opts.signal.reason);
				return;
			}
			resolve({
				exitCode: code,
				stdout: Buffer.concat(out),
				stderr: Buffer.concat(err).toString('utf8'),
				timedOut,
				spawnError,
			});
		});
	});
};
