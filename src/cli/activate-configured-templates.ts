import {resolve} from 'node:path';
import {readEffectiveSettings} from '../app';
import {activateUserTemplates} from '../pipeline/templates';

/**
 * Before a command runs: the templates of PROMPTREEL_TEMPLATES_DIR (environment, .env or the
 * settings file) join the registry and every bundle this process makes. A settings file that does
 * not parse is left to the command, which reports it in its own way.
 */
export const activateConfiguredTemplates = async (): Promise<void> => {
	let dir: string | undefined;
	try {
		dir = readEffectiveSettings().values.PROMPTREEL_TEMPLATES_DIR?.trim();
	} catch {
		return;
	}
	if (dir) await activateUserTemplates(resolve(dir));
};
