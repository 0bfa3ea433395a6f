import {getBundle, hashBundleSources} from '../bundle-cache';
import {lambdaError} from './lambda-errors';
import type {LambdaGateway, LambdaIdentity} from './lambda-gateway';
import {siteNameFor, type LambdaSettings} from './lambda-settings';

export type LambdaSetupResult = {
	identity: LambdaIdentity;
	bucketName: string;
	bucketCreated: boolean;
	functionName: string;
	functionCreated: boolean;
	siteName: string;
	serveUrl: string;
	/** False when the site of these sources was there already: nothing was uploaded. */
	siteDeployed: boolean;
};

/**
 * `promptreel lambda setup`: creates or reuses the bucket, the function (memory, disk, timeout)
 * and the site, named by the bundle's source hash so unchanged sources deploy nothing.
 */
export const setupLambda = async (o: {
	gateway: LambdaGateway;
	settings: Pick<LambdaSettings, 'memorySizeInMb' | 'diskSizeInMb' | 'timeoutInSeconds' | 'bucketName'>;
	/** Where the bundle is cached (the data dir). */
	cacheDir: string;
	onStep?: (message: string) => void;
}): Promise<LambdaSetupResult> => {
	const step = o.onStep ?? (() => undefined);
	const call = <T>(what: string, fn: () => Promise<T>) => fn().catch((e: unknown) => Promise.reject(lambdaError(e, what)));
	const identity = await call('Checking the AWS credentials (STS GetCallerIdentity)', () => o.gateway.identity());
	step(`AWS account ${identity.account} (${identity.arn})`);
	const bucket = o.settings.bucketName
		? {bucketName: o.settings.bucketName, alreadyExisted: true}
		: await call('Creating the render bucket', () => o.gateway.getOrCreateBucket());
	step(`Bucket ${bucket.bucketName} ${bucket.alreadyExisted ? '(reused)' : '(created)'}`);
	const fn = await call('Deploying the function', () =>
		o.gateway.deployFunction({
			memorySizeInMb: o.settings.memorySizeInMb,
			diskSizeInMb: o.settings.diskSizeInMb,
			timeoutInSeconds: o.settings.timeoutInSeconds,
		}),
	);
	step(`Function ${fn.functionName} ${fn.alreadyExisted ? '(reused)' : '(deployed)'}`);
	const siteName = siteNameFor(await hashBundleSources());
	const existing = (await call('Listing the sites', () => o.gateway.listSites({bucketName: bucket.bucketName}))).find(
		(s) => s.id === siteName,
	);
	if (existing) {
		step(`Site ${siteName} is current (nothing to upload)`);
		return {
			identity,
			bucketName: bucket.bucketName,
			bucketCreated: !bucket.alreadyExisted,
			functionName: fn.functionName,
			functionCreated: !fn.alreadyExisted,
			siteName,
			serveUrl: existing.serveUrl,
			siteDeployed: false,
		};
	}
	const bundle = await getBundle({cacheDir: o.cacheDir});
	const site = await call('Deploying the site', () =>
		o.gateway.deploySite({bucketName: bucket.bucketName, siteName, bundleDir: bundle.serveUrl}),
	);
	step(`Site ${siteName} deployed: ${site.serveUrl}`);
	return {
		identity,
		bucketName: bucket.bucketName,
		bucketCreated: !bucket.alreadyExisted,
		functionName: fn.functionName,
		functionCreated: !fn.alreadyExisted,
		siteName,
		serveUrl: site.serveUrl,
		siteDeployed: true,
	};
};
