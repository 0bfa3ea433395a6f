import {Writable} from 'node:stream';
import {StdioServerTransport} from '@modelcontextprotocol/sdk/server/stdio.js';
import pkg from '../../../package.json';
import type {JobsService} from '../../jobs';
import {createMcpServer} from './create-mcp-server';
import {stdioLineGuard} from './stdio-line-guard';

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
	const stdout = reserveStdout();
	// Whole lines only, oversized or too deep ones answered here (stdio-line-guard.ts).
	const lines = process.stdin.pipe(stdioLineGuard({reply: (line) => stdout.write(line)}));
	const transport = new StdioServerTransport(lines as unknown as typeof process.stdin, stdout);
	let resolveClosed: () => void = () => undefined;
	const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
	const close = async () => {
		lines.off('end', onEnd);
		await server.close().catch(() => undefined);
		resolveClosed();
	};
	const onEnd = () => void close();
	lines.once('end', onEnd);
	transport.onclose = () => resolveClosed();
	await server.connect(transport);
	return {closed, close};
};
