import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {probe} from '../support/ffprobe';
import {runCli} from '../support/run-cli';
import {ROOT, SAMPLES_DIR} from '../support/test-env';
import {lambdaStoryboard, writeLambdaMedia} from './lambda-fixture';
import {S3RVER_KEYS, startS3rver, type S3rverHandle} from './s3rver-harness';

const work = mkdtempSync(join(tmpdir(), 'promptreel-lambda-cli-'));
/** No AWS variable of the machine leaks into a test. */
const NO_AWS: Record<string, string> = {
	...Object.fromEntries(
		[
			'AWS_ACCESS_KEY_ID',
			'AWS_SECRET_ACCESS_KEY',
			'AWS_SESSION_TOKEN',
			'AWS_PROFILE',
			'REMOTION_AWS_ACCESS_KEY_ID',
			'REMOTION_AWS_SECRET_ACCESS_KEY',
			'REMOTION_AWS_SESSION_TOKEN',
			'REMOTION_AWS_PROFILE',
		].map((k) => [k, '']),
	),
	PROMPTREEL_RENDERER: 'local',
};
afterAll(() => rmSync(work, {recursive: true, force: true}));

describe('promptreel lambda (no AWS needed)', () => {
	it('policies prints the user and role IAM policies as JSON', async () => {
		const user = await runCli(['lambda', 'policies', 'user'], {cwd: ROOT, env: NO_AWS});
		expect(user.status).toBe(0);
		const policy = JSON.parse(user.stdout);
		expect(policy.Version).toBe('2012-10-17');
		expect(JSON.stringify(policy)).toMatch(/lambda:InvokeFunction/);
		const role = await runCli(['lambda', 'policies', 'role'], {cwd: ROOT, env: NO_AWS});
		expect(JSON.stringify(JSON.parse(role.stdout))).toMatch(/s3:GetObject/);
		const both = await runCli(['lambda', 'policies'], {cwd: ROOT, env: NO_AWS});
		expect(both.stdout).toMatch(/# Policy of the IAM user[\s\S]*# Policy of the role "remotion-lambda-role"/);
		expect((await runCli(['lambda', 'policies', 'admin'], {cwd: ROOT, env: NO_AWS})).status).toBe(2);
	});

	it('estimate prints a price and the number of functions for a sample and for 60 s at 1080p', async () => {
		const sample = await runCli(['lambda', 'estimate', join(SAMPLES_DIR, 'landscape.json'), '--quality', 'high', '--json'], {
			cwd: ROOT,
			env: NO_AWS,
		});
		expect(sample.status, sample.stderr).toBe(0);
		const e = JSON.parse(sample.stdout);
		expect(e).toMatchObject({
			width: 1920,
			height: 1080,
			framesPerLambda: 20,
			framesPerLambdaSource: 'remotion default',
			region: 'us-east-1',
			memorySizeInMb: 2048,
		});
		expect(e.lambdasInvoked).toBe(Math.ceil(e.frames / 20));
		expect(e.usd).toBeGreaterThan(0);

		const minute = lambdaStoryboard('One minute') as any;
		minute.format.resolution = '1080p';
		minute.scenes = Array.from({length: 6}, (_, i) => ({
			id: `s${i}`,
			title: `Scene ${i}`,
			visual: {kind: 'procedural', style: 'grid'},
			narration: {text: ''},
			durationMs: 10_000,
			transition: {type: 'none'},
		}));
		writeFileSync(join(work, 'minute.json'), JSON.stringify(minute));
		const text = await runCli(['lambda', 'estimate', join(work, 'minute.json'), '--quality', 'high'], {cwd: ROOT, env: NO_AWS});
		expect(text.status, text.stderr).toBe(0);
		expect(text.stdout).toMatch(/60\.0 s, 1800 frames at 30 fps, 1920x1080/);
		expect(text.stdout).toMatch(/Functions: 82 \(framesPerLambda 22, Remotion's default/);
		const usd = Number(/Estimated cost: \$([\d.]+)/.exec(text.stdout)?.[1]);
		// Remotion publishes $0.017-0.021 for a 1-minute video at 2048 MB: the same order.
		expect(usd).toBeGreaterThan(0.005);
		expect(usd).toBeLessThan(0.05);
		process.stdout.write(`\n[lambda estimate, 60 s 1080p]\n${text.stdout}\n`);
	});

	it('PROMPTREEL_RENDERER=lambda or --renderer lambda without credentials exits 2 naming the variables', async () => {
		writeFileSync(join(work, 'sb.json'), JSON.stringify(lambdaStoryboard('No creds')));
		writeLambdaMedia(work);
		for (const [args, env] of [
			[['render', join(work, 'sb.json'), '--json'], {...NO_AWS, PROMPTREEL_RENDERER: 'lambda'}],
			[['render', join(work, 'sb.json'), '--json', '--renderer', 'lambda'], NO_AWS],
		] as const) {
			const r = await runCli([...args], {cwd: work, env});
			expect(r.status, r.stderr).toBe(2);
			const error = JSON.parse(r.stdout.trim().split('\n').pop()!);
			expect(error.code).toBe('LAMBDA_NOT_CONFIGURED');
			for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'REMOTION_AWS_ACCESS_KEY_ID', 'AWS_PROFILE'])
				expect(error.message).toContain(name);
		}
	});
});

describe('promptreel lambda setup, status and render --renderer lambda against s3rver (simulated functions)', () => {
	let s3rver: S3rverHandle;
	let env: Record<string, string>;
	beforeAll(async () => {
		s3rver = await startS3rver();
		env = {
			...NO_AWS,
			AWS_ACCESS_KEY_ID: S3RVER_KEYS.accessKeyId,
			AWS_SECRET_ACCESS_KEY: S3RVER_KEYS.secretAccessKey,
			PROMPTREEL_LAMBDA_GATEWAY: 'simulated',
			PROMPTREEL_LAMBDA_S3_ENDPOINT: s3rver.endpoint,
			PROMPTREEL_LAMBDA_POLL_MS: '100',
		};
	});
	afterAll(async () => s3rver?.close());

	it('wrong credentials are found by the identity call, and never printed', async () => {
		const r = await runCli(['lambda', 'status'], {
			cwd: work,
			env: {...env, AWS_ACCESS_KEY_ID: 'AKIAWRONGWRONG', AWS_SECRET_ACCESS_KEY: 'very-secret-value'},
		});
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(
			/Checking the AWS credentials \(STS GetCallerIdentity\): AWS refused the credentials .*Check AWS_ACCESS_KEY_ID/,
		);
		expect(r.stderr + r.stdout).not.toMatch(/very-secret-value|AKIAWRONGWRONG/);
	});

	it('sets up once, reports ready, renders the same video as the local renderer', async () => {
		const setup = await runCli(['lambda', 'setup', '--json'], {cwd: work, env});
		expect(setup.status, setup.stderr).toBe(0);
		const done = JSON.parse(setup.stdout.trim().split('\n').pop()!);
		expect(done).toMatchObject({
			bucketCreated: true,
			functionCreated: true,
			siteDeployed: true,
			siteName: expect.stringMatching(/^promptreel-[0-9a-f]{16}$/),
		});
		// Unchanged sources: nothing deployed the second time.
		const again = JSON.parse((await runCli(['lambda', 'setup', '--json'], {cwd: work, env})).stdout.trim().split('\n').pop()!);
		expect(again).toMatchObject({bucketCreated: false, functionCreated: false, siteDeployed: false, siteName: done.siteName});
		const status = JSON.parse((await runCli(['lambda', 'status', '--json'], {cwd: work, env})).stdout);
		expect(status).toMatchObject({ready: true, currentSite: done.siteName});

		writeFileSync(join(work, 'sb.json'), JSON.stringify(lambdaStoryboard('CLI on Lambda')));
		writeLambdaMedia(work);
		// --force: the test data dir's render cache must not answer for either renderer.
		const lambda = await runCli(
			[
				'render',
				join(work, 'sb.json'),
				'--renderer',
				'lambda',
				'--quality',
				'draft',
				'--force',
				'--json',
				'--out',
				join(work, 'out-lambda'),
			],
			{cwd: work, env, timeoutMs: 280_000},
		);
		expect(lambda.status, lambda.stderr + lambda.stdout).toBe(0);
		const events = lambda.stdout
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l) as {type: string; stage?: string});
		expect(events.some((e) => e.type === 'progress' && e.stage === 'rendering')).toBe(true);
		const report = JSON.parse(readFileSync(join(work, 'out-lambda/report.json'), 'utf8'));
		expect(report.lambda).toMatchObject({renderId: expect.any(String), functions: 3});
		const local = await runCli(
			['render', join(work, 'sb.json'), '--renderer', 'local', '--quality', 'draft', '--force', '--json', '--out', join(work, 'out-local')],
			{cwd: work, env: NO_AWS, timeoutMs: 280_000},
		);
		expect(local.status, local.stderr).toBe(0);
		const [a, b] = [probe(join(work, 'out-lambda/video.mp4')), probe(join(work, 'out-local/video.mp4'))];
		expect({...a.video, durationSec: a.durationSec.toFixed(2), audio: a.audio?.codec}).toEqual({
			...b.video,
			durationSec: b.durationSec.toFixed(2),
			audio: b.audio?.codec,
		});
	}, 400_000);
});
