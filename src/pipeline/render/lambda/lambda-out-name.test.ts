import {describe, expect, it} from 'vitest';
import type {OutputObject} from '../renderer';
import {lambdaOutNameFor} from './lambda-out-name';

const keys = {accessKeyId: 'AKIA', secretAccessKey: 'secret'};
const object = (over: Partial<OutputObject> = {}): OutputObject => ({
	bucketName: 'videos',
	key: 'team/jobs/vid_1/attempt-1/video.mp4',
	region: 'eu-west-1',
	endpoint: null,
	credentials: null,
	...over,
});
const aws = {region: 'eu-west-1', s3Endpoint: null};

describe('lambdaOutNameFor: how the functions reach a storage bucket', () => {
	it('a bucket of their own service: through their role, no keys handed over', () => {
		const target = {bucketName: 'videos', key: 'team/jobs/vid_1/attempt-1/video.mp4', provider: null};
		expect(lambdaOutNameFor(object({credentials: keys}), aws)).toEqual(target);
		// The same S3-compatible endpoint as the render bucket (the simulated functions on s3rver).
		expect(
			lambdaOutNameFor(object({endpoint: 'http://127.0.0.1:9000'}), {region: 'us-east-1', s3Endpoint: 'http://127.0.0.1:9000'}),
		).toEqual(target);
	});

	it("another service or region: Remotion's s3OutputProvider with the store's static keys", () => {
		expect(
			lambdaOutNameFor(object({endpoint: 'https://acct.r2.cloudflarestorage.com', region: 'auto', credentials: keys}), aws),
		).toMatchObject({
			provider: {endpoint: 'https://acct.r2.cloudflarestorage.com', region: 'auto', ...keys},
		});
		expect(lambdaOutNameFor(object({region: 'us-west-2', credentials: keys}), aws)?.provider).toEqual({
			endpoint: 'https://s3.us-west-2.amazonaws.com',
			region: 'us-west-2',
			...keys,
		});
	});

	it('out of reach without keys, and nothing offered: the render bucket, downloaded', () => {
		expect(lambdaOutNameFor(object({region: 'us-west-2'}), aws)).toBeNull();
		expect(lambdaOutNameFor(object({endpoint: 'http://minio:9000'}), aws)).toBeNull();
		expect(lambdaOutNameFor(null, aws)).toBeNull();
		expect(lambdaOutNameFor(undefined, aws)).toBeNull();
	});
});
