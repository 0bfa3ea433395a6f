import {createLocalRenderer, createWebRenderer, type Renderer} from '../pipeline/render';
import {createChildProcessRenderer} from '../pipeline/render/child';
import type {PromptreelConfig} from './config';
import {createLambdaRendererFromConfig} from './lambda-from-config';

/**
 * The one place a Renderer is chosen (PROMPTREEL_RENDERER): every command, the job runner and the
 * MCP server get theirs from here, so a setting is honoured or refused, never ignored.
 */
export const createRenderer = (o: {
	config: Pick<PromptreelConfig, 'renderer' | 'browserExecutable' | 'remotionLicenseKey' | 'lambda' | 'renderInProcess' | 'renderChunkSec'>;
	dataDir: string;
	/**
	 * For servers (serve, mcp): render in child processes started with this command (the CLI's
	 * `render-worker`), unless PROMPTREEL_RENDER_IN_PROCESS says otherwise. A crashing render then
	 * cannot take the server down, and its event loop stays free for requests.
	 */
	workerCommand?: readonly [string, ...string[]];
}): Renderer => {
	if (o.workerCommand && !o.config.renderInProcess) {
		return createChildProcessRenderer({
			rendererId: o.config.renderer,
			command: o.workerCommand,
			// The same renderer and data dir as this process, whatever flag or file chose them.
			env: {...process.env, PROMPTREEL_RENDERER: o.config.renderer, PROMPTREEL_DATA_DIR: o.dataDir},
		});
	}
	switch (o.config.renderer) {
		case 'local':
			return createLocalRenderer({
				cacheDir: o.dataDir,
				browserExecutable: o.config.browserExecutable,
				chunkSeconds: o.config.renderChunkSec,
			});
		case 'web':
			// Templates that fail the web fidelity gate are rendered by capture, with a note in report.json.
			return createWebRenderer({
				cacheDir: o.dataDir,
				browserExecutable: o.config.browserExecutable,
				licenseKey: o.config.remotionLicenseKey ?? null,
				chunkSeconds: o.config.renderChunkSec,
			});
		case 'lambda':
			// Missing credentials fail here (exit 2); wrong ones at the first render's STS call, before any upload.
			return createLambdaRendererFromConfig({config: o.config, dataDir: o.dataDir});
	}
};
