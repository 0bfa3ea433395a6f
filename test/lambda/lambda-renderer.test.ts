import {readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {ListObjectsV2Command} from '@aws-sdk/client-s3';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {renderStoryboard} from '../../src/pipeline/output';
import {createLocalRenderer, type RenderProgress} from '../../src/pipeline/render';
import {
	createFileRenderLedger,
	createLambdaRenderer,
	createS3Client,
	createSimulatedLambdaGateway,
	lambdaStatus,
	MEDIA_PREFIX,
	type LambdaGateway,
} from '../../src/pipeline/render/lambda';
import {checkStoryboard} from '../../src/pipeline/output';
import {PromptreelError} from '../../src/pipeline/errors';
import {probe} from '../support/ffprobe';
import {TEST_DATA_DIR} from '../support/test-env';
import {lambdaSettings, lambdaStoryboard, startLambdaWorld, writeLambdaMedia, type LambdaWorld} from './lambda-fixture';

let world: LambdaWorld;
beforeAll(async () => {
	world = await startLambdaWorld();
	writeLambdaMedia(world.dir);
});
afterAll(async () => world?.close());

const renderer = (o: {gateway?: LambdaGateway; ledgerDir?: string; sourceHash?: () => Promise<string>} = {}) =>
	createLambdaRenderer({
		settings: world.settings,
		gateway: o.gateway ?? world.gateway,
		ledger: createFileRenderLedger({dir: o.ledgerDir ?? join(world.dir, 'ledger')}),
		s3: world.s3,
		sourceHash: o.sourceHash,
	});

const mediaKeys = async () => {
	const out = await world.s3.send(new ListObjectsV2Command({Bucket: 'remotionlambda-simulated', Prefix: MEDIA_PREFIX}));
	return (out.Contents ?? []).map((c) => c.Key).sort();
};

const parsed = (title: string) => checkStoryboard({storyboard: lambdaStoryboard(title), mediaDir: world.dir});

const codeOf = async (p: Promise<unknown>): Promise<string> => {
	const error = await p.then(
		() => null,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(PromptreelError);
	return (error as PromptreelError).code;
};

describe('Lambda renderer on simulated functions (real S3 on s3rver, media through presigned URLs)', () => {
	it('renders the same video as the local renderer, reports the render id, cost and functions', async () => {
		const lambda = renderer();
		const progress: RenderProgress['stage'][] = [];
		const out = join(world.dir, 'out-lambda');
		const result = await renderStoryboard({
			storyboard: lambdaStoryboard('Lambda one'),
			mediaDir: world.dir,
			outDir: out,
			quality: 'draft',
			renderer: lambda,
			dataDir: join(world.dir, 'data'),
			onProgress: (p) => progress.push(p.stage as RenderProgress['stage']),
		});
		const local = createLocalRenderer({cacheDir: TEST_DATA_DIR});
		try {
			const localOut = join(world.dir, 'out-local');
			await renderStoryboard({
				storyboard: lambdaStoryboard('Lambda one'),
				mediaDir: world.dir,
				outDir: localOut,
				quality: 'draft',
				renderer: local,
				dataDir: join(world.dir, 'data'),
			});
			const [a, b] = [probe(join(out, 'video.mp4')), probe(join(localOut, 'video.mp4'))];
			expect(a.video).toMatchObject({codec: 'h264', width: 640, height: 360});
			expect(a.video.frames).toBe(60);
			expect({w: a.video.width, h: a.video.height, frames: a.video.frames, fps: a.video.fps, audio: a.audio?.codec}).toEqual({
				w: b.video.width,
				h: b.video.height,
				frames: b.video.frames,
				fps: b.video.fps,
				audio: b.audio?.codec,
			});
			expect(Math.abs(a.durationSec - b.durationSec)).toBeLessThan(0.05);
			expect(a.audio).not.toBeNull();
		} finally {
			await local.close();
		}
		expect(readdirSync(out).sort()).toEqual([
			'captions.srt',
			'captions.vtt',
			'credits.json',
			'media',
			'poster.jpg',
			'report.json',
			'storyboard.json',
			'video.mp4',
		]);
		const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
		expect(report.providers.rendering).toBe('lambda');
		expect(report.lambda).toMatchObject({
			renderId: expect.stringMatching(/^[0-9a-f]{10}$/),
			bucketName: 'remotionlambda-simulated',
			functions: 3,
			resumed: false,
		});
		expect(report.lambda.costUsd).toBeGreaterThan(0);
		expect(result.report.lambda?.renderId).toBe(report.lambda.renderId);
		// Progress went through our stages in order.
		expect(progress).toContain('bundling');
		expect(progress).toContain('rendering');
		expect(progress.indexOf('bundling')).toBeLessThan(progress.indexOf('rendering'));
		expect(progress.lastIndexOf('encoding')).toBeGreaterThan(progress.indexOf('rendering'));
		// The photo, the tone and the icon completing gave the bare procedural scene: once each, content-addressed.
		expect(await mediaKeys()).toHaveLength(3);
		await lambda.close();
	}, 400_000);

	it('uploads nothing again for media already in the bucket', async () => {
		const before = await mediaKeys();
		const lambda = renderer();
		try {
			const v = await lambda.renderVideo({
				storyboard: parsed('Lambda two'),
				mediaDir: world.dir,
				outFile: join(world.dir, 'two.mp4'),
				quality: 'draft',
			});
			expect(probe(v.file).video.frames).toBe(60);
		} finally {
			await lambda.close();
		}
		expect(await mediaKeys()).toEqual(before);
	}, 300_000);

	it('cancels the render on Lambda when the signal aborts', async () => {
		const started: string[] = [];
		const gateway: LambdaGateway = {
			...world.gateway,
			renderMedia: async (r) => {
				const out = await world.gateway.renderMedia(r);
				started.push(out.renderId);
				return out;
			},
		};
		const lambda = renderer({gateway});
		const controller = new AbortController();
		const stages: string[] = [];
		const code = await codeOf(
			lambda.renderVideo({
				storyboard: parsed('Lambda cancel'),
				mediaDir: world.dir,
				outFile: join(world.dir, 'cancel.mp4'),
				quality: 'draft',
				signal: controller.signal,
				onProgress: (p) => {
					stages.push(p.stage);
					if (p.stage === 'rendering') controller.abort();
				},
			}),
		);
		expect(code).toBe('CANCELLED');
		expect(started).toHaveLength(1);
		// The simulated functions stopped: their progress ends in the cancellation, not in a video.
		let p = await world.gateway.getProgress({functionName: 'f', bucketName: 'remotionlambda-simulated', renderId: started[0]!});
		for (let i = 0; i < 200 && !p.fatalErrorEncountered && !p.done; i++) {
			await new Promise((r) => setTimeout(r, 100));
			p = await world.gateway.getProgress({functionName: 'f', bucketName: 'remotionlambda-simulated', renderId: started[0]!});
		}
		expect(p.done).toBe(false);
		expect(p.fatalErrorEncountered).toBe(true);
		expect(p.errors[0]?.message).toMatch(/cancel/i);
	}, 300_000);

	it('turns a function error into LAMBDA_FUNCTION_ERROR with its message, a timeout into LAMBDA_TIMEOUT', async () => {
		const lambda = renderer();
		world.gateway.setFailure({kind: 'function-error', times: 1});
		const error = await lambda
			.renderVideo({storyboard: parsed('Lambda error'), mediaDir: world.dir, outFile: join(world.dir, 'e.mp4'), quality: 'draft'})
			.catch((e: unknown) => e);
		expect(error).toMatchObject({code: 'LAMBDA_FUNCTION_ERROR', retryable: false});
		expect((error as Error).message).toMatch(/Lambda render [0-9a-f]+ failed: Simulated function error: the composition threw at frame 3/);
		world.gateway.setFailure({kind: 'timeout', times: 1});
		const timeout = await lambda
			.renderVideo({storyboard: parsed('Lambda error'), mediaDir: world.dir, outFile: join(world.dir, 'e.mp4'), quality: 'draft'})
			.catch((e: unknown) => e);
		expect(timeout).toMatchObject({code: 'LAMBDA_TIMEOUT'});
		expect((timeout as Error).message).toMatch(/function timeout \(120 s\).*PROMPTREEL_LAMBDA_TIMEOUT_SEC/);
		world.gateway.setFailure(null);
	});

	it('retries a throttled start and a flaky function, a bounded number of times', async () => {
		const lambda = renderer();
		const startsBefore = world.gateway.starts;
		world.gateway.setFailure({kind: 'throttle', times: 1});
		const v = await lambda.renderVideo({
			storyboard: parsed('Lambda throttled'),
			mediaDir: world.dir,
			outFile: join(world.dir, 'throttled.mp4'),
			quality: 'draft',
		});
		expect(probe(v.file).video.frames).toBe(60);
		expect(world.gateway.starts - startsBefore).toBe(1);
		// More throttling than retries: a clear error naming the fix.
		world.gateway.setFailure({kind: 'throttle', times: 5});
		const error = await lambda
			.renderVideo({storyboard: parsed('Lambda throttled'), mediaDir: world.dir, outFile: join(world.dir, 't.mp4'), quality: 'draft'})
			.catch((e: unknown) => e);
		expect(error).toMatchObject({code: 'LAMBDA_THROTTLED', retryable: true});
		expect((error as Error).message).toMatch(/concurrency quota/);
		// A flaky function failure restarts the render, up to maxRetries (2) times.
		world.gateway.setFailure({kind: 'flaky', times: 3});
		const flaky = await lambda
			.renderVideo({storyboard: parsed('Lambda flaky'), mediaDir: world.dir, outFile: join(world.dir, 'f.mp4'), quality: 'draft'})
			.catch((e: unknown) => e);
		expect(flaky).toMatchObject({code: 'LAMBDA_FUNCTION_ERROR', retryable: true});
		expect((flaky as Error).message).toMatch(/Compositor exited/);
		world.gateway.setFailure(null);
		await lambda.close();
	}, 300_000);

	it('resumes polling the render an earlier attempt started instead of starting a second one', async () => {
		const ledgerDir = join(world.dir, 'shared-ledger');
		// Worker A starts the render and then goes silent (its process died): it never polls again.
		let silence!: (e: Error) => void;
		const dead = new Promise<never>((_, reject) => (silence = reject));
		dead.catch(() => undefined);
		const gatewayA: LambdaGateway = {...world.gateway, getProgress: () => dead, close: undefined};
		const a = renderer({gateway: gatewayA, ledgerDir});
		const startsBefore = world.gateway.starts;
		const attemptA = a
			.renderVideo({storyboard: parsed('Lambda resumed'), mediaDir: world.dir, outFile: join(world.dir, 'a.mp4'), quality: 'draft'})
			.catch((e: unknown) => e);
		for (let i = 0; i < 600 && readdirSafe(ledgerDir).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
		expect(readdirSafe(ledgerDir)).toHaveLength(1);
		// Worker B takes the job over with the same storyboard: same key, same render id.
		const b = renderer({ledgerDir});
		const v = await b.renderVideo({
			storyboard: parsed('Lambda resumed'),
			mediaDir: world.dir,
			outFile: join(world.dir, 'b.mp4'),
			quality: 'draft',
		});
		expect(world.gateway.starts - startsBefore).toBe(1);
		expect(v.lambda?.resumed).toBe(true);
		expect(probe(v.file).video.frames).toBe(60);
		expect(readdirSafe(ledgerDir)).toHaveLength(0);
		silence(new Error('worker A is gone'));
		await attemptA;
		await b.close();
	}, 300_000);

	it('checks the credentials (STS) before uploading anything', async () => {
		const before = await mediaKeys();
		const s3 = await createS3Client({
			region: 'us-east-1',
			credentials: {kind: 'keys', accessKeyId: 'WRONGKEY', secretAccessKey: 'x', from: 'AWS_*'},
			endpoint: world.s3rver.endpoint,
		});
		const gateway = createSimulatedLambdaGateway({s3, endpoint: world.s3rver.endpoint, browserExecutable: null});
		const lambda = createLambdaRenderer({
			settings: lambdaSettings(world.s3rver.endpoint),
			gateway,
			ledger: createFileRenderLedger({dir: join(world.dir, 'l2')}),
			s3,
		});
		writeFileSync(join(world.dir, 'media/new.jpg'), readFileSync(join(world.dir, 'media/photo.jpg')).subarray(0, 1000));
		const error = await lambda
			.renderVideo({storyboard: parsed('Lambda creds'), mediaDir: world.dir, outFile: join(world.dir, 'c.mp4'), quality: 'draft'})
			.catch((e: unknown) => e);
		expect(error).toMatchObject({code: 'LAMBDA_CREDENTIALS_INVALID', badInput: true});
		expect((error as Error).message).toMatch(/AWS_ACCESS_KEY_ID/);
		expect((error as Error).message).not.toMatch(/WRONGKEY/);
		expect(await mediaKeys()).toEqual(before);
		s3.destroy();
	});

	it('refuses a stale site, naming it and the fix; status marks it stale', async () => {
		const lambda = renderer({sourceHash: async () => 'feedfacefeedface'});
		const error = await lambda
			.renderVideo({storyboard: parsed('Lambda stale'), mediaDir: world.dir, outFile: join(world.dir, 's.mp4'), quality: 'draft'})
			.catch((e: unknown) => e);
		expect(error).toMatchObject({code: 'LAMBDA_NOT_CONFIGURED', badInput: true});
		expect((error as Error).message).toMatch(/No site "promptreel-feedfacefeedface".*are stale.*promptreel lambda setup/);
		// An old site next to the current one: status tells them apart.
		const oldBundle = join(world.dir, 'old-site');
		const {mkdirSync} = await import('node:fs');
		mkdirSync(oldBundle, {recursive: true});
		writeFileSync(join(oldBundle, 'index.html'), '<!doctype html>');
		await world.gateway.deploySite({bucketName: 'remotionlambda-simulated', siteName: 'promptreel-0123456789abcdef', bundleDir: oldBundle});
		const status = await lambdaStatus({gateway: world.gateway, settings: world.settings});
		expect(status.ready).toBe(true);
		expect(status.sites.find((x) => x.id === 'promptreel-0123456789abcdef')).toMatchObject({stale: true, current: false});
		expect(status.sites.find((x) => x.id === status.currentSite)).toMatchObject({stale: false, current: true});
	});
});

const readdirSafe = (dir: string): string[] => {
	try {
		return readdirSync(dir);
	} catch {
		return [];
	}
};
