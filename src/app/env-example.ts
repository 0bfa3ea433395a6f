import type {z} from 'zod';
import {envSchema} from './config';
import {settingDefaults} from './describe-settings';

/**
 * The text of the committed `.env.example`: every variable of the config schema with its
 * description and default, commented out so a copy to `.env` changes nothing until a line is
 * edited. Written by `npm run env-example` (scripts/update-env-example.ts); a test checks it is
 * up to date.
 */
export const renderEnvExample = (): string => {
	const shape = envSchema.shape as Record<string, z.ZodType>;
	const defaults = settingDefaults();
	const blocks = Object.keys(shape).map((name) => {
		const description = shape[name]?.description ?? '';
		return `# ${description}\n# ${name}=${defaults[name] ?? ''}`;
	});
	return `# promptreel settings: copy to .env (or set them in the environment, or as JSON in promptreel.config.json).
# The environment wins over .env, and .env over promptreel.config.json. \`promptreel config\` shows what is in effect.
# Generated from src/app/config.ts by \`npm run env-example\`: do not edit by hand.

${blocks.join('\n\n')}
`;
};
