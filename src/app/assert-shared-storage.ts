import {ConfigError} from './config-error';
import type {PromptreelConfig} from './config';

/**
 * Servers that share a Postgres job store must share their files too: a job rendered on one is
 * downloaded from another, and an upload received by one is rendered by another
 * (docs/scaling.md). `singleHost` (`promptreel serve --single-host`) says they all run on one
 * machine with one data dir.
 */
export const assertSharedStorage = (o: {config: PromptreelConfig; singleHost: boolean}): void => {
	const {database, storage} = o.config.server;
	if (!database || storage || o.singleHost) return;
	throw new ConfigError([
		{
			path: 'PROMPTREEL_STORAGE_URL',
			message:
				'is required when PROMPTREEL_DATABASE_URL is set: servers sharing a Postgres job store must share outputs and uploads too. Set PROMPTREEL_STORAGE_URL=s3://bucket/prefix (docs/scaling.md), or pass --single-host when every server runs on this machine with one data dir.',
		},
	]);
};
