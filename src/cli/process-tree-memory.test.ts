import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {expect, it} from 'vitest';
import {processTree, pssOf, sampleTreeMemory} from './process-tree-memory';

// A real child holding 200 MB of written (so resident, unshared) memory: the tree finds it and the
// summed PSS counts it, the node process alone does not.
it('sums the PSS of a process and its children', async () => {
	const child = spawn(
		process.execPath,
		['-e', 'const b = Buffer.alloc(200 * 1024 * 1024, 1); console.log("ready"); setTimeout(() => b.length, 30000);'],
		{
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	try {
		await once(child.stdout!, 'data');
		expect(processTree(process.pid)).toContain(child.pid);
		const sampler = sampleTreeMemory(process.pid, 50);
		await new Promise((r) => setTimeout(r, 200));
		const {peakBytes, peakProcesses, samples} = sampler.stop();
		expect(samples).toBeGreaterThanOrEqual(2);
		expect(peakProcesses).toBeGreaterThanOrEqual(2);
		expect(pssOf(child.pid!)).toBeGreaterThan(190 * 1024 * 1024);
		expect(peakBytes).toBeGreaterThan(pssOf(process.pid) + 190 * 1024 * 1024);
	} finally {
		child.kill('SIGKILL');
	}
	expect(pssOf(2 ** 22 + 1)).toBe(0);
});
