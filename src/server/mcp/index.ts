export {createMcpServer, MAX_INLINE_BYTES} from './create-mcp-server';
export type {McpServerDeps} from './create-mcp-server';
export {mcpHttpHandler} from './mcp-http-handler';
export type {McpHttpDeps} from './mcp-http-handler';
export {runMcpStdio} from './run-mcp-stdio';
export type {McpStdioSession} from './run-mcp-stdio';
