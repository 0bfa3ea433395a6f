import {hashBundleSources} from '../bundle-cache';
import {lambdaError} from './lambda-errors';
import type {LambdaFunction, LambdaGateway, LambdaIdentity} from './lambda-gateway';
import {siteNameFor, type LambdaSettings} from './lambda-settings';

export type LambdaStatus = {
	identity: LambdaIdentity;
	region: string;
	bucketName: string | null;
	functions: (LambdaFunction & {matchesSettings: boolean})[];
	/** The site the current sources need. */
	currentSite: string;
	sites: {id: string; serveUrl: string; current: boolean; stale: boolean}[];
	/** A render could start now: a bucket, a function and the current site exist. */
	ready: boolean;
};

/**
 * `promptreel lambda status`: the functions and sites of the region, which site the current
 * sources need, and which promptreel sites are stale (deployed from other sources).
 */
export const lambdaStatus = async (o: {
	gateway: LambdaGateway;
	settings: Pick<LambdaSettings, 'region' | 'bucketName' | 'functionName' | 'memorySizeInMb' | 'diskSizeInMb' | 'timeoutInSeconds'>;
}): Promise<LambdaStatus> => {
	const call = <T>(what: string, fn: () => Promise<T>) => fn().catch((e: unknown) => Promise.reject(lambdaError(e, what)));
	const s = o.settings;
	const identity = await call('Checking the AWS credentials (STS GetCallerIdentity)', () => o.gateway.identity());
	const bucketName = s.bucketName ?? (await call('Finding the render bucket', () => o.gateway.findBucket()));
	const functions = (await call('Listing the functions', () => o.gateway.listFunctions())).map((f) => ({
		...f,
		matchesSettings: s.functionName
			? f.functionName === s.functionName
			: f.memorySizeInMb === s.memorySizeInMb && f.diskSizeInMb === s.diskSizeInMb && f.timeoutInSeconds === s.timeoutInSeconds,
	}));
	const currentSite = siteNameFor(await hashBundleSources());
	const sites = bucketName
		? (await call('Listing the sites', () => o.gateway.listSites({bucketName}))).map((x) => ({
				id: x.id,
				serveUrl: x.serveUrl,
				current: x.id === currentSite,
				stale: x.id !== currentSite && x.id.startsWith('promptreel-'),
			}))
		: [];
	return {
		identity,
		region: s.region,
		bucketName,
		functions,
		currentSite,
		sites,
		ready: Boolean(bucketName) && functions.length > 0 && sites.some((x) => x.current),
	};
};
