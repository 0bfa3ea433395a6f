import {resolve} from 'node:path';
import {PromptreelError} from '../../pipeline/errors';
import {createRenderer, loadConfig, providersFromConfig} from '../../app';
import {openJobsRuntime} from '../../jobs';
import {createLogger, jobsLogOf, runMcpStdio} from '../../server';
import {EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK} from '../exit-codes';
import {renderWorkerCommand} from './render-worker-command';

export type McpFlags = {dataDir?: string};

const plainLog = (message: string) => process.stderr.write(`${new Date().toISOString()} ${message}\n`);

/**
 * `promptreel mcp`: the MCP tools over stdio, for an agent that starts us as its child. It runs its
 * own worker on the data dir (jobs are shared with a `serve` on the same dir through SQLite leases).
 * stdout carries only MCP messages; every log goes to stderr. When stdin closes or on SIGTERM/SIGINT,
 * running jobs go back to the queue at once (a client kills a slow child after ~2 s).
 */
export const mcpCommand = async (flags: McpFlags): Promise<number> => {
	let config;
	try {
		config = loadConfig();
	} catch (error) {
		plainLog(error instanceof Error ? error.message : String(error));
		return EXIT_BAD_INPUT;
	}
	// Logs on stderr: stdout is the MCP protocol.
	const log = jobsLogOf(createLogger(config.log));
	const dataDir = flags.dataDir ? resolve(flags.dataDir) : config.dataDir;
	let runtime;
	let session;
	try {
		const providers = providersFromConfig({...config, dataDir});
		runtime = openJobsRuntime({
			renderer: createRenderer({config, dataDir, workerCommand: renderWorkerCommand()}),
			dataDir,
			server: config.server,
			providers,
			log,
		});
		session = await runMcpStdio({service: runtime.service, log});
		runtime.start();
		log(
			`promptreel mcp on stdio; data dir ${dataDir}; ${config.server.concurrency} worker(s) (${runtime.workerId}); planner: ${providers.summary.planner}; voice: ${providers.summary.voice}`,
		);
	} catch (error) {
		log(`promptreel mcp: ${error instanceof PromptreelError || error instanceof Error ? error.message : String(error)}`);
		await runtime?.close({graceMs: 0}).catch(() => undefined);
		return error instanceof PromptreelError && error.badInput ? EXIT_BAD_INPUT : EXIT_FAILURE;
	}
	const running = runtime;
	const mcp = session;

	return new Promise<number>((done) => {
		let stopping = false;
		const stop = (why: string) => {
			if (stopping) {
				log(`${why} again: exiting now; running jobs go back to the queue when their lease expires.`);
				process.exit(EXIT_FAILURE);
			}
			stopping = true;
			log(`${why}: releasing running jobs, then exiting`);
			const exit = (code: number) => {
				// Whatever handle a library leaves open must not keep a stopped process alive.
				setTimeout(() => process.exit(code), 500).unref();
				done(code);
			};
			Promise.all([mcp.close(), running.close({graceMs: 0})]).then(
				() => exit(EXIT_OK),
				(error: unknown) => {
					log(`shutdown failed: ${String(error)}`);
					exit(EXIT_FAILURE);
				},
			);
		};
		void mcp.closed.then(() => stop('stdin closed'));
		process.on('SIGTERM', () => stop('SIGTERM'));
		process.on('SIGINT', () => stop('SIGINT'));
	});
};
