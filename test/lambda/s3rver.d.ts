// s3rver ships no types; this is the part the tests use (node_modules/s3rver/lib/s3rver.js).
declare module 's3rver' {
	import type {AddressInfo} from 'node:net';
	export default class S3rver {
		constructor(options: {
			address?: string;
			port?: number;
			silent?: boolean;
			directory?: string;
			resetOnClose?: boolean;
			configureBuckets?: {name: string; configs?: string[]}[];
		});
		run(): Promise<AddressInfo>;
		close(): Promise<void>;
	}
}
