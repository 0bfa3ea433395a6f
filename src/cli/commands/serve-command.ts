import {resolve} from 'node:path';
import {PromptreelError} from '../../pipeline/errors';
import {assertSharedStorage, createRenderer, loadConfig, providersFromConfig} from '../../app';
import {createLogger, startServer} from '../../server';
import {EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK} from '../exit-codes';
import {renderWorkerCommand} from './render-worker-command';

export type ServeFlags = {host: string; port?: string; dataDir?: string; allowOpen?: boolean; singleHost?: boolean};

/**
 * `promptreel serve`: the HTTP service. Prints `listening on http://HOST:PORT` when ready; on
 * SIGTERM/SIGINT it stops taking jobs, finishes or releases the running ones, and exits 0.
 */
export const serveCommand = async (flags: ServeFlags): Promise<number> => {
	let config;
	try {
		config = loadConfig();
		assertSharedStorage({config, singleHost: flags.singleHost === true});
	} catch (error) {
		process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
		return EXIT_BAD_INPUT;
	}
	const port = flags.port === undefined ? config.server.port : Number(flags.port);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		process.stderr.write(`--port must be a whole number from 0 to 65535, got "${flags.port}".\n`);
		return EXIT_BAD_INPUT;
	}
	const dataDir = flags.dataDir ? resolve(flags.dataDir) : config.dataDir;
	// JSON lines on stderr (readable on a terminal): README.md, "Running it for a team".
	const logger = createLogger(config.log);
	let server;
	try {
		const providers = providersFromConfig({...config, dataDir});
		logger.info(
			{providers: providers.summary},
			`planner: ${providers.summary.planner}; voice: ${providers.summary.voice}; visuals: ${providers.summary.visuals}`,
		);
		server = await startServer({
			logger,
			browserExecutable: config.browserExecutable,
			renderer: createRenderer({config, dataDir, workerCommand: renderWorkerCommand()}),
			host: flags.host,
			port,
			dataDir,
			server: {...config.server, allowOpen: config.server.allowOpen || flags.allowOpen === true},
			providers,
		});
	} catch (error) {
		const message = error instanceof PromptreelError || error instanceof Error ? error.message : String(error);
		process.stderr.write(`promptreel serve: ${message}\n`);
		return error instanceof PromptreelError && error.badInput ? EXIT_BAD_INPUT : EXIT_FAILURE;
	}
	logger.info(
		{dataDir, concurrency: config.server.concurrency, workerId: server.workerId, metricsUrl: server.metricsUrl},
		`data dir ${dataDir}; ${config.server.concurrency} worker(s) (${server.workerId})${server.metricsUrl ? `; metrics on ${server.metricsUrl}` : ''}`,
	);
	process.stdout.write(`listening on ${server.url}\n`);

	const running = server;
	return new Promise<number>((done) => {
		let signals = 0;
		const shutdown = (signal: NodeJS.Signals) => {
			signals++;
			if (signals > 1) {
				logger.warn(`${signal} again: exiting now; running jobs go back to the queue when their lease expires.`);
				process.exit(EXIT_FAILURE);
			}
			logger.info(`${signal}: finishing or releasing running jobs, then exiting`);
			const exit = (code: number) => {
				logger.info(`stopped (exit ${code})`);
				// Whatever handle a library leaves open must not keep a stopped server alive.
				setTimeout(() => process.exit(code), 500).unref();
				done(code);
			};
			running.close().then(
				() => exit(EXIT_OK),
				(error: unknown) => {
					logger.error(`shutdown failed: ${String(error)}`);
					exit(EXIT_FAILURE);
				},
			);
		};
		process.on('SIGTERM', shutdown);
		process.on('SIGINT', shutdown);
	});
};
