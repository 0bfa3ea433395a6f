export {ConfigError, envHelp, envSchema, isLambdaVar, loadConfig, RENDERER_IDS} from './config';
export type {LambdaEnv, PromptreelConfig, RendererId} from './config';
export {createLambdaRendererFromConfig, lambdaGatewayFromConfig, lambdaSettingsFromConfig} from './lambda-from-config';
export {createRenderer} from './create-renderer';
export {
	createOpenAiClient,
	createPlannerFromConfig,
	createVisualsProviderFromConfig,
	openAiConfigured,
	providersFromConfig,
} from './providers-from-config';
export type {ProviderConfig, Providers} from './providers-from-config';
