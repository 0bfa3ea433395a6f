import {randomBytes} from 'node:crypto';
import {mkdtemp, readdir, readFile, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join, relative} from 'node:path';
import type {S3Client} from '@aws-sdk/client-s3';
import {makeCancelSignal, openBrowser, renderMedia, renderStill, selectComposition, type HeadlessBrowser} from '@remotion/renderer';
import {CHROMIUM_OPTIONS} from '../browser';
import {createS3Client} from './create-s3-client';
import type {LambdaFunction, LambdaGateway, LambdaOutName, LambdaProgress} from './lambda-gateway';
import {createS3MediaStore} from './s3-media-store';

/** A failure the simulated functions produce on purpose, for tests of our error handling. */
export type SimulatedFailure = 'function-error' | 'throttle' | 'timeout' | 'flaky';

export type SimulatedLambdaGatewayOptions = {
	/** The real S3 client pointed at an S3-compatible server (s3rver in the tests). */
	s3: S3Client | Promise<S3Client>;
	/** Base URL of that server as a browser reaches it (path-style: <endpoint>/<bucket>/<key>). */
	endpoint: string;
	bucketName?: string;
	browserExecutable: string | null;
	/** The next `times` renders fail this way (default none). */
	failure?: {kind: SimulatedFailure; times: number} | null;
	/** Pause before each frame batch is reported, to let tests act mid-render (ms; default 0). */
	slowMs?: number;
};

type Running = {progress: LambdaProgress; cancel: () => void; outName: LambdaOutName | null};

const FUNCTIONS_KEY = 'promptreel-simulated/functions.json';

const initialProgress = (): LambdaProgress => ({
	done: false,
	overallProgress: 0,
	framesRendered: 0,
	combinedFrames: 0,
	lambdasInvoked: 0,
	costUsd: 0,
	outBucket: null,
	outKey: null,
	outputSizeInBytes: null,
	fatalErrorEncountered: false,
	errors: [],
	timeoutTimestamp: Date.now() + 120_000,
});

const fatal = (name: string, message: string) => ({message, name, isFatal: true, willRetry: false, chunk: 0, explanation: null});

/**
 * Remotion Lambda simulated on this machine, like Remotion's own simulated render in its tests:
 * sites are deployed into the bucket for real, a render loads that site over HTTP from the
 * S3-compatible server, fetches the storyboard's media through their presigned URLs, and writes
 * its output into the bucket where our renderer downloads it, or, given an `outName`, to that
 * bucket and key (of another S3-compatible service with its own keys, as Remotion's
 * `s3OutputProvider`). Only the function invocation is simulated. For tests and for trying the Lambda path without AWS (docs/lambda.md).
 */
export const createSimulatedLambdaGateway = (
	o: SimulatedLambdaGatewayOptions,
): LambdaGateway & {
	/** Renders started so far (tests check a resumed job started none). */
	readonly starts: number;
	setFailure(f: SimulatedLambdaGatewayOptions['failure']): void;
} => {
	const bucketName = o.bucketName ?? 'remotionlambda-simulated';
	const s3 = Promise.resolve(o.s3);
	const storeOf = async (bucket: string) => createS3MediaStore({client: await s3, bucketName: bucket});
	const send: S3Client['send'] = async (command: never) => (await s3).send(command);
	const running = new Map<string, Running>();
	let failure = o.failure ?? null;
	let starts = 0;
	// One browser for every simulated function, as a warm Lambda keeps its own.
	let browser: Promise<HeadlessBrowser> | null = null;
	const getBrowser = () =>
		(browser ??= openBrowser('chrome', {browserExecutable: o.browserExecutable, chromiumOptions: CHROMIUM_OPTIONS, logLevel: 'error'}));
	const common = async () => ({
		puppeteerInstance: await getBrowser(),
		browserExecutable: o.browserExecutable,
		chromiumOptions: CHROMIUM_OPTIONS,
		logLevel: 'error' as const,
	});
	const takeFailure = (): SimulatedFailure | null => {
		if (!failure || failure.times <= 0) return null;
		failure = {...failure, times: failure.times - 1};
		return failure.kind;
	};
	const sdk = () => import('@aws-sdk/client-s3');
	const bucketExists = async () => {
		const {HeadBucketCommand} = await sdk();
		return send(new HeadBucketCommand({Bucket: bucketName})).then(
			() => true,
			() => false,
		);
	};
	const readFunctions = async (): Promise<LambdaFunction[]> => {
		const tmp = await mkdtemp(join(tmpdir(), 'promptreel-sim-'));
		try {
			const store = await storeOf(bucketName);
			if (!(await store.exists(FUNCTIONS_KEY))) return [];
			await store.download({key: FUNCTIONS_KEY, file: join(tmp, 'f.json')});
			return JSON.parse(await readFile(join(tmp, 'f.json'), 'utf8')) as LambdaFunction[];
		} finally {
			await rm(tmp, {recursive: true, force: true});
		}
	};
	/** Puts a rendered file where the request says: its outName, else `renders/<id>/` of the render bucket. */
	const writeOutput = async (o2: {file: string; renderBucket: string; defaultKey: string; outName: LambdaOutName | null}) => {
		const out = o2.outName;
		const target = out ?? {bucketName: o2.renderBucket, key: o2.defaultKey, provider: null};
		const p = target.provider;
		const client = p
			? await createS3Client({region: p.region, endpoint: p.endpoint, credentials: {kind: 'keys', ...p, from: 'AWS_*'}})
			: await s3;
		try {
			await createS3MediaStore({client, bucketName: target.bucketName}).putFile({file: o2.file, key: target.key});
		} finally {
			if (p) client.destroy();
		}
		return {bucketName: target.bucketName, key: target.key, size: (await stat(o2.file)).size};
	};
	const listFiles = async (dir: string): Promise<string[]> => {
		const entries = await readdir(dir, {withFileTypes: true});
		const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)])));
		return nested.flat();
	};

	return {
		get starts() {
			return starts;
		},
		setFailure(f) {
			failure = f ?? null;
		},
		async identity() {
			// Wrong keys are refused by the server's signature check, as STS would refuse them.
			const {ListBucketsCommand} = await sdk();
			await send(new ListBucketsCommand({}));
			return {account: '000000000000', arn: 'arn:aws:iam::000000000000:user/simulated'};
		},
		findBucket: async () => ((await bucketExists()) ? bucketName : null),
		async getOrCreateBucket() {
			if (await bucketExists()) return {bucketName, alreadyExisted: true};
			const {CreateBucketCommand} = await sdk();
			await send(new CreateBucketCommand({Bucket: bucketName}));
			return {bucketName, alreadyExisted: false};
		},
		listFunctions: readFunctions,
		async deployFunction(f) {
			const functionName = `remotion-render-simulated-mem${f.memorySizeInMb}mb-disk${f.diskSizeInMb}mb-${f.timeoutInSeconds}sec`;
			const functions = await readFunctions();
			if (functions.some((x) => x.functionName === functionName)) return {functionName, alreadyExisted: true};
			functions.push({functionName, ...f, version: 'simulated'});
			const {PutObjectCommand} = await sdk();
			await send(
				new PutObjectCommand({Bucket: bucketName, Key: FUNCTIONS_KEY, Body: JSON.stringify(functions), ContentType: 'application/json'}),
			);
			return {functionName, alreadyExisted: false};
		},
		async listSites({bucketName: bucket}) {
			const {ListObjectsV2Command} = await sdk();
			const out = await send(new ListObjectsV2Command({Bucket: bucket, Prefix: 'sites/', Delimiter: '/'}));
			return (out.CommonPrefixes ?? []).map((p) => {
				const id = (p.Prefix ?? '').slice('sites/'.length, -1);
				return {id, serveUrl: `${o.endpoint}/${bucket}/sites/${id}/index.html`, lastModified: null};
			});
		},
		async deploySite({bucketName: bucket, siteName, bundleDir}) {
			const siteStore = await storeOf(bucket);
			for (const file of await listFiles(bundleDir)) {
				await siteStore.putFile({file, key: `sites/${siteName}/${relative(bundleDir, file).split('\\').join('/')}`});
			}
			return {serveUrl: `${o.endpoint}/${bucket}/sites/${siteName}/index.html`, siteName};
		},
		async renderMedia(r) {
			const kind = takeFailure();
			if (kind === 'throttle') {
				const error = new Error('Rate Exceeded.');
				error.name = 'TooManyRequestsException';
				throw error;
			}
			starts++;
			const renderId = randomBytes(5).toString('hex');
			const progress = initialProgress();
			const {cancelSignal, cancel} = makeCancelSignal();
			running.set(renderId, {progress, cancel, outName: r.outName});
			const framesPerLambda = r.framesPerLambda ?? 20;
			void (async () => {
				const tmp = await mkdtemp(join(tmpdir(), 'promptreel-sim-render-'));
				try {
					if (kind === 'function-error')
						throw Object.assign(new Error('Simulated function error: the composition threw at frame 3'), {name: 'Error'});
					if (kind === 'timeout') throw Object.assign(new Error('The main function timed out after 120s.'), {name: 'TimeoutError'});
					if (kind === 'flaky') throw Object.assign(new Error('Compositor exited with code 1'), {name: 'Error'});
					const serveUrl = r.serveUrl;
					const composition = await selectComposition({serveUrl, id: r.composition, inputProps: r.inputProps, ...(await common())});
					progress.lambdasInvoked = Math.ceil(composition.durationInFrames / framesPerLambda);
					const outFile = join(tmp, 'out.mp4');
					await renderMedia({
						serveUrl,
						composition,
						inputProps: r.inputProps,
						codec: 'h264',
						outputLocation: outFile,
						scale: r.scale,
						crf: r.crf,
						imageFormat: 'jpeg',
						jpegQuality: r.jpegQuality,
						concurrency: 1,
						...(await common()),
						cancelSignal,
						onProgress: (p) => {
							progress.framesRendered = p.renderedFrames;
							progress.combinedFrames = p.encodedFrames;
							progress.overallProgress = Math.min(0.99, p.progress);
						},
					});
					if (o.slowMs) await new Promise((resolve) => setTimeout(resolve, o.slowMs));
					const out = await writeOutput({
						file: outFile,
						renderBucket: r.bucketName,
						defaultKey: `renders/${renderId}/out.mp4`,
						outName: r.outName,
					});
					Object.assign(progress, {
						outBucket: out.bucketName,
						outKey: out.key,
						outputSizeInBytes: out.size,
						overallProgress: 1,
						done: true,
						costUsd: 0.0001 * progress.lambdasInvoked,
					});
				} catch (error) {
					const e = error as Error;
					progress.errors.push(fatal(e.name, e.message));
					progress.fatalErrorEncountered = true;
				} finally {
					await rm(tmp, {recursive: true, force: true}).catch(() => undefined);
				}
			})();
			return {renderId, bucketName: r.bucketName};
		},
		async close() {
			for (const r of running.values()) r.cancel();
			const b = browser;
			browser = null;
			await b?.then((x) => x.close({silent: true})).catch(() => undefined);
		},
		async getProgress({renderId, outProvider}) {
			const r = running.get(renderId);
			if (!r) throw Object.assign(new Error(`No render with id ${renderId} in the bucket.`), {name: 'NoSuchKey'});
			// As Remotion: the state of an output on another service is read there, with its keys.
			if (r.outName?.provider && outProvider?.endpoint !== r.outName.provider.endpoint)
				throw new Error(`Render ${renderId} writes to ${r.outName.provider.endpoint}: pass s3OutputProvider to read its progress.`);
			return structuredClone(r.progress);
		},
		async cancel({renderId}) {
			running.get(renderId)?.cancel();
		},
		async renderStill(r) {
			const tmp = await mkdtemp(join(tmpdir(), 'promptreel-sim-still-'));
			try {
				const composition = await selectComposition({
					serveUrl: r.serveUrl,
					id: r.composition,
					inputProps: r.inputProps,
					...(await common()),
				});
				const file = join(tmp, 'out.jpeg');
				await renderStill({
					serveUrl: r.serveUrl,
					composition,
					inputProps: r.inputProps,
					output: file,
					frame: r.frame,
					imageFormat: 'jpeg',
					jpegQuality: r.jpegQuality,
					scale: r.scale,
					...(await common()),
				});
				const renderId = randomBytes(5).toString('hex');
				const out = await writeOutput({file, renderBucket: r.bucketName, defaultKey: `renders/${renderId}/out.jpeg`, outName: r.outName});
				return {bucketName: out.bucketName, outKey: out.key, renderId, costUsd: 0.00002, sizeInBytes: out.size};
			} finally {
				await rm(tmp, {recursive: true, force: true}).catch(() => undefined);
			}
		},
	};
};
