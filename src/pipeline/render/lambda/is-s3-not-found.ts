/** An S3 error saying the object (or bucket) is not there: HEAD answers NotFound, GET NoSuchKey. */
export const isS3NotFound = (error: unknown): boolean => {
	const e = error as {name?: string; $metadata?: {httpStatusCode?: number}};
	return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
};
