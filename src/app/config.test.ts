import {describe, expect, it} from 'vitest';
import {ConfigError, loadConfig} from './config';
import {assertSharedStorage} from './assert-shared-storage';

describe('loadConfig: server settings', () => {
	it('has defaults for every server setting', () => {
		expect(loadConfig({}).server).toEqual({
			port: 8787,
			concurrency: 1,
			retentionDays: 7,
			maxAttempts: 3,
			jobTimeoutMs: 1_800_000,
			leaseMs: 30_000,
			shutdownGraceMs: 20_000,
			maxBodyBytes: 5_000_000,
			apiKeys: [],
			allowOpen: false,
			webhookSecret: undefined,
			allowPrivateUrls: false,
			publicUrl: undefined,
			rateLimit: {perMinute: 600, burst: 60},
			maxUploadBytes: expect.any(Number),
			maxVideoMs: 1_800_000,
			maxRunningPerKey: 0,
			database: null,
			storage: null,
			metricsPort: null,
			metricsHost: undefined,
			minFreeDiskBytes: 1024 * 1024 * 1024,
			webhookBackoff: {type: 'exponential', delayMs: 5000, maxAttempts: 8},
		});
	});

	it('reads the environment, empty meaning default', () => {
		const config = loadConfig({PORT: '0', PROMPTREEL_CONCURRENCY: '2', PROMPTREEL_LEASE_SEC: '5', PROMPTREEL_RETENTION_DAYS: ''});
		expect(config.server).toMatchObject({port: 0, concurrency: 2, leaseMs: 5000, retentionDays: 7});
	});

	it('PROMPTREEL_DATABASE_URL chooses the Postgres job store; anything but a postgres:// URL is refused with the fix', () => {
		const url = 'postgres://u:p@db.internal:5432/promptreel';
		expect(loadConfig({PROMPTREEL_DATABASE_URL: url, PROMPTREEL_DATABASE_POOL_SIZE: '4'}).server.database).toEqual({url, poolSize: 4});
		expect(loadConfig({PROMPTREEL_DATABASE_URL: 'postgresql://db/x'}).server.database).toEqual({url: 'postgresql://db/x', poolSize: 10});
		expect(() => loadConfig({PROMPTREEL_DATABASE_URL: 'mysql://db/x'})).toThrowError(/PROMPTREEL_DATABASE_URL.*postgres:\/\//s);
	});

	it('PROMPTREEL_STORAGE_URL chooses the S3 file store (endpoint and keys from the AWS variables); a bad URL is refused with the fix', () => {
		const env = {
			PROMPTREEL_STORAGE_URL: 's3://team-videos/promptreel/prod/',
			AWS_ENDPOINT_URL: 'http://minio:9000',
			AWS_ACCESS_KEY_ID: 'k',
			AWS_SECRET_ACCESS_KEY: 's',
			AWS_REGION: 'eu-west-1',
		};
		expect(loadConfig(env).server.storage).toEqual({
			bucket: 'team-videos',
			prefix: 'promptreel/prod',
			region: 'eu-west-1',
			endpoint: 'http://minio:9000',
			credentials: {kind: 'keys', accessKeyId: 'k', secretAccessKey: 's', sessionToken: undefined, from: 'AWS_*'},
			redirectSec: null,
			lambdaDirect: true,
		});
		const redirect = loadConfig({...env, AWS_ENDPOINT_URL_S3: 'http://s3.local', PROMPTREEL_STORAGE_REDIRECT: '1'}).server.storage;
		expect(redirect).toMatchObject({endpoint: 'http://s3.local', redirectSec: 900});
		expect(loadConfig({...env, PROMPTREEL_STORAGE_LAMBDA_DIRECT: '0'}).server.storage).toMatchObject({lambdaDirect: false});
		expect(() => loadConfig({PROMPTREEL_STORAGE_URL: 'https://bucket/x'})).toThrowError(/PROMPTREEL_STORAGE_URL.*s3:\/\/bucket/s);
		expect(() => loadConfig({PROMPTREEL_STORAGE_URL: 's3://Bad_Bucket'})).toThrowError(/"Bad_Bucket" is not a bucket name/);
	});

	it('PROMPTREEL_DATABASE_URL without PROMPTREEL_STORAGE_URL is refused for serve, naming both and --single-host', () => {
		const config = loadConfig({PROMPTREEL_DATABASE_URL: 'postgres://db/x'});
		expect(() => assertSharedStorage({config, singleHost: false})).toThrowError(
			/PROMPTREEL_STORAGE_URL: is required when PROMPTREEL_DATABASE_URL is set.*--single-host/,
		);
		expect(() => assertSharedStorage({config, singleHost: true})).not.toThrow();
		const shared = loadConfig({PROMPTREEL_DATABASE_URL: 'postgres://db/x', PROMPTREEL_STORAGE_URL: 's3://bucket'});
		expect(() => assertSharedStorage({config: shared, singleHost: false})).not.toThrow();
		expect(() => assertSharedStorage({config: loadConfig({}), singleHost: false})).not.toThrow();
	});

	it('fails fast naming the variable', () => {
		for (const [name, value] of [
			['PROMPTREEL_CONCURRENCY', 'two'],
			['PORT', '70000'],
			['PROMPTREEL_MAX_ATTEMPTS', '0'],
			['PROMPTREEL_LEASE_SEC', '1.5'],
		]) {
			expect(() => loadConfig({[name!]: value}), name).toThrowError(ConfigError);
			expect(() => loadConfig({[name!]: value})).toThrowError(new RegExp(name!));
		}
	});
});
