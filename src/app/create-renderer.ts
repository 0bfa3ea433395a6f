import {PromptreelError} from '../pipeline/errors';
import {createLocalRenderer, type Renderer} from '../pipeline/render';
import type {PromptreelConfig} from './config';

/**
 * The one place a Renderer is chosen (PROMPTREEL_RENDERER): every command, the job runner and the
 * MCP server get theirs from here, so a setting is honoured or refused, never ignored.
 */
export const createRenderer = (o: {config: Pick<PromptreelConfig, 'renderer' | 'browserExecutable'>; dataDir: string}): Renderer => {
	switch (o.config.renderer) {
		case 'local':
			return createLocalRenderer({cacheDir: o.dataDir, browserExecutable: o.config.browserExecutable});
		case 'lambda':
			throw new PromptreelError(
				'RENDERER_UNAVAILABLE',
				'PROMPTREEL_RENDERER=lambda: the Remotion Lambda renderer is not available yet. Unset PROMPTREEL_RENDERER (or set it to "local") to render on this machine.',
			);
	}
};
