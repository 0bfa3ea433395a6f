import {describeSettings, formatSettings, readEffectiveSettings} from '../../app';
import {EXIT_BAD_INPUT, EXIT_OK} from '../exit-codes';

export type ConfigFlags = {json?: boolean; all?: boolean};

/**
 * `promptreel config`: every setting in effect and where it came from (environment, .env,
 * promptreel.config.json or default), secrets masked. A wrong file (an unknown key, bad JSON)
 * exits 2 naming it.
 */
export const configCommand = (flags: ConfigFlags): number => {
	let settings;
	try {
		settings = readEffectiveSettings();
	} catch (error) {
		process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
		return EXIT_BAD_INPUT;
	}
	const rows = describeSettings(settings);
	if (flags.json) {
		process.stdout.write(`${JSON.stringify({files: settings.files, settings: rows}, null, 2)}\n`);
		return EXIT_OK;
	}
	const files = [
		`settings file: ${settings.files.config ?? 'none (promptreel.config.json not found)'}`,
		`.env: ${settings.files.dotenv ?? 'none'}`,
	];
	process.stdout.write(`${files.join('\n')}\n\n${formatSettings(rows, {all: flags.all})}\n`);
	return EXIT_OK;
};
