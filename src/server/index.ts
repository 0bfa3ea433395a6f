export {buildApp} from './build-app';
export type {AppDeps} from './build-app';
export {startServer} from './start-server';
export type {StartServerOptions, RunningServer} from './start-server';
export {createMcpServer, mcpHttpHandler, runMcpStdio} from './mcp';
export {requireApiKey, keyFingerprint} from './require-api-key';
export {rateLimit} from './rate-limit';
export type {RateLimitOptions} from './rate-limit';
