import {PromptreelError} from '../pipeline/errors';
import {createLocalRenderer, createWebRenderer, type Renderer} from '../pipeline/render';
import type {PromptreelConfig} from './config';

/**
 * The one place a Renderer is chosen (PROMPTREEL_RENDERER): every command, the job runner and the
 * MCP server get theirs from here, so a setting is honoured or refused, never ignored.
 */
export const createRenderer = (o: {config: Pick<PromptreelConfig, 'renderer' | 'browserExecutable' | 'remotionLicenseKey'>; dataDir: string}): Renderer => {
	switch (o.config.renderer) {
		case 'local':
			return createLocalRenderer({cacheDir: o.dataDir, browserExecutable: o.config.browserExecutable});
		case 'web':
			// Templates that fail the web fidelity gate are rendered by capture, with a note in report.json.
			return createWebRenderer({cacheDir: o.dataDir, browserExecutable: o.config.browserExecutable, licenseKey: o.config.remotionLicenseKey ?? null});
		case 'lambda':
			throw new PromptreelError(
				'RENDERER_UNAVAILABLE',
				'PROMPTREEL_RENDERER=lambda: the Remotion Lambda renderer is not available yet. Unset PROMPTREEL_RENDERER (or set it to "local") to render on this machine.',
			);
	}
};
