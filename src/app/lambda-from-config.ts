import {join} from 'node:path';
import {AWS_REGIONS} from '@remotion/lambda-client/regions';
import {PromptreelError} from '../pipeline/errors';
import {
	createFileRenderLedger,
	createLambdaRenderer,
	createRemotionLambdaGateway,
	createS3Client,
	createSimulatedLambdaGateway,
	type LambdaGateway,
	type LambdaSettings,
} from '../pipeline/render/lambda';
import {resolveBrowserExecutableSync, type Renderer} from '../pipeline/render';
import {ConfigError, type PromptreelConfig} from './config';

const CREDENTIAL_VARS =
	'REMOTION_AWS_ACCESS_KEY_ID + REMOTION_AWS_SECRET_ACCESS_KEY, or AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN for temporary keys), or REMOTION_AWS_PROFILE / AWS_PROFILE';

/**
 * The Lambda settings of the environment, checked: missing credentials or an unknown region fail
 * here (exit 2, naming the variables) before anything is uploaded. Values are never printed.
 */
export const lambdaSettingsFromConfig = (config: Pick<PromptreelConfig, 'lambda'>): LambdaSettings => {
	const l = config.lambda;
	if (!l.credentials) {
		throw new PromptreelError(
			'LAMBDA_NOT_CONFIGURED',
			`Rendering on Remotion Lambda needs AWS credentials: set ${CREDENTIAL_VARS}. docs/lambda.md says how to make them; or unset PROMPTREEL_RENDERER to render on this machine.`,
		);
	}
	if (!(AWS_REGIONS as readonly string[]).includes(l.region)) {
		const name = l.regionFrom === 'default' ? 'REMOTION_AWS_REGION' : l.regionFrom;
		throw new ConfigError([
			{path: name, message: `"${l.region}" is not a region Remotion Lambda runs in. Use one of: ${AWS_REGIONS.join(', ')}.`},
		]);
	}
	if (l.framesPerLambda !== null && l.framesPerLambda < 5) {
		throw new ConfigError([
			{
				path: 'PROMPTREEL_LAMBDA_FRAMES_PER_LAMBDA',
				message: `"${l.framesPerLambda}" is not valid. Remotion needs at least 5 frames per function (0 = its default).`,
			},
		]);
	}
	if (l.gateway === 'simulated' && !l.s3Endpoint) {
		throw new ConfigError([
			{
				path: 'PROMPTREEL_LAMBDA_GATEWAY',
				message: '"simulated" needs PROMPTREEL_LAMBDA_S3_ENDPOINT (an S3-compatible server such as s3rver).',
			},
		]);
	}
	return {
		region: l.region,
		credentials: l.credentials,
		bucketName: l.bucketName,
		functionName: l.functionName,
		memorySizeInMb: l.memorySizeInMb,
		diskSizeInMb: l.diskSizeInMb,
		timeoutInSeconds: l.timeoutInSeconds,
		framesPerLambda: l.framesPerLambda,
		maxRetries: l.maxRetries,
		s3Endpoint: l.s3Endpoint,
		pollIntervalMs: l.pollIntervalMs,
	};
};

/** The gateway the configuration names: AWS, or (tests only) the simulated functions. */
export const lambdaGatewayFromConfig = (
	config: Pick<PromptreelConfig, 'lambda' | 'browserExecutable'>,
	settings: LambdaSettings,
): LambdaGateway => {
	if (config.lambda.gateway === 'aws') return createRemotionLambdaGateway({region: settings.region, credentials: settings.credentials});
	const endpoint = settings.s3Endpoint ?? '';
	return createSimulatedLambdaGateway({
		s3: createS3Client({region: settings.region, credentials: settings.credentials, endpoint}),
		endpoint,
		// As the local renderer: never let Remotion download a browser.
		browserExecutable: config.browserExecutable ?? resolveBrowserExecutableSync(),
	});
};

/** The Lambda renderer of the configuration; its ledger of started renders lives in the data dir. */
export const createLambdaRendererFromConfig = (o: {
	config: Pick<PromptreelConfig, 'lambda' | 'browserExecutable' | 'remotionLicenseKey'>;
	dataDir: string;
}): Renderer => {
	const settings = lambdaSettingsFromConfig(o.config);
	return createLambdaRenderer({
		settings,
		gateway: lambdaGatewayFromConfig(o.config, settings),
		ledger: createFileRenderLedger({dir: join(o.dataDir, 'lambda', 'renders')}),
		licenseKey: o.config.remotionLicenseKey ?? null,
	});
};
