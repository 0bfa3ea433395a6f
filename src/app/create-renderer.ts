import {createLocalRenderer, createWebRenderer, type Renderer} from '../pipeline/render';
import type {PromptreelConfig} from './config';
import {createLambdaRendererFromConfig} from './lambda-from-config';

/**
 * The one place a Renderer is chosen (PROMPTREEL_RENDERER): every command, the job runner and the
 * MCP server get theirs from here, so a setting is honoured or refused, never ignored.
 */
export const createRenderer = (o: {
	config: Pick<PromptreelConfig, 'renderer' | 'browserExecutable' | 'remotionLicenseKey' | 'lambda'>;
	dataDir: string;
}): Renderer => {
	switch (o.config.renderer) {
		case 'local':
			return createLocalRenderer({cacheDir: o.dataDir, browserExecutable: o.config.browserExecutable});
		case 'web':
			// Templates that fail the web fidelity gate are rendered by capture, with a note in report.json.
			return createWebRenderer({
				cacheDir: o.dataDir,
				browserExecutable: o.config.browserExecutable,
				licenseKey: o.config.remotionLicenseKey ?? null,
			});
		case 'lambda':
			// Missing credentials fail here (exit 2); wrong ones at the first render's STS call, before any upload.
			return createLambdaRendererFromConfig({config: o.config, dataDir: o.dataDir});
	}
};
