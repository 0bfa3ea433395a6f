import {homedir} from 'node:os';
import {join, resolve} from 'node:path';
import {z} from 'zod';
import {ValidationError} from './errors';

const optionalString = z
	.string()
	.optional()
	.transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const envSchema = z.object({
	PROMPTREEL_DATA_DIR: optionalString.describe('Where caches, jobs and bundles live (default ~/.promptreel).'),
	REMOTION_BROWSER_EXECUTABLE: optionalString.describe('Path of the Chrome/Chromium to render with.'),
	PROMPTREEL_RENDERER: z.enum(['local', 'lambda']).default('local').describe('Where videos are rendered.'),
	OPENAI_API_KEY: optionalString.describe('Key for the OpenAI (or compatible) planner and voice.'),
	OPENAI_BASE_URL: optionalString.describe('Base URL of an OpenAI-compatible server (e.g. Ollama).'),
	PROMPTREEL_PLANNER_MODEL: optionalString.describe('Chat model used by the LLM planner.'),
	PEXELS_API_KEY: optionalString.describe('Key for Pexels stock photos and videos.'),
	PEXELS_BASE_URL: optionalString.describe('Base URL of the Pexels API (tests point it at a fake).'),
});

export type PromptreelConfig = {
	dataDir: string;
	browserExecutable: string | undefined;
	renderer: 'local' | 'lambda';
	openai: {apiKey: string | undefined; baseUrl: string | undefined; plannerModel: string | undefined};
	pexels: {apiKey: string | undefined; baseUrl: string | undefined};
};

/** Parses the environment once; a wrong value fails fast naming the variable. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): PromptreelConfig => {
	const parsed = envSchema.safeParse(env);
	if (!parsed.success) {
		const issues = parsed.error.issues.map((i) => ({path: i.path.join('.'), message: i.message}));
		throw new ValidationError(
			`Invalid environment: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
			issues,
		);
	}
	const e = parsed.data;
	return {
		dataDir: resolve(e.PROMPTREEL_DATA_DIR ?? join(homedir(), '.promptreel')),
		browserExecutable: e.REMOTION_BROWSER_EXECUTABLE,
		renderer: e.PROMPTREEL_RENDERER,
		openai: {apiKey: e.OPENAI_API_KEY, baseUrl: e.OPENAI_BASE_URL, plannerModel: e.PROMPTREEL_PLANNER_MODEL},
		pexels: {apiKey: e.PEXELS_API_KEY, baseUrl: e.PEXELS_BASE_URL},
	};
};
