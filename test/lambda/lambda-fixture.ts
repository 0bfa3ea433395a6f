import {copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {S3Client} from '@aws-sdk/client-s3';
import {resolveBrowserExecutableSync} from '../../src/pipeline/render';
import {createS3Client, createSimulatedLambdaGateway, setupLambda, type LambdaSettings} from '../../src/pipeline/render/lambda';
import {fakeMediaFiles, toneWav} from '../fakes/make-media';
import {TEST_DATA_DIR} from '../support/test-env';
import {S3RVER_KEYS, startS3rver, type S3rverHandle} from './s3rver-harness';

/** A 2-scene 360p storyboard with a local photo and a narration wav: media the functions must fetch. */
export const lambdaStoryboard = (title: string) => ({
	version: 2,
	title,
	template: 'explainer',
	language: 'en',
	format: {aspect: '16:9', resolution: '360p', fps: 30},
	scenes: [
		{
			id: 'photo',
			title: `${title} one`,
			visual: {kind: 'image', src: 'media/photo.jpg'},
			narration: {text: 'A tone.', audio: 'media/tone.wav', voicedText: null},
			durationMs: 1000,
			transition: {type: 'none'},
		},
		{
			id: 'grid',
			title: `${title} two`,
			visual: {kind: 'procedural', style: 'grid'},
			narration: {text: ''},
			durationMs: 1000,
			transition: {type: 'none'},
		},
	],
	endCard: {enabled: false},
	captionStyle: {enabled: false},
	credits: [],
});

/** Writes the storyboard's media (photo, 0.8 s tone) into `dir/media`. */
export const writeLambdaMedia = (dir: string): void => {
	mkdirSync(join(dir, 'media'), {recursive: true});
	copyFileSync(fakeMediaFiles().photo, join(dir, 'media/photo.jpg'));
	writeFileSync(join(dir, 'media/tone.wav'), toneWav(0.8));
};

export const lambdaSettings = (endpoint: string, over: Partial<LambdaSettings> = {}): LambdaSettings => ({
	region: 'us-east-1',
	credentials: {kind: 'keys', ...S3RVER_KEYS, from: 'AWS_*'},
	bucketName: null,
	functionName: null,
	memorySizeInMb: 2048,
	diskSizeInMb: 2048,
	timeoutInSeconds: 120,
	framesPerLambda: null,
	maxRetries: 2,
	s3Endpoint: endpoint,
	pollIntervalMs: 50,
	...over,
});

export type LambdaWorld = {
	s3rver: S3rverHandle;
	s3: S3Client;
	gateway: ReturnType<typeof createSimulatedLambdaGateway>;
	settings: LambdaSettings;
	dir: string;
	close: () => Promise<void>;
};

/** s3rver + the simulated functions, set up by the real `lambda setup` code (bucket, function, site). */
export const startLambdaWorld = async (): Promise<LambdaWorld> => {
	const s3rver = await startS3rver();
	const settings = lambdaSettings(s3rver.endpoint);
	const s3 = await createS3Client({region: settings.region, credentials: settings.credentials, endpoint: s3rver.endpoint});
	const gateway = createSimulatedLambdaGateway({s3, endpoint: s3rver.endpoint, browserExecutable: resolveBrowserExecutableSync()});
	await setupLambda({gateway, settings, cacheDir: TEST_DATA_DIR});
	const dir = mkdtempSync(join(tmpdir(), 'promptreel-lambda-'));
	return {
		s3rver,
		s3,
		gateway,
		settings,
		dir,
		close: async () => {
			s3.destroy();
			await s3rver.close();
			rmSync(dir, {recursive: true, force: true});
		},
	};
};
