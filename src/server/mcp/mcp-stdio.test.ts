import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Client} from '@modelcontextprotocol/sdk/client/index.js';
import {StdioClientTransport} from '@modelcontextprotocol/sdk/client/stdio.js';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {checkCreateAndWait, checkOtherTools, checkResources, checkToolList} from '../../../test/support/mcp-checks';
import {shareTestBundle} from '../../../test/support/server-harness';
import {CLI} from '../../../test/support/test-env';

// The SDK's own Client spawns `promptreel mcp` (the built CLI) as a child process: it runs its own
// worker on a temp data dir, and its stdout must carry nothing but MCP messages.
const dataDir = mkdtempSync(join(tmpdir(), 'promptreel-mcp-stdio-'));
let client: Client;
let transport: StdioClientTransport;
let stderr = '';
const transportErrors: Error[] = [];

beforeAll(async () => {
	shareTestBundle(dataDir);
	transport = new StdioClientTransport({
		command: process.execPath,
		args: [CLI, 'mcp'],
		env: {...(process.env as Record<string, string>), PROMPTREEL_DATA_DIR: dataDir, PROMPTREEL_LEASE_SEC: '2'},
		stderr: 'pipe',
	});
	transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
	client = new Client({name: 'promptreel-test', version: '1'});
	client.onerror = (error) => transportErrors.push(error);
	await client.connect(transport);
});
afterAll(async () => {
	await client?.close().catch(() => undefined);
	rmSync(dataDir, {recursive: true, force: true});
});

const parents = (): Map<number, number> => {
	const map = new Map<number, number>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (fields[0] !== 'Z') map.set(Number(entry), Number(fields[1]));
		} catch {
			// Gone meanwhile.
		}
	}
	return map;
};
/** The process and every live descendant. */
const descendants = (pid: number): number[] => {
	const map = parents();
	const found = new Set([pid]);
	let grew = true;
	while (grew) {
		grew = false;
		for (const [child, parent] of map) {
			if (found.has(parent) && !found.has(child)) {
				found.add(child);
				grew = true;
			}
		}
	}
	return [...found];
};
const waitGone = async (pids: number[], ms: number): Promise<number[]> => {
	const end = Date.now() + ms;
	for (;;) {
		const live = parents();
		const left = pids.filter((p) => live.has(p));
		if (left.length === 0 || Date.now() > end) return left;
		await new Promise((r) => setTimeout(r, 100));
	}
};

describe('MCP over stdio (promptreel mcp)', () => {
	let done: any;

	it('lists the six tools with the REST schemas', async () => {
		await checkToolList(client);
	});

	it('create_video with wait renders a tiny storyboard in its own worker, with progress notifications', async () => {
		const {job} = await checkCreateAndWait(client, 'MCP over stdio');
		done = job;
		// No HTTP API over stdio: the job names itself as a resource.
		expect(job.links.self).toBe(`promptreel://videos/${job.id}`);
		expect(existsSync(join(dataDir, 'jobs.db'))).toBe(true);
	});

	it('serves the files as resources', async () => {
		await checkResources(client, done);
	});

	it('get_video, cancel_video, list_templates, plan_storyboard and bad input', async () => {
		await checkOtherTools(client, done);
	});

	it('kept stdout for MCP only (logs on stderr) and exits cleanly when stdin closes', async () => {
		expect(transportErrors).toEqual([]);
		expect(stderr).toMatch(/promptreel mcp on stdio/);
		const pid = transport.pid!;
		const family = descendants(pid);
		expect(family.length).toBeGreaterThan(1); // Chromium and its helpers
		const started = Date.now();
		await client.close();
		const left = await waitGone(family, 5000);
		expect(left).toEqual([]);
		// Within the SDK client's 2 s before it sends SIGTERM: the stdin close alone stopped it.
		expect(Date.now() - started).toBeLessThan(2000);
		expect(stderr).not.toMatch(/SIGTERM/);
		expect(stderr).toMatch(/stdin closed: releasing running jobs/);
	});
});
