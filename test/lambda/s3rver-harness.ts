import {mkdtempSync, rmSync} from 'node:fs';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import S3rver from 's3rver';

/** s3rver's fixed credentials: the real SDK signs with them and s3rver checks the signature. */
export const S3RVER_KEYS = {accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER'};

export type S3rverHandle = {endpoint: string; dir: string; close: () => Promise<void>};

/** A real S3-compatible server on loopback, in a temp folder removed on close. */
export const startS3rver = async (): Promise<S3rverHandle> => {
	const dir = mkdtempSync(join(tmpdir(), 'promptreel-s3rver-'));
	const server = new S3rver({address: '127.0.0.1', port: 0, silent: true, directory: dir, resetOnClose: true});
	const address = (await server.run()) as AddressInfo;
	return {
		endpoint: `http://127.0.0.1:${address.port}`,
		dir,
		close: async () => {
			await server.close();
			rmSync(dir, {recursive: true, force: true});
		},
	};
};
