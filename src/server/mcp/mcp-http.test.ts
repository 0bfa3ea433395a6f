import {createLocalRenderer} from '../../pipeline/render';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Client} from '@modelcontextprotocol/sdk/client/index.js';
import {StreamableHTTPClientTransport} from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type {Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {createAdaptorServer} from '@hono/node-server';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {checkCreateAndWait, checkOtherTools, checkResources, checkToolList} from '../../../test/support/mcp-checks';
import {shareTestBundle} from '../../../test/support/server-harness';
import {loadConfig} from '../../app/config';
import {buildApp} from '../build-app';
import {startServer, type RunningServer} from '../start-server';

// The SDK's own Client over Streamable HTTP against a real `serve` server (buildApp, one worker,
// the real renderer) listening on 127.0.0.1.
const dataDir = mkdtempSync(join(tmpdir(), 'promptreel-mcp-http-'));
let server: RunningServer;
let client: Client;

beforeAll(async () => {
	shareTestBundle(dataDir);
	server = await startServer({
		renderer: createLocalRenderer({cacheDir: dataDir}),
		host: '127.0.0.1',
		port: 0,
		dataDir,
		server: {...loadConfig({}).server, concurrency: 1},
		log: () => undefined,
	});
	client = new Client({name: 'promptreel-test', version: '1'});
	await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
});
afterAll(async () => {
	await client?.close();
	await server?.close({graceMs: 0});
	rmSync(dataDir, {recursive: true, force: true});
});

describe('MCP over Streamable HTTP (/mcp)', () => {
	let done: any;

	it('lists the eight tools with the REST schemas', async () => {
		await checkToolList(client);
	});

	it('create_video with wait renders a tiny storyboard, with progress notifications resetting the timeout', async () => {
		const {job} = await checkCreateAndWait(client, 'MCP over HTTP');
		done = job;
		// Over HTTP the job links point at the REST API.
		expect(job.links.self).toBe(`${server.url}/v1/videos/${job.id}`);
	});

	it('serves the files as resources', async () => {
		await checkResources(client, done);
	});

	it('get_video, cancel_video, list_templates, plan_storyboard and bad input', async () => {
		await checkOtherTools(client, done);
	});

	it('answers GET with 405 (stateless endpoint)', async () => {
		const res = await fetch(`${server.url}/mcp`, {headers: {accept: 'text/event-stream'}});
		expect(res.status).toBe(405);
	});

	it('takes the same API keys as the REST API', async () => {
		const app = buildApp({service: server.service, maxBodyBytes: 1_000_000, apiKeys: ['mcp-test-key']});
		const keyed = createAdaptorServer({fetch: app.fetch}) as Server;
		await new Promise<void>((resolve) => keyed.listen(0, '127.0.0.1', resolve));
		const url = new URL(`http://127.0.0.1:${(keyed.address() as AddressInfo).port}/mcp`);
		try {
			const anonymous = new Client({name: 'no-key', version: '1'});
			await expect(anonymous.connect(new StreamableHTTPClientTransport(url))).rejects.toThrow(/401|API key/);
			const wrong = new Client({name: 'wrong-key', version: '1'});
			await expect(
				wrong.connect(new StreamableHTTPClientTransport(url, {requestInit: {headers: {Authorization: 'Bearer nope'}}})),
			).rejects.toThrow(/401|not valid/);
			const keyedClient = new Client({name: 'keyed', version: '1'});
			await keyedClient.connect(new StreamableHTTPClientTransport(url, {requestInit: {headers: {Authorization: 'Bearer mcp-test-key'}}}));
			expect((await keyedClient.listTools()).tools).toHaveLength(8);
			await keyedClient.close();
		} finally {
			keyed.closeAllConnections();
			await new Promise((resolve) => keyed.close(resolve));
		}
	});
});
