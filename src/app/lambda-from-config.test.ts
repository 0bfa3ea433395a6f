import {describe, expect, it} from 'vitest';
import {PromptreelError} from '../pipeline/errors';
import {ConfigError, loadConfig} from './config';
import {lambdaSettingsFromConfig} from './lambda-from-config';

describe('lambdaSettingsFromConfig', () => {
	it('fails fast without credentials, naming every variable that would do', () => {
		const error = (() => {
			try {
				lambdaSettingsFromConfig(loadConfig({}));
			} catch (e) {
				return e;
			}
		})();
		expect(error).toBeInstanceOf(PromptreelError);
		expect(error).toMatchObject({code: 'LAMBDA_NOT_CONFIGURED', badInput: true});
		for (const name of [
			'REMOTION_AWS_ACCESS_KEY_ID',
			'REMOTION_AWS_SECRET_ACCESS_KEY',
			'AWS_ACCESS_KEY_ID',
			'AWS_SECRET_ACCESS_KEY',
			'AWS_SESSION_TOKEN',
			'AWS_PROFILE',
			'REMOTION_AWS_PROFILE',
		]) {
			expect((error as Error).message).toContain(name);
		}
	});

	it("reads credentials and region in Remotion's order, with defaults", () => {
		const s = lambdaSettingsFromConfig(
			loadConfig({
				AWS_ACCESS_KEY_ID: 'AKIAAWS',
				AWS_SECRET_ACCESS_KEY: 's1',
				REMOTION_AWS_ACCESS_KEY_ID: 'AKIAREMOTION',
				REMOTION_AWS_SECRET_ACCESS_KEY: 's2',
				AWS_REGION: 'eu-central-1',
			}),
		);
		expect(s).toMatchObject({
			region: 'eu-central-1',
			credentials: {kind: 'keys', accessKeyId: 'AKIAREMOTION', from: 'REMOTION_AWS_*'},
			memorySizeInMb: 2048,
			diskSizeInMb: 2048,
			timeoutInSeconds: 120,
			framesPerLambda: null,
			maxRetries: 2,
		});
		expect(
			lambdaSettingsFromConfig(loadConfig({AWS_PROFILE: 'render', REMOTION_AWS_REGION: 'us-west-2', AWS_REGION: 'eu-west-1'})),
		).toMatchObject({region: 'us-west-2', credentials: {kind: 'profile', profile: 'render'}});
	});

	it('refuses an unknown region and too few frames per function, naming the variable', () => {
		expect(() => lambdaSettingsFromConfig(loadConfig({AWS_PROFILE: 'p', AWS_REGION: 'mars-1'}))).toThrowError(ConfigError);
		expect(() => lambdaSettingsFromConfig(loadConfig({AWS_PROFILE: 'p', AWS_REGION: 'mars-1'}))).toThrowError(
			/AWS_REGION: "mars-1" is not a region/,
		);
		expect(() => lambdaSettingsFromConfig(loadConfig({AWS_PROFILE: 'p', PROMPTREEL_LAMBDA_FRAMES_PER_LAMBDA: '3'}))).toThrowError(
			/PROMPTREEL_LAMBDA_FRAMES_PER_LAMBDA/,
		);
	});
});
