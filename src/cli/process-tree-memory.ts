import {readdirSync, readFileSync} from 'node:fs';

/** The pids of a process and all its descendants, read from /proc (Linux). */
export const processTree = (root: number): number[] => {
	const children = new Map<number, number[]>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			// "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			const list = children.get(ppid) ?? [];
			list.push(Number(entry));
			children.set(ppid, list);
		} catch {
			// The process ended while we looked.
		}
	}
	const tree: number[] = [];
	const queue = [root];
	while (queue.length > 0) {
		const pid = queue.pop()!;
		tree.push(pid);
		queue.push(...(children.get(pid) ?? []));
	}
	return tree;
};

/** Proportional set size of one process in bytes (shared pages split between their users), or 0 when it is gone. */
export const pssOf = (pid: number): number => {
	try {
		const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
		const kb = /^Pss:\s+(\d+) kB/m.exec(rollup)?.[1];
		return kb ? Number(kb) * 1024 : 0;
	} catch {
		return 0;
	}
};

export type MemorySampler = {
	/** Stops sampling; resolves to the peak summed PSS in bytes and how many processes the tree had at most. */
	stop(): {peakBytes: number; peakProcesses: number; samples: number};
};

/**
 * Samples the summed PSS of a process tree (node and every browser or ffmpeg child) every
 * `intervalMs`: the memory a render really takes, with shared libraries counted once. PSS, not
 * RSS: Chromium's many processes share most of their pages.
 */
export const sampleTreeMemory = (root = process.pid, intervalMs = 250): MemorySampler => {
	let peakBytes = 0;
	let peakProcesses = 0;
	let samples = 0;
	const sample = () => {
		const pids = processTree(root);
		const total = pids.reduce((sum, pid) => sum + pssOf(pid), 0);
		peakBytes = Math.max(peakBytes, total);
		peakProcesses = Math.max(peakProcesses, pids.length);
		samples++;
	};
	sample();
	const timer = setInterval(sample, intervalMs);
	return {
		stop() {
			clearInterval(timer);
			sample();
			return {peakBytes, peakProcesses, samples};
		},
	};
};
