import {WebStandardStreamableHTTPServerTransport} from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type {Context} from 'hono';
import pkg from '../../../package.json';
import type {JobsService} from '../../jobs';
import {createMcpServer} from './create-mcp-server';

export type McpHttpDeps = {
	service: JobsService;
	/** Largest request body accepted (PROMPTREEL_MAX_BODY_BYTES); larger ones get 413. */
	maxBodyBytes: number;
	log?: (message: string) => void;
	/** Base of the REST links in tool results (PROMPTREEL_PUBLIC_URL or the listening address, never Host). */
	baseUrl: () => string;
};

const methodNotAllowed = () =>
	Response.json(
		{
			jsonrpc: '2.0',
			error: {code: -32000, message: 'Method not allowed: this MCP endpoint is stateless, send JSON-RPC with POST.'},
			id: null,
		},
		{status: 405, headers: {Allow: 'POST'}},
	);

/**
 * `/mcp` over Streamable HTTP, stateless: each POST gets a fresh server and transport (the
 * getServer() pattern), so any number of clients and server processes share nothing but the job
 * store. A tool call that waits streams its progress notifications on the POST's SSE response.
 */
export const mcpHttpHandler = (deps: McpHttpDeps) => async (c: Context) => {
	if (c.req.method !== 'POST') return methodNotAllowed();
	const server = createMcpServer({service: deps.service, version: pkg.version, restBase: deps.baseUrl(), log: deps.log});
	const transport = new WebStandardStreamableHTTPServerTransport({maxRequestBodySize: deps.maxBodyBytes});
	// A client that goes away cancels what its request was doing (a wait stops; the job goes on).
	c.req.raw.signal.addEventListener('abort', () => void server.close().catch(() => undefined), {once: true});
	await server.connect(transport);
	// The body guard (json-body-guard.ts) read the body already: hand the transport the parsed text.
	const cached = (c.req.bodyCache as {text?: Promise<string>}).text;
	if (cached === undefined) return transport.handleRequest(c.req.raw);
	let parsedBody: unknown;
	try {
		parsedBody = JSON.parse(await cached) as unknown;
	} catch {
		return Response.json(
			{jsonrpc: '2.0', error: {code: -32700, message: 'Parse error: the body is not valid JSON.'}, id: null},
			{status: 400},
		);
	}
	return transport.handleRequest(c.req.raw, {parsedBody});
};
