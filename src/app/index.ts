export {ConfigError, envHelp, envSchema, isLambdaVar, loadConfig, readEffectiveSettings, RENDERER_IDS} from './config';
export {CONFIG_FILE_NAME, readSettings} from './read-settings';
export type {Settings, SettingSource} from './read-settings';
export {describeSettings, formatSettings, MASK, maskSetting, SECRET_SETTINGS, settingDefaults} from './describe-settings';
export type {SettingRow} from './describe-settings';
export {renderEnvExample} from './env-example';
export type {LambdaEnv, PromptreelConfig, RendererId} from './config';
export {createLambdaRendererFromConfig, lambdaGatewayFromConfig, lambdaSettingsFromConfig} from './lambda-from-config';
export {createRenderer} from './create-renderer';
export {assertSharedStorage} from './assert-shared-storage';
export {
	createOpenAiClient,
	createPlannerFromConfig,
	createVisualsProviderFromConfig,
	openAiConfigured,
	providersFromConfig,
} from './providers-from-config';
export type {ProviderConfig, Providers} from './providers-from-config';
