import {join} from 'node:path';
import OpenAI from 'openai';
import {isPrivateAddress} from '../pipeline/media';
import {createFallbackPlanner, createHeuristicPlanner, createOpenAiPlanner, DEFAULT_PLANNER_MODEL, type Planner} from '../pipeline/plan';
import type {Providers} from '../pipeline/providers';
import {
	createPexelsClient,
	createPexelsVisuals,
	createRequestBudget,
	PEXELS_BASE_URL,
	PEXELS_HOURLY_LIMIT,
} from '../pipeline/visuals/pexels';
import type {VisualsProvider} from '../pipeline/visuals';
import {defaultVoiceProviders, LOCAL_VOICE, type DefaultVoiceProvidersOptions} from '../pipeline/voice';
import type {PromptreelConfig} from './config';

export type {Providers};

export type ProviderConfig = Pick<PromptreelConfig, 'dataDir' | 'openai' | 'pexels'> & Partial<Pick<PromptreelConfig, 'tts'>>;

/** An OpenAI-compatible server is configured: a key (OpenAI) or a base URL (Ollama, llama.cpp, vLLM...). */
export const openAiConfigured = (c: ProviderConfig): boolean => Boolean(c.openai.apiKey || c.openai.baseUrl);

/** The official client for OpenAI or a compatible server. Local servers need no key; the client wants one. */
export const createOpenAiClient = (c: ProviderConfig): OpenAI =>
	new OpenAI({apiKey: c.openai.apiKey ?? 'not-needed', baseURL: c.openai.baseUrl ?? undefined, maxRetries: 1, timeout: 120_000});

const isLocalUrl = (url: string): boolean => {
	try {
		const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
		return host === 'localhost' || isPrivateAddress(host);
	} catch {
		return false;
	}
};

/** The planner: the OpenAI planner (falling back to the heuristic one) when configured, else heuristic. */
export const createPlannerFromConfig = (c: ProviderConfig, client = openAiConfigured(c) ? createOpenAiClient(c) : null): Planner =>
	client
		? createFallbackPlanner({
				primary: createOpenAiPlanner({client, model: c.openai.plannerModel ?? DEFAULT_PLANNER_MODEL}),
				fallback: createHeuristicPlanner(),
			})
		: createHeuristicPlanner();

/** Stock media from Pexels when PEXELS_API_KEY is set, else null. */
export const createVisualsProviderFromConfig = (c: ProviderConfig): VisualsProvider | null => {
	if (!c.pexels.apiKey) return null;
	const baseUrl = c.pexels.baseUrl ?? PEXELS_BASE_URL;
	const client = createPexelsClient({
		apiKey: c.pexels.apiKey,
		baseUrl,
		budget: createRequestBudget({limit: PEXELS_HOURLY_LIMIT, file: join(c.dataDir, 'pexels', 'requests.json')}),
	});
	// Media links come from the API the operator configured: a self-hosted or fake API on a
	// private address serves its media there too. User-supplied URLs never get this exception.
	return createPexelsVisuals({client, cacheDir: join(c.dataDir, 'pexels', 'media'), allowPrivateNetwork: isLocalUrl(baseUrl)});
};

/**
 * The voices the configuration adds to the offline ones: your speech server (PROMPTREEL_TTS_BASE_URL;
 * no retries, so a server that is down hands over to the offline voice at once) and OpenAI's.
 */
const voiceOptionsOf = (c: ProviderConfig, client: OpenAI | null): DefaultVoiceProvidersOptions => ({
	...(client ? {openai: {client}} : {}),
	...(c.tts
		? {
				local: {
					client: new OpenAI({apiKey: 'not-needed', baseURL: c.tts.baseUrl, maxRetries: 0, timeout: 120_000}),
					model: c.tts.model,
					voice: c.tts.voice,
					languages: c.tts.languages,
				},
			}
		: {}),
});

/**
 * Every provider chosen from the configuration, in this one place. Precedence: a planner model
 * (OPENAI_API_KEY or OPENAI_BASE_URL) over the heuristic planner; the OpenAI voice when
 * OPENAI_API_KEY is set (a base URL alone is usually a chat-only local server), your own speech
 * server over both when PROMPTREEL_TTS_BASE_URL is set (you asked for it), else Festival;
 * Pexels when PEXELS_API_KEY is set, else offline illustrations. Every online provider falls
 * back to the offline one at run time, and report.json says so.
 */
export const providersFromConfig = (c: ProviderConfig): Providers => {
	const client = openAiConfigured(c) ? createOpenAiClient(c) : null;
	const planner = createPlannerFromConfig(c, client);
	const voiceProviders = defaultVoiceProviders(voiceOptionsOf(c, client));
	const preferredVoice = c.tts ? LOCAL_VOICE : client && c.openai.apiKey ? 'openai' : undefined;
	const visualsProvider = createVisualsProviderFromConfig(c);
	return {
		planner,
		voiceProviders,
		preferredVoice,
		visualsProvider,
		summary: {
			planner: client
				? `openai (${c.openai.plannerModel ?? DEFAULT_PLANNER_MODEL} at ${client.baseURL}), falls back to heuristic`
				: 'heuristic (offline)',
			voice: c.tts
				? `local (${c.tts.model} "${c.tts.voice}" at ${c.tts.baseUrl}, for ${c.tts.languages.join(', ')}), falls back to festival/espeak-ng`
				: preferredVoice
					? 'openai (falls back to festival)'
					: 'festival (offline)',
			visuals: visualsProvider
				? `pexels (${c.pexels.baseUrl ?? PEXELS_BASE_URL}), falls back to emoji illustrations`
				: 'emoji illustrations (offline)',
		},
	};
};
