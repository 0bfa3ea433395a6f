import {lambdaGatewayFromConfig, lambdaSettingsFromConfig, loadConfig} from '../../app';
import {lambdaStatus} from '../../pipeline/render/lambda';
import {EXIT_OK, reportError} from '../exit-codes';
import {createReporter, reporterMode} from '../progress-reporter';

/** `promptreel lambda status`: functions and sites of the region, which site is current and which are stale. */
export const lambdaStatusCommand = async (flags: {json?: boolean}): Promise<number> => {
	const reporter = createReporter(reporterMode(Boolean(flags.json)));
	try {
		const config = loadConfig();
		const settings = lambdaSettingsFromConfig(config);
		const gateway = lambdaGatewayFromConfig(config, settings);
		try {
			const status = await lambdaStatus({gateway, settings});
			if (flags.json) {
				process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
				return EXIT_OK;
			}
			const lines = [
				`Account ${status.identity.account} (${status.identity.arn}), region ${status.region}`,
				`Bucket: ${status.bucketName ?? 'none (run `promptreel lambda setup`)'}`,
				'Functions:',
			];
			if (status.functions.length === 0) lines.push('  none (run `promptreel lambda setup`)');
			for (const f of status.functions) {
				lines.push(
					`  ${f.functionName}  ${f.memorySizeInMb} MB, ${f.diskSizeInMb} MB disk, ${f.timeoutInSeconds} s, v${f.version ?? '?'}${f.matchesSettings ? '  <- used' : ''}`,
				);
			}
			lines.push(`Sites (current sources need ${status.currentSite}):`);
			if (status.sites.length === 0) lines.push('  none');
			for (const s of status.sites)
				lines.push(
					`  ${s.id}  ${s.current ? 'current' : s.stale ? 'stale (older sources; remove it in the S3 console or keep it for old renders)' : 'not promptreel'}  ${s.serveUrl}`,
				);
			lines.push(status.ready ? 'Ready to render on Lambda.' : 'Not ready: run `promptreel lambda setup`.');
			process.stdout.write(`${lines.join('\n')}\n`);
		} finally {
			await gateway.close?.();
		}
		return EXIT_OK;
	} catch (error) {
		return reportError(error, reporter);
	}
};
