import {Writable} from 'node:stream';
import {StdioServerTransport} from '@modelcontextprotocol/sdk/server/stdio.js';
import pkg from '../../../package.json';
import type {JobsService} from '../../jobs';
import {createMcpServer} from './create-mcp-server';

/**
 * Over stdio, stdout is the protocol: one stray line from any library (Remotion's logger,
 * webpack, a console.log) breaks the client. This keeps the real stdout for MCP messages only
 * and sends every other write to it (console.log included) to stderr.
 */
const reserveStdout = (): Writable => {
	const write = process.stdout.write.bind(process.stdout);
	process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
	return new Writable({
		write(chunk: Buffer, _encoding, callback) {
			write(chunk, (error) => callback(error ?? null));
		},
	});
};

export type McpStdioSession = {
	/** Resolves when stdin ends (the client went away) or close() is called. */
	closed: Promise<void>;
	close: () => Promise<void>;
};

/** Serves the MCP tools over this process's stdin/stdout. */
export const runMcpStdio = async (deps: {service: JobsService; log: (message: string) => void}): Promise<McpStdioSession> => {
	const server = createMcpServer({service: deps.service, version: pkg.version, restBase: null, log: deps.log});
	const transport = new StdioServerTransport(process.stdin, reserveStdout());
	let resolveClosed: () => void = () => undefined;
	const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
	const close = async () => {
		process.stdin.off('end', onEnd);
		await server.close().catch(() => undefined);
		resolveClosed();
	};
	const onEnd = () => void close();
	process.stdin.once('end', onEnd);
	transport.onclose = () => resolveClosed();
	await server.connect(transport);
	return {closed, close};
};
