export {ConfigError, envHelp, envSchema, loadConfig, RENDERER_IDS} from './config';
export type {PromptreelConfig, RendererId} from './config';
export {createRenderer} from './create-renderer';
export {createOpenAiClient, createPlannerFromConfig, createVisualsProviderFromConfig, openAiConfigured, providersFromConfig} from './providers-from-config';
export type {ProviderConfig, Providers} from './providers-from-config';
