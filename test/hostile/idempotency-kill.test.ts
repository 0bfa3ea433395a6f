import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {spawnServer, tinyStoryboard, type SpawnedServer} from '../support/server-harness';
import {printFigures, seededRandom} from './hostile-harness';

// Issue 13, item 2: keyed POSTs in flight when the server is killed with -9 (its whole process
// group, as a crash would) must leave no key stuck: after a restart every repeat is answered
// 202 (the job made before the kill, or a new one), never 409, and no key has two jobs.
const SEED = 2;
const ROUNDS = 2;
const KEYS = 20;

const dirs: string[] = [];
const servers: SpawnedServer[] = [];
afterAll(async () => {
	for (const s of servers) await s.killHard().catch(() => undefined);
	for (const d of dirs) rmSync(d, {recursive: true, force: true});
});

const post = (url: string, key: string, body: unknown) =>
	fetch(`${url}/v1/videos`, {
		method: 'POST',
		headers: {'content-type': 'application/json', 'idempotency-key': key},
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(20_000),
	});

describe('hostile input: kill -9 during keyed submissions', () => {
	it(`leaves 0 stuck Idempotency-Keys over ${ROUNDS} rounds of ${KEYS} keys`, async () => {
		const r = seededRandom(SEED);
		let stuck = 0;
		let answeredBeforeKill = 0;
		let replayedAfter = 0;
		let createdAfter = 0;
		let duplicates = 0;
		const killDelays: number[] = [];
		for (let round = 0; round < ROUNDS; round++) {
			const dataDir = mkdtempSync(join(tmpdir(), 'promptreel-hostile-kill-'));
			dirs.push(dataDir);
			const env = {PROMPTREEL_CONCURRENCY: '0'};
			const first = await spawnServer({dataDir, env});
			servers.push(first);
			// Large storyboards (150 scenes) take the server a moment each, so the answers are spread out.
			const bodies = Array.from({length: KEYS}, (_, i) => ({
				storyboard: tinyStoryboard(`kill ${round} ${i}`, {scenes: 150}),
				options: {quality: 'draft'},
			}));
			const before = new Map<string, string>();
			// The kill lands while the batch is being processed: between half the time the server took
			// to answer a first (calibration) batch and all of it, measured on this machine, so some
			// requests are answered, some half done (validated, being inserted), some not read yet.
			const calibration = Date.now();
			await Promise.all(bodies.map((body, i) => post(first.url, `warmup-${round}-${i}`, {...body, options: {quality: 'standard'}})));
			const took = Date.now() - calibration;
			const delay = Math.round(took * (0.3 + 0.7 * r.next()));
			killDelays.push(delay);
			const inFlight = bodies.map((body, i) =>
				post(first.url, `key-${round}-${i}`, body)
					.then(async (res) => {
						if (res.status === 202) before.set(`key-${round}-${i}`, ((await res.json()) as {id: string}).id);
					})
					.catch(() => undefined),
			);
			await new Promise((resolve) => setTimeout(resolve, delay));
			await first.killHard();
			await Promise.all(inFlight);
			answeredBeforeKill += before.size;

			const second = await spawnServer({dataDir, env});
			servers.push(second);
			for (const [i, body] of bodies.entries()) {
				const key = `key-${round}-${i}`;
				const res = await post(second.url, key, body);
				const json = (await res.json()) as {id: string};
				if (res.status === 409) stuck++;
				else {
					expect(res.status, JSON.stringify(json)).toBe(202);
					if (res.headers.get('idempotent-replayed') === 'true') replayedAfter++;
					else createdAfter++;
					// A key answered before the kill names the same job after it.
					if (before.has(key)) expect(json.id).toBe(before.get(key));
				}
			}
			const list = (await (await fetch(`${second.url}/v1/videos?limit=100`)).json()) as {data: {id: string}[]};
			// One job per key at most: a job made before the kill is never made again.
			duplicates += Math.max(0, list.data.length - 2 * KEYS);
			await second.terminate();
		}
		printFigures('idempotency kill -9', {
			seed: SEED,
			rounds: ROUNDS,
			keysPerRound: KEYS,
			killAfterMs: killDelays,
			answeredBeforeKill,
			replayedAfterRestart: replayedAfter,
			createdAfterRestart: createdAfter,
			stuckKeys: stuck,
			extraJobs: duplicates,
		});
		expect(stuck).toBe(0);
		expect(duplicates).toBe(0);
	}, 180_000);
});
