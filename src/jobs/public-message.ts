import {basename} from 'node:path';

const MAX_CHARS = 1000;

// An absolute POSIX path not inside a URL: after a start, a space, a quote, a bracket or "=".
const ABSOLUTE_PATH = /(?<![\w:/.~-])\/(?:[\w.@+%~-]+\/)+[\w.@+%~-]*/g;
// What a child process failure or a crash appends: the command line, stacks, Rust backtraces.
const NOISE_LINE = /^\s*(at\s|stack backtrace:|\d+:\s|note: run with|thread '|Command failed:|\[[\w ]+ @ 0x)/;

/**
 * A message as callers see it (job errors and warnings, error responses): without absolute paths
 * of this machine (a file's name is kept), command lines, stack traces or backtraces, and at most
 * 1000 characters. The full message stays in the server log. Host names and process ids are never
 * written into messages in the first place.
 */
export const publicMessage = (message: string): string => {
	const lines = message
		.replace(/Command failed: [^\n]*/g, '')
		.split('\n')
		.filter((line) => line.trim() !== '' && !NOISE_LINE.test(line));
	const text = lines
		.slice(0, 3)
		.join(' ')
		.replace(ABSOLUTE_PATH, (path) => basename(path) || '(a path)')
		.replace(/\s+/g, ' ')
		.trim();
	return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
};
