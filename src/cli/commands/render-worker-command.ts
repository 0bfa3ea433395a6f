import {createRenderer, loadConfig} from '../../app';
import {runRenderWorker} from '../../pipeline/render/child';

/** How a server starts a render worker: this very CLI, `render-worker`. */
export const renderWorkerCommand = (): [string, ...string[]] => [process.execPath, process.argv[1]!, 'render-worker'];

/**
 * `promptreel render-worker` (hidden): the child process a server renders in
 * (src/pipeline/render/child). Renders what the parent asks over IPC with the renderer the
 * settings choose; exits when the parent disconnects or dies.
 */
export const runRenderWorkerCommand = async (): Promise<number> => {
	if (!process.send) {
		process.stderr.write('promptreel render-worker is started by `promptreel serve` and `promptreel mcp`, not by hand.\n');
		return 2;
	}
	const config = loadConfig();
	await runRenderWorker(createRenderer({config, dataDir: config.dataDir}));
	return 0;
};
