import type {McpServer} from '@modelcontextprotocol/sdk/server/mcp.js';
import {ErrorCode, McpError} from '@modelcontextprotocol/sdk/types.js';
import type {z} from 'zod';
import {publicMessage} from '../../jobs';
import {generateOptionsSchema} from '../../pipeline/generate';
import {PromptreelError, ValidationError, type IssueDetail} from '../../pipeline/errors';
import {requestIssues} from '../http-errors';
import {errorResult} from './mcp-results';

/** MCP's code for a resource that does not exist (the specification's "Resource not found"). */
export const RESOURCE_NOT_FOUND = -32002;

type RawHandler = (request: {method: string; params?: Record<string, unknown>}, extra: unknown) => Promise<unknown>;

const OPTION_KEYS = Object.keys(generateOptionsSchema.shape);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys a tool does not take, at the top and in `options`: named, never silently dropped. */
const unknownKeys = (schema: z.ZodObject, args: Record<string, unknown>): IssueDetail[] => {
	const known = Object.keys(schema.shape);
	const issues: IssueDetail[] = Object.keys(args)
		.filter((k) => !known.includes(k))
		.map((k) => ({path: k, message: `Unknown argument "${k}". This tool takes: ${known.join(', ') || 'no arguments'}.`}));
	if (known.includes('options') && isObject(args.options)) {
		for (const k of Object.keys(args.options)) {
			if (!OPTION_KEYS.includes(k))
				issues.push({path: `options.${k}`, message: `Unknown option "${k}". Options: ${OPTION_KEYS.join(', ')}.`});
		}
	}
	return issues;
};

/**
 * Puts our checks in front of the SDK's handlers (which would answer a null or non-object
 * `arguments` with a JSON-RPC internal error carrying a raw zod dump, drop unknown keys silently,
 * and turn a missing resource into an internal error):
 * - tools/call: `arguments` must be an object of the tool's keys and pass its schema, else an
 *   `isError` result in the REST error shape naming every path;
 * - resources/read: a missing job or file is MCP's "resource not found" (-32002), an unreadable URI
 *   invalid params, anything else an internal error whose detail stays in the log.
 * The SDK keeps its handlers in a private map (SDK 1.32, pinned); we wrap the ones it installed.
 */
export const guardMcpRequests = (server: McpServer, tools: Record<string, z.ZodObject>, log?: (message: string) => void): void => {
	const handlers = (server.server as unknown as {_requestHandlers: Map<string, RawHandler>})._requestHandlers;
	const callTool = handlers.get('tools/call');
	const readResource = handlers.get('resources/read');
	if (!callTool || !readResource) throw new Error('guardMcpRequests: register the tools and resources first');

	handlers.set('tools/call', async (request, extra) => {
		const name = request.params?.name;
		const schema = typeof name === 'string' ? tools[name] : undefined;
		if (schema) {
			const args = request.params?.arguments;
			if (args !== undefined && !isObject(args)) {
				const message = `arguments must be an object (got ${args === null ? 'null' : Array.isArray(args) ? 'an array' : typeof args}).`;
				return errorResult(new ValidationError(`Invalid arguments for ${name}: ${message}`, [{path: 'arguments', message}]));
			}
			// Every problem at once: unknown keys and what the schema finds elsewhere (a typo in the
			// options must not hide one in the storyboard).
			const unknown = unknownKeys(schema, args ?? {});
			const parsed = await schema.safeParseAsync(args ?? {});
			const found = parsed.success ? [] : requestIssues(parsed.error, 'arguments');
			const issues = [...unknown, ...found.filter((i) => !unknown.some((u) => u.path === i.path))];
			if (issues.length > 0) {
				const message = [...unknown.map((i) => i.message), ...found.map((i) => `${i.path}: ${i.message}`)].join(' ');
				return errorResult(new ValidationError(`Invalid arguments for ${name}: ${message}`, issues));
			}
		}
		return callTool(request, extra);
	});

	handlers.set('resources/read', async (request, extra) => {
		try {
			return await readResource(request, extra);
		} catch (error) {
			if (error instanceof McpError) throw error;
			if (error instanceof PromptreelError && error.code === 'NOT_FOUND')
				throw new McpError(RESOURCE_NOT_FOUND, publicMessage(error.message));
			if (error instanceof TypeError && /URL/i.test(error.message)) {
				throw new McpError(
					ErrorCode.InvalidParams,
					'Not a resource URI: use promptreel://videos/{id}/{name} as listed by resources/list or a tool result.',
				);
			}
			log?.(`mcp resources/read failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
			throw new McpError(ErrorCode.InternalError, 'Internal error (see the server log).');
		}
	});
};
