import {lambdaGatewayFromConfig, lambdaSettingsFromConfig, loadConfig} from '../../app';
import {PromptreelError} from '../../pipeline/errors';
import {setupLambda} from '../../pipeline/render/lambda';
import {EXIT_OK, reportError} from '../exit-codes';
import {createReporter, reporterMode} from '../progress-reporter';

export type LambdaSetupFlags = {memory?: string; disk?: string; timeout?: string; json?: boolean};

const intFlag = (name: string, value: string | undefined, min: number, max: number): number | undefined => {
	if (value === undefined) return undefined;
	const n = Number(value);
	if (!Number.isInteger(n) || n < min || n > max)
		throw new PromptreelError('INVALID_OPTION', `--${name} must be a whole number from ${min} to ${max}, got "${value}".`);
	return n;
};

/** `promptreel lambda setup`: bucket, function and site of the current sources, created or reused. */
export const lambdaSetupCommand = async (flags: LambdaSetupFlags): Promise<number> => {
	const reporter = createReporter(reporterMode(Boolean(flags.json)));
	try {
		const config = loadConfig();
		const base = lambdaSettingsFromConfig(config);
		const settings = {
			...base,
			memorySizeInMb: intFlag('memory', flags.memory, 512, 10240) ?? base.memorySizeInMb,
			diskSizeInMb: intFlag('disk', flags.disk, 512, 10240) ?? base.diskSizeInMb,
			timeoutInSeconds: intFlag('timeout', flags.timeout, 15, 900) ?? base.timeoutInSeconds,
		};
		const gateway = lambdaGatewayFromConfig(config, settings);
		try {
			const result = await setupLambda({gateway, settings, cacheDir: config.dataDir, onStep: (m) => reporter.info(m)});
			if (flags.json) process.stdout.write(`${JSON.stringify({type: 'done', ...result, region: settings.region})}\n`);
			else {
				process.stdout.write(
					`Ready in ${settings.region}: bucket ${result.bucketName}, function ${result.functionName}, site ${result.siteName}${result.siteDeployed ? ' (deployed)' : ' (unchanged)'}.\n` +
						`Render with: PROMPTREEL_RENDERER=lambda promptreel render <storyboard.json>  (or --renderer lambda)\n`,
				);
			}
		} finally {
			await gateway.close?.();
		}
		return EXIT_OK;
	} catch (error) {
		return reportError(error, reporter);
	}
};
