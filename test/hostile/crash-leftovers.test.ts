import {existsSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {openSqliteJobStore} from '../../src/jobs/sqlite-job-store';
import {
	isRenderingFrames,
	renderWorkerPids,
	settleGroups,
	spawnServer,
	tinyStoryboard,
	waitForJob,
	type SpawnedServer,
} from '../support/server-harness';
import {printFigures} from './hostile-harness';

// Issue 13, items 6 and 7: a server killed with -9 mid-render and mid-webhook leaves its temp
// folders (browser profile, Remotion assets) in our own temp root, where the next start removes
// them; the webhook attempt that was in flight is on the job's record.
const dataDir = mkdtempSync(join(tmpdir(), 'promptreel-hostile-crash-'));
// Short: Chromium's socket paths under TMPDIR must fit a Unix socket's 108 characters.
const tmp = mkdtempSync('/tmp/prh-');
const servers: SpawnedServer[] = [];
let receiver: Server;
let requestsSeen = 0;
afterAll(async () => {
	for (const s of servers) await s.killHard().catch(() => undefined);
	receiver?.closeAllConnections();
	await new Promise((resolve) => receiver?.close(resolve));
	rmSync(dataDir, {recursive: true, force: true});
	rmSync(tmp, {recursive: true, force: true});
});

const folders = () => readdirSync(join(tmp, 'promptreel-tmp'));

describe('hostile input: kill -9 mid-render and mid-webhook', () => {
	it("cleans the dead process's temp folders at the next start and shows the webhook attempt in flight", async () => {
		// A receiver that takes the request and never answers: the server is killed while it waits.
		let arrived: () => void = () => undefined;
		const webhookArrived = new Promise<void>((resolve) => (arrived = resolve));
		receiver = createServer(() => {
			requestsSeen++;
			arrived();
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		const hook = `http://127.0.0.1:${(receiver.address() as {port: number}).port}/hook`;

		const env = {TMPDIR: tmp, PROMPTREEL_CONCURRENCY: '1', PROMPTREEL_ALLOW_PRIVATE_URLS: '1'};
		const first = await spawnServer({dataDir, env});
		servers.push(first);
		const created = await fetch(`${first.url}/v1/videos`, {
			method: 'POST',
			headers: {'content-type': 'application/json'},
			body: JSON.stringify({storyboard: tinyStoryboard('Crash leftovers', {durationMs: 20_000}), options: {quality: 'draft'}}),
		});
		const {id} = (await created.json()) as {id: string};
		await waitForJob(first.url, id, isRenderingFrames, 240_000, 200);
		// Meanwhile a job finished by another process on the data dir queues a webhook; this
		// server sends it, and is killed while the receiver holds the request.
		const store = openSqliteJobStore({file: join(dataDir, 'jobs.db')});
		const doneId = 'vid_' + 'b'.repeat(24);
		await store.insert(
			{
				id: doneId,
				kind: 'storyboard',
				input: {storyboard: tinyStoryboard('done') as never},
				options: {} as never,
				webhook: {url: hook},
				contentHash: null,
				maxAttempts: 1,
				timeoutMs: 60_000,
				done: {files: [], outputDir: dataDir, warnings: []},
			},
			Date.now(),
		);
		await store.close();

		await webhookArrived;
		// The server has its temp folder; the browser profile is in its render worker's.
		const mine = folders().filter((f) => f.startsWith(`${first.pid}-`));
		expect(mine).toHaveLength(1);
		const [worker] = renderWorkerPids(first.pid);
		expect(worker, 'the render worker of the first server').toBeDefined();
		const workers = folders().filter((f) => f.startsWith(`${worker}-`));
		expect(workers).toHaveLength(1);
		const inside = readdirSync(join(tmp, 'promptreel-tmp', workers[0]!));
		expect(inside.some((f) => f.startsWith('puppeteer_dev_chrome_profile-'))).toBe(true);
		// Nothing of ours lands beside it in the temp dir.
		expect(readdirSync(tmp).filter((f) => f !== 'promptreel-tmp')).toEqual([]);
		const groups = first.groups();
		await first.killHard();
		expect(await settleGroups(groups)).toEqual([]);
		expect(existsSync(join(tmp, 'promptreel-tmp', mine[0]!))).toBe(true);
		expect(existsSync(join(tmp, 'promptreel-tmp', workers[0]!))).toBe(true);

		const check = openSqliteJobStore({file: join(dataDir, 'jobs.db')});
		const attempts = (await check.get(doneId))!.webhookDeliveries[0]!.attempts;
		await check.close();
		expect(attempts).toEqual([
			{attempt: 1, at: expect.any(Number), status: null, error: expect.stringMatching(/^no answer recorded: the sending process stopped/)},
		]);

		const second = await spawnServer({dataDir, env});
		servers.push(second);
		const left = folders();
		printFigures('crash leftovers', {
			leftoverItemsBeforeRestart: inside.length,
			deadFoldersAfterRestart: left.filter((f) => f.startsWith(`${first.pid}-`) || f.startsWith(`${worker}-`)).length,
			webhookAttemptsRecorded: attempts.length,
			webhookRequestsSeen: requestsSeen,
		});
		expect(left.filter((f) => f.startsWith(`${first.pid}-`) || f.startsWith(`${worker}-`))).toEqual([]);
		expect(left.filter((f) => f.startsWith(`${second.pid}-`))).toHaveLength(1);
		await second.terminate();
	}, 400_000);
});
