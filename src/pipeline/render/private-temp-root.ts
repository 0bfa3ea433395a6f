import {randomBytes} from 'node:crypto';
import {mkdirSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, dirname, join} from 'node:path';

let mine: string | null = null;
const ROOT_NAME = 'promptreel-tmp';

/** A zombie (killed, not yet reaped: an orphan under an init that does not reap) answers signal 0 but runs nothing. */
const isZombie = (pid: number): boolean => {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
	} catch {
		return false; // No /proc (macOS), or gone.
	}
};

/** Whether a process id is running (EPERM: it is, but not ours to signal). */
const isAlive = (pid: number): boolean => {
	try {
		process.kill(pid, 0);
		return !isZombie(pid);
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
};

/**
 * Gives this process its own temporary folder, `<os temp>/promptreel-tmp/<pid>-<random>`, and
 * points TMPDIR at it, so what Remotion and Chromium create there (browser profiles, asset and
 * render folders, which they name themselves) is ours to clean: the folder goes when the process
 * exits, and folders of processes that are gone (killed with -9, crashed) are removed when the
 * next one starts. Folders of running processes (another server on this machine) are left alone.
 * Once per process; returns the folder.
 */
export const usePrivateTempRoot = (o: {parent?: string} = {}): string => {
	if (mine) return mine;
	// A process started by one of ours inherits its TMPDIR: its folder goes beside the parent's,
	// not inside it (Chromium's socket paths must stay under the 108 characters a Unix socket takes).
	const parent = o.parent ?? tmpdir();
	const root = basename(dirname(parent)) === ROOT_NAME ? dirname(parent) : join(parent, ROOT_NAME);
	mkdirSync(root, {recursive: true});
	for (const entry of readdirSync(root)) {
		const pid = Number(/^(\d+)-/.exec(entry)?.[1] ?? NaN);
		if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) rmSync(join(root, entry), {recursive: true, force: true});
	}
	const dir = join(root, `${process.pid}-${randomBytes(4).toString('hex')}`);
	mkdirSync(dir, {recursive: true});
	process.env.TMPDIR = dir;
	process.env.TMP = dir;
	process.env.TEMP = dir;
	process.once('exit', () => rmSync(dir, {recursive: true, force: true}));
	mine = dir;
	return dir;
};
