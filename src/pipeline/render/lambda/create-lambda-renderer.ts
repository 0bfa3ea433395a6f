import {createHash} from 'node:crypto';
import type {S3Client} from '@aws-sdk/client-s3';
import {computeTimeline, frameSize, type Storyboard} from '../../../compositions/storyboard';
import {PromptreelError, RenderCancelledError} from '../../errors';
import {assertKnownTemplate} from '../assert-known-template';
import {hashBundleSources} from '../bundle-cache';
import {posterFrameOf} from '../local-renderer';
import {resolveQuality, type Quality} from '../quality';
import type {
	LambdaRenderInfo,
	OutputObject,
	RenderPosterOptions,
	RenderVideoOptions,
	RenderedVideo,
	Renderer,
	StoredObject,
} from '../renderer';
import {assertLocalMediaExist, findLocalMedia, localMediaPaths, withMediaUrls} from '../storyboard-media';
import {createS3Client} from './create-s3-client';
import {isTransientLambdaError, lambdaError, renderFailure} from './lambda-errors';
import type {LambdaGateway, LambdaOutName, LambdaProgress} from './lambda-gateway';
import {lambdaOutNameFor} from './lambda-out-name';
import type {LambdaRenderLedger} from './lambda-render-ledger';
import {siteNameFor, type LambdaSettings} from './lambda-settings';
import {createS3MediaStore, type S3MediaStore} from './s3-media-store';

export type LambdaRendererOptions = {
	settings: LambdaSettings;
	gateway: LambdaGateway;
	/** Renders started and not yet brought home, so a lost worker's retry resumes them. */
	ledger: LambdaRenderLedger;
	/** REMOTION_LICENSE_KEY, passed with each render. */
	licenseKey?: string | null;
	/** Our S3 client (default: one made from the settings). */
	s3?: S3Client | Promise<S3Client>;
	/** The bundle's source hash, which names the site (default: hashBundleSources). */
	sourceHash?: () => Promise<string>;
};

/** Everything a render needs that does not change between renders; found once per renderer. */
type Ready = {bucketName: string; functionName: string; serveUrl: string; store: S3MediaStore; presignSeconds: number};

const abortable = (ms: number, signal: AbortSignal | undefined) =>
	new Promise<void>((resolve) => {
		const timer = setTimeout(done, ms);
		function done() {
			clearTimeout(timer);
			signal?.removeEventListener('abort', done);
			resolve();
		}
		signal?.addEventListener('abort', done, {once: true});
	});

/**
 * Renders on Remotion Lambda behind the same Renderer interface as the local renderer. Before any
 * upload it checks the credentials (STS), the bucket, the function and the site of the current
 * sources; it uploads the storyboard's local media once, content-addressed, and gives the
 * functions presigned URLs living twice the function timeout; it maps Lambda progress to our
 * stages, cancels the render on abort, retries transient failures a bounded number of times, and
 * records each render in the ledger so a retry after a lost worker resumes it (docs/lambda.md).
 */
export const createLambdaRenderer = (o: LambdaRendererOptions): Renderer => {
	const s = o.settings;
	const sourceHash = o.sourceHash ?? (() => hashBundleSources());
	let ready: Promise<Ready> | null = null;

	const findReady = async (): Promise<Ready> => {
		try {
			await o.gateway.identity();
		} catch (error) {
			throw lambdaError(error, 'Checking the AWS credentials (STS GetCallerIdentity)');
		}
		const bucketName =
			s.bucketName ?? (await o.gateway.findBucket().catch((e: unknown) => Promise.reject(lambdaError(e, 'Finding the render bucket'))));
		if (!bucketName) {
			throw new PromptreelError(
				'LAMBDA_NOT_CONFIGURED',
				`No Remotion Lambda bucket in ${s.region}. Run \`promptreel lambda setup\` (or set PROMPTREEL_LAMBDA_BUCKET).`,
			);
		}
		const functions = await o.gateway.listFunctions().catch((e: unknown) => Promise.reject(lambdaError(e, 'Listing the Lambda functions')));
		const fn = s.functionName
			? functions.find((f) => f.functionName === s.functionName)
			: (functions.find(
					(f) => f.memorySizeInMb === s.memorySizeInMb && f.diskSizeInMb === s.diskSizeInMb && f.timeoutInSeconds === s.timeoutInSeconds,
				) ?? functions[0]);
		if (!fn) {
			const wanted = s.functionName ? `"${s.functionName}" (PROMPTREEL_LAMBDA_FUNCTION)` : 'of this Remotion version';
			throw new PromptreelError(
				'LAMBDA_NOT_CONFIGURED',
				`No Remotion Lambda function ${wanted} in ${s.region}. Run \`promptreel lambda setup\`.`,
			);
		}
		const siteName = siteNameFor(await sourceHash());
		const sites = await o.gateway
			.listSites({bucketName})
			.catch((e: unknown) => Promise.reject(lambdaError(e, 'Listing the deployed sites')));
		const site = sites.find((x) => x.id === siteName);
		if (!site) {
			const stale = sites.filter((x) => x.id.startsWith('promptreel-')).map((x) => x.id);
			const why = stale.length
				? `the deployed sites (${stale.join(', ')}) are stale: the compositions changed since`
				: 'no promptreel site is deployed';
			throw new PromptreelError(
				'LAMBDA_NOT_CONFIGURED',
				`No site "${siteName}" in bucket ${bucketName}: ${why}. Run \`promptreel lambda setup\` to deploy the current one.`,
			);
		}
		const client = (await o.s3) ?? (await createS3Client({region: s.region, credentials: s.credentials, endpoint: s.s3Endpoint}));
		// Media URLs must outlive every function of a render: twice the longest timeout in play.
		const presignSeconds = 2 * Math.max(fn.timeoutInSeconds, s.timeoutInSeconds);
		return {
			bucketName,
			functionName: fn.functionName,
			serveUrl: site.serveUrl,
			store: createS3MediaStore({client, bucketName}),
			presignSeconds,
		};
	};
	const getReady = () => {
		ready ??= findReady().catch((error: unknown) => {
			ready = null;
			throw error;
		});
		return ready;
	};

	/** Uploads (once) and presigns every local medium; resolves to the props and a key of the content. */
	const prepareProps = async (sb: Storyboard, mediaDir: string, r: Ready, onProgress?: (p: number) => void) => {
		const paths = [...new Set(localMediaPaths(sb))];
		const keys = new Map<string, string>();
		const urls = new Map<string, string>();
		let done = 0;
		for (const path of paths) {
			const file = findLocalMedia(path, mediaDir);
			if (!file) continue; // assertLocalMediaExist has named it already
			const uploaded = await r.store.uploadMedia({file}).catch((e: unknown) => Promise.reject(lambdaError(e, `Uploading ${path}`)));
			keys.set(path, uploaded.key);
			// Signing is local (no request): each render gets URLs living the full span from now.
			urls.set(path, await r.store.presign({key: uploaded.key, expiresInSeconds: r.presignSeconds}));
			onProgress?.(++done / paths.length);
		}
		const inputProps = withMediaUrls(sb, (src) => urls.get(src) ?? src) as unknown as Record<string, unknown>;
		const contentKey = withMediaUrls(sb, (src) => keys.get(src) ?? src);
		return {inputProps, contentKey};
	};

	const outNameFor = (out: OutputObject | null | undefined) => lambdaOutNameFor(out, s);

	const sizeOf = (sb: Storyboard, quality: Quality) => resolveQuality(quality, frameSize(sb.format));

	/** Calls `fn`, retrying transient failures (throttling, flaky functions) up to maxRetries times. */
	const withRetries = async <T>(what: string, signal: AbortSignal | undefined, fn: () => Promise<T>): Promise<T> => {
		for (let attempt = 0; ; attempt++) {
			try {
				return await fn();
			} catch (error) {
				if (signal?.aborted) throw new RenderCancelledError();
				if (attempt >= s.maxRetries || !isTransientLambdaError(error))
					throw lambdaError(error, what, {timeoutInSeconds: s.timeoutInSeconds});
				await abortable(s.pollIntervalMs * 2 ** attempt, signal);
			}
		}
	};

	/** Polls a render until it is done; cancels it on abort; throws its fatal error. */
	/** Polls a render until it is done; cancels it on abort; throws its fatal error. */
	const pollUntilDone = async (
		renderId: string,
		r: Ready,
		v: RenderVideoOptions,
		outName: LambdaOutName | null,
	): Promise<LambdaProgress> => {
		for (;;) {
			if (v.signal?.aborted) {
				await o.gateway.cancel({bucketName: r.bucketName, renderId}).catch(() => undefined);
				throw new RenderCancelledError();
			}
			const p = await withRetries(`Reading the progress of render ${renderId}`, v.signal, () =>
				o.gateway.getProgress({functionName: r.functionName, bucketName: r.bucketName, renderId, outProvider: outName?.provider}),
			).catch(async (error: unknown) => {
				if (error instanceof RenderCancelledError) await o.gateway.cancel({bucketName: r.bucketName, renderId}).catch(() => undefined);
				throw error;
			});
			if (p.fatalErrorEncountered) throw renderFailure(p.errors, {renderId, timeoutInSeconds: s.timeoutInSeconds});
			if (p.done) return p;
			v.onProgress?.(
				p.combinedFrames > 0 || p.overallProgress >= 0.99
					? {stage: 'encoding', progress: p.overallProgress}
					: {stage: 'rendering', progress: p.overallProgress},
			);
			await abortable(s.pollIntervalMs, v.signal);
		}
	};

	return {
		id: 'lambda',
		async renderVideo(v: RenderVideoOptions): Promise<RenderedVideo> {
			const started = performance.now();
			if (v.signal?.aborted) throw new RenderCancelledError();
			assertKnownTemplate(v.storyboard.template);
			assertLocalMediaExist(v.storyboard, v.mediaDir);
			v.onProgress?.({stage: 'bundling', progress: 0});
			const r = await getReady();
			const {inputProps, contentKey} = await prepareProps(v.storyboard, v.mediaDir, r, (p) =>
				v.onProgress?.({stage: 'bundling', progress: p}),
			);
			v.onProgress?.({stage: 'bundling', progress: 1});
			const quality = sizeOf(v.storyboard, v.quality);
			const frames = computeTimeline(v.storyboard).durationInFrames;
			const outName = outNameFor(v.outObject);
			// The output's bucket is part of the key, not its object key: a later attempt of the same
			// job (another key) resumes the render, and its output is found where that render put it.
			const out = outName && {bucketName: outName.bucketName, endpoint: outName.provider?.endpoint ?? null};
			const key = createHash('sha256')
				.update(JSON.stringify({serveUrl: r.serveUrl, fn: r.functionName, bucket: r.bucketName, quality: v.quality, sb: contentKey, out}))
				.digest('hex')
				.slice(0, 32);

			const start = () =>
				withRetries('Starting the Lambda render', v.signal, () =>
					o.gateway.renderMedia({
						functionName: r.functionName,
						bucketName: r.bucketName,
						serveUrl: r.serveUrl,
						composition: v.storyboard.template,
						inputProps,
						scale: quality.scale,
						crf: quality.crf,
						jpegQuality: quality.jpegQuality,
						framesPerLambda: s.framesPerLambda,
						maxRetries: s.maxRetries,
						licenseKey: o.licenseKey ?? null,
						outName,
					}),
				);

			// A render an earlier attempt started (its worker was lost) is resumed, not started again.
			let renderId: string | null = null;
			let resumed = false;
			const earlier = await o.ledger.find(key);
			if (earlier) {
				const p = await o.gateway
					.getProgress({
						functionName: earlier.functionName,
						bucketName: earlier.bucketName,
						renderId: earlier.renderId,
						outProvider: outName?.provider,
					})
					.catch(() => null);
				if (p && !p.fatalErrorEncountered) {
					renderId = earlier.renderId;
					resumed = true;
				} else {
					await o.ledger.forget(key);
				}
			}
			let restarts = 0;
			for (;;) {
				if (!renderId) {
					renderId = (await start()).renderId;
					await o.ledger.save(key, {
						renderId,
						bucketName: r.bucketName,
						functionName: r.functionName,
						region: s.region,
						startedAt: Date.now(),
						out: outName && {bucketName: outName.bucketName, key: outName.key, endpoint: outName.provider?.endpoint ?? null},
					});
				}
				const id = renderId;
				let progress: LambdaProgress;
				try {
					progress = await pollUntilDone(id, r, v, outName);
				} catch (error) {
					await o.ledger.forget(key);
					if (error instanceof PromptreelError && error.code !== 'CANCELLED' && error.retryable && restarts < s.maxRetries) {
						restarts++;
						renderId = null;
						resumed = false;
						continue;
					}
					throw error;
				}
				if (!progress.outKey) throw new PromptreelError('LAMBDA_FUNCTION_ERROR', `Lambda render ${id} finished without an output file.`);
				v.onProgress?.({stage: 'encoding', progress: 1});
				// Written where we asked: nothing to bring home (the caller's store takes it from there).
				const stored: StoredObject | null = outName
					? {bucketName: progress.outBucket ?? outName.bucketName, key: progress.outKey, size: progress.outputSizeInBytes}
					: null;
				if (!stored) {
					await r.store
						.download({key: progress.outKey, bucketName: progress.outBucket ?? r.bucketName, file: v.outFile})
						.catch((e: unknown) => Promise.reject(lambdaError(e, `Downloading the video of render ${id}`)));
				}
				await o.ledger.forget(key);
				const lambda: LambdaRenderInfo = {
					renderId: id,
					region: s.region,
					bucketName: r.bucketName,
					functionName: r.functionName,
					costUsd: progress.costUsd,
					functions: progress.lambdasInvoked,
					resumed,
				};
				return {
					file: v.outFile,
					width: quality.width,
					height: quality.height,
					fps: v.storyboard.format.fps,
					frames,
					renderMs: performance.now() - started,
					lambda,
					...(stored ? {stored} : {}),
				};
			}
		},
		async renderPoster(p: RenderPosterOptions) {
			if (p.signal?.aborted) throw new RenderCancelledError();
			assertKnownTemplate(p.storyboard.template);
			assertLocalMediaExist(p.storyboard, p.mediaDir);
			const r = await getReady();
			const {inputProps} = await prepareProps(p.storyboard, p.mediaDir, r);
			const quality = sizeOf(p.storyboard, p.quality);
			const frames = computeTimeline(p.storyboard).durationInFrames;
			const outName = outNameFor(p.outObject);
			const still = await withRetries('Rendering the poster on Lambda', p.signal, () =>
				o.gateway.renderStill({
					functionName: r.functionName,
					bucketName: r.bucketName,
					serveUrl: r.serveUrl,
					composition: p.storyboard.template,
					inputProps,
					scale: quality.scale,
					jpegQuality: quality.jpegQuality,
					maxRetries: s.maxRetries,
					licenseKey: o.licenseKey ?? null,
					frame: Math.min(p.frame ?? posterFrameOf(p.storyboard), frames - 1),
					outName,
				}),
			);
			if (outName) return {file: p.outFile, stored: {bucketName: outName.bucketName, key: still.outKey, size: still.sizeInBytes}};
			await r.store
				.download({key: still.outKey, bucketName: still.bucketName, file: p.outFile})
				.catch((e: unknown) => Promise.reject(lambdaError(e, 'Downloading the poster')));
			return {file: p.outFile};
		},
		sourceHash,
		async close() {
			ready = null;
			await o.gateway.close?.().catch(() => undefined);
		},
	};
};
