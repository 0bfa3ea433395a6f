import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {tinyStoryboard} from '../support/server-harness';
import {printFigures, seededRandom, startHostileServer, type HostileServer, type Random} from './hostile-harness';

// Issue 13: >= 1,000 generated bodies across every route, from a fixed seed, against a real server
// on loopback (no worker: jobs are accepted, never rendered). No answer may be a 5xx, and nothing
// may be logged as an internal error.
const SEED = 13;
const REQUESTS = 1200;
const MAX_BODY = 200_000;

let server: HostileServer;
const logged: string[] = [];
beforeAll(async () => {
	server = await startHostileServer({env: {PROMPTREEL_MAX_BODY_BYTES: String(MAX_BODY)}, log: (m) => logged.push(m)});
});
afterAll(async () => {
	await server?.stop();
});

const deepArrays = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

/** Values that break naive code: wrong types, extremes, paths, private URLs, control characters. */
const hostileValue = (r: Random): unknown =>
	r.pick<() => unknown>([
		() => null,
		() => -1,
		() => 0,
		() => 1e308,
		() => -0.000001,
		() => 2 ** 53 + 1,
		() => true,
		() => '',
		() => ' ',
		() => '\u0000\u0000',
		() => '\u202e\ud83d\ude00',
		() => 'x'.repeat(r.int(1000, 30_000)),
		() => '../../../etc/passwd',
		() => '/etc/passwd',
		() => 'file:///etc/passwd',
		() => 'https://127.0.0.1/x.png',
		() => 'https://[::127.0.0.1]/x.png',
		() => 'https://[64:ff9b::7f00:1]/x.mp3',
		() => 'https://localhost./x.mp3',
		() => 'http://169.254.169.254/latest/meta-data',
		() => 'asset:ast_000000000000000000000000',
		() => '--help',
		() => ({}),
		() => [],
		() => [[[[[[[[[[[]]]]]]]]]]],
		() => ({__proto__: {polluted: true}, constructor: {prototype: {x: 1}}}),
		() => ({kind: 'video', src: 'https://example.com/a.mp4'}),
		() => Array.from({length: r.int(1, 300)}, (_, i) => i),
	])();

/** Every path of a JSON value (objects and arrays), for mutations. */
const pathsOf = (value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] => {
	if (typeof value !== 'object' || value === null || prefix.length > 8) return out;
	for (const [k, v] of Object.entries(value)) {
		const path = [...prefix, Array.isArray(value) ? Number(k) : k];
		out.push(path);
		pathsOf(v, path, out);
	}
	return out;
};

const mutate = (r: Random, base: unknown): unknown => {
	const copy = structuredClone(base) as Record<string, unknown>;
	const n = r.int(1, 4);
	for (let i = 0; i < n; i++) {
		const paths = pathsOf(copy);
		if (paths.length === 0) break;
		const path = r.pick(paths);
		let holder: any = copy;
		for (const key of path.slice(0, -1)) holder = holder[key];
		const last = path[path.length - 1]!;
		const op = r.int(0, 3);
		if (op === 0) delete holder[last];
		else if (op === 1) holder[`unknown_${r.int(0, 99)}`] = hostileValue(r);
		else holder[last] = hostileValue(r);
	}
	return copy;
};

const validBodies = (r: Random) => [
	{storyboard: tinyStoryboard(`fuzz ${r.int(0, 1e9)}`), options: {quality: 'draft'}},
	{
		prompt: 'Three tips for better sleep: 1. a dark room 2. no screens 3. the same hour every night.',
		options: {quality: 'draft', seed: r.int(0, 9)},
	},
	{
		storyboard: {
			...tinyStoryboard(`fuzz media ${r.int(0, 1e9)}`),
			music: {src: 'https://example.com/m.mp3', durationMs: 1000},
			theme: {logo: 'https://example.com/logo.png'},
		},
		webhook: {url: 'https://example.com/hook', metadata: {order: r.int(0, 99)}},
	},
];

type Req = {method: string; path: string; headers?: Record<string, string>; body?: string | Uint8Array};

const jsonText = (r: Random, value: unknown): string => {
	const text = JSON.stringify(value) ?? 'null';
	switch (r.int(0, 19)) {
		case 0:
			return text.slice(0, r.int(0, text.length));
		case 1:
			return `${text}}garbage`;
		case 2:
			return `\ufeff${text}`;
		case 3:
			return text.replace(/"/g, "'");
		case 4:
			return `{"unknown":${deepArrays(r.int(100, 6000))},"prompt":"hi"}`;
		case 5:
			return `{"prompt":"${'y'.repeat(MAX_BODY + 10)}"}`;
		default:
			return text;
	}
};

const PATHS_OF_IDS = [
	'vid_0123456789abcdef01234567',
	'vid_x',
	'..%2F..%2Fetc%2Fpasswd',
	'%00',
	'a'.repeat(3000),
	'vid_' + 'f'.repeat(24),
	'🎬',
	'%E0%A4%A',
];
const FILE_NAMES = ['video.mp4', 'report.json', '..%2Fjobs.db', 'jobs.db', '%2e%2e', 'poster.jpg', ''];

const requestFor = (r: Random, i: number, created: string[]): Req => {
	const json = (path: string, value: unknown, extra: Record<string, string> = {}): Req => ({
		method: 'POST',
		path,
		headers: {
			'content-type': r.pick([
				'application/json',
				'application/json',
				'application/json; charset=utf-8',
				'text/plain',
				'application/x-www-form-urlencoded',
			]),
			...extra,
		},
		body: jsonText(r, value),
	});
	const id = () => (created.length > 0 && r.chance(0.3) ? r.pick(created) : r.pick(PATHS_OF_IDS));
	switch (i % 12) {
		case 0:
		case 1:
		case 2:
		case 3: {
			const base = r.pick(validBodies(r));
			const body = r.chance(0.15) ? hostileValue(r) : r.chance(0.8) ? mutate(r, base) : base;
			const key = r.chance(0.3)
				? {'idempotency-key': r.pick(['k1', 'k2', `k${r.int(0, 5)}`, 'x'.repeat(300), ' ', 'ключ'.replace(/[^\x20-\x7e]/g, '?')])}
				: undefined;
			return json('/v1/videos', body, key);
		}
		case 4:
			return json(
				'/v1/storyboards',
				r.chance(0.3)
					? {prompt: hostileValue(r), options: mutate(r, {template: 'explainer', voice: 'auto'})}
					: mutate(r, {prompt: 'A short topic: volcanoes.', options: {}}),
			);
		case 5: {
			const magic = r.pick([
				[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
				[0xff, 0xd8, 0xff],
				[0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
				[0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d],
				[0x49, 0x44, 0x33],
				[],
			]);
			const bytes = new Uint8Array(magic.length + r.int(0, 4000));
			bytes.set(magic);
			for (let k = magic.length; k < bytes.length; k++) bytes[k] = r.int(0, 255);
			const multipart = r.chance(0.3);
			if (multipart) {
				const boundary = 'fuzzboundary';
				const head = `--${boundary}\r\nContent-Disposition: form-data; name="${r.pick(['file', 'other'])}"; filename="a.png"\r\n\r\n`;
				const body = Buffer.concat([Buffer.from(head), bytes, Buffer.from(r.chance(0.5) ? `\r\n--${boundary}--\r\n` : '')]);
				return {method: 'POST', path: '/v1/assets', headers: {'content-type': `multipart/form-data; boundary=${boundary}`}, body: body};
			}
			return {
				method: 'POST',
				path: '/v1/assets',
				headers: {'content-type': r.pick(['image/png', 'application/octet-stream', 'video/mp4'])},
				body: bytes,
			};
		}
		case 6: {
			const q = [
				`status=${r.pick(['queued', 'done', 'nope', '', 'queued,failed', '%00'])}`,
				`limit=${r.pick(['1', '0', '-5', '1e9', 'abc', '100', '101'])}`,
				`cursor=${r.pick(['', 'czox', 'czo5OTk5OTk5OTk5OTk5OTk5', '!!!', 'a'.repeat(500)])}`,
			];
			return {method: 'GET', path: `/v1/videos?${q.filter(() => r.chance(0.6)).join('&')}`};
		}
		case 7: {
			const which = r.int(0, 3);
			if (which === 0) return {method: 'GET', path: `/v1/videos/${id()}`};
			if (which === 1)
				return {
					method: 'POST',
					path: `/v1/videos/${id()}/cancel`,
					body: r.chance(0.5) ? '{}' : undefined,
					headers: {'content-type': 'application/json'},
				};
			if (which === 2) return {method: 'DELETE', path: `/v1/videos/${id()}`};
			return {method: 'GET', path: `/v1/assets/${r.pick(['ast_0123456789abcdef01234567', 'x', '../jobs.db', 'ast_'])}`};
		}
		case 8:
			return {
				method: r.pick(['GET', 'HEAD']),
				path: `/v1/videos/${id()}/files/${r.pick(FILE_NAMES)}`,
				headers: r.chance(0.6)
					? {range: r.pick(['bytes=0-10', 'bytes=-1', 'bytes=99999999-', 'bytes=5-1', 'items=1-2', 'bytes=0-1,2-3'])}
					: {},
			};
		case 9:
			// Events of jobs that do not exist (a queued one would stream until it ends).
			return {
				method: 'GET',
				path: `/v1/videos/${r.pick(PATHS_OF_IDS)}/events?lastEventId=${r.pick(['0', '-1', 'abc', '1e99', ''])}`,
				headers: {'last-event-id': r.pick(['1', 'x', '-3', '99999999999999999999'])},
			};
		case 10: {
			const method = r.pick([
				'initialize',
				'tools/list',
				'tools/call',
				'tools/call',
				'tools/call',
				'resources/read',
				'resources/list',
				'nope',
				'ping',
			]);
			const params =
				method === 'tools/call'
					? {
							name: r.pick(['create_video', 'render_storyboard', 'get_video', 'cancel_video', 'plan_storyboard', 'list_templates', 'nope']),
							arguments: r.chance(0.3) ? hostileValue(r) : mutate(r, r.pick(validBodies(r))),
						}
					: method === 'resources/read'
						? {
								uri: r.pick([
									'promptreel://videos/vid_0123456789abcdef01234567/video.mp4',
									'promptreel://videos/x/y',
									'not a uri',
									'file:///etc/passwd',
									'',
								]),
							}
						: method === 'initialize'
							? {protocolVersion: '2025-06-18', capabilities: {}, clientInfo: {name: 'fuzz', version: '1'}}
							: r.chance(0.5)
								? hostileValue(r)
								: {};
			const message = r.chance(0.1) ? hostileValue(r) : {jsonrpc: '2.0', id: r.chance(0.9) ? i : null, method, params};
			return {
				...json('/mcp', message, {accept: 'application/json, text/event-stream'}),
				headers: {'content-type': 'application/json', accept: 'application/json, text/event-stream'},
			};
		}
		default:
			return r.pick<Req>([
				{method: 'GET', path: '/v1/health'},
				{method: 'GET', path: '/v1/templates'},
				{method: 'GET', path: '/v1/openapi.json'},
				{method: 'GET', path: '/docs'},
				{method: 'PUT', path: '/v1/videos', headers: {'content-type': 'application/json'}, body: '{}'},
				{method: 'PATCH', path: `/v1/videos/${r.pick(PATHS_OF_IDS)}`},
				{method: 'GET', path: '/mcp'},
				{method: 'DELETE', path: '/mcp'},
				{method: 'GET', path: `/${'../'.repeat(r.int(1, 5))}etc/passwd`},
				{method: 'OPTIONS', path: '/v1/videos'},
				{method: 'POST', path: '/v1/videos'},
			]);
	}
};

describe('hostile input: fuzzing every route (fixed seed)', () => {
	it(`answers ${REQUESTS} generated requests without a single 5xx`, async () => {
		const r = seededRandom(SEED);
		const statuses: Record<number, number> = {};
		const fiveXX: string[] = [];
		const created: string[] = [];
		let sent = 0;
		let closedAfter413 = 0;
		const started = Date.now();
		const requests = Array.from({length: REQUESTS}, (_, i) => i);
		// Eight at a time: enough concurrency to mix requests, little enough for a shared machine.
		for (let at = 0; at < requests.length; at += 8) {
			const batch = requests.slice(at, at + 8).map((i) => requestFor(r, i, created));
			await Promise.all(
				batch.map(async (q) => {
					let res: Response;
					let text: string;
					try {
						res = await fetch(`${server.url}${q.path}`, {
							method: q.method,
							headers: q.headers,
							body: q.body as BodyInit | undefined,
							signal: AbortSignal.timeout(30_000),
						});
						text = q.method === 'HEAD' ? '' : await res.text();
					} catch (error) {
						// A body over the limit is answered 413 from its Content-Length and the connection
						// closed before the client finished sending it: the client sees the close, not the 413.
						const cause = (error as {cause?: {code?: string; socket?: {bytesRead?: number}}}).cause;
						const size = typeof q.body === 'string' ? Buffer.byteLength(q.body) : (q.body?.length ?? 0);
						if (cause?.code === 'UND_ERR_SOCKET' && size > MAX_BODY && (cause.socket?.bytesRead ?? 0) > 0) {
							sent++;
							closedAfter413++;
							return;
						}
						throw new Error(
							`${q.method} ${q.path.slice(0, 80)} (${size} bytes, ${JSON.stringify(q.headers)}): ${String(error)} ${String(cause?.code)}`,
						);
					}
					sent++;
					statuses[res.status] = (statuses[res.status] ?? 0) + 1;
					if (res.status >= 500) fiveXX.push(`${q.method} ${q.path.slice(0, 80)} -> ${res.status} ${text.slice(0, 200)}`);
					if (res.status === 202 && q.path === '/v1/videos') created.push((JSON.parse(text) as {id: string}).id);
				}),
			);
		}
		const internal = logged.filter((m) => /INTERNAL|RangeError|TypeError|stack/i.test(m));
		printFigures('fuzz', {
			seed: SEED,
			requests: sent,
			statuses,
			'5xx': fiveXX.length,
			closedAfter413,
			internalErrorsLogged: internal.length,
			jobsAccepted: created.length,
			seconds: Math.round((Date.now() - started) / 1000),
		});
		expect(sent).toBeGreaterThanOrEqual(1000);
		expect(fiveXX).toEqual([]);
		expect(internal).toEqual([]);
	}, 600_000);
});
